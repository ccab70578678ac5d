import { defineConfig } from "drizzle-kit";
import { parseDatabaseUrl } from "./src/db/url.ts";

// `npx drizzle-kit migrate` migrates whichever database DATABASE_URL names, as the server does.
const target = parseDatabaseUrl(process.env.DATABASE_URL);

export default target.dialect === "sqlite"
  ? defineConfig({
      dialect: "sqlite",
      schema: "./src/db/dialects/sqlite/schema.ts",
      out: "./drizzle/sqlite",
      dbCredentials: { url: target.path },
    })
  : defineConfig({
      dialect: "postgresql",
      schema: "./src/db/dialects/postgres/schema.ts",
      out: "./drizzle/postgres",
      dbCredentials: { url: target.url },
    });
