import { defineConfig } from "drizzle-kit";
import { parseDatabaseUrl } from "./src/db/url.ts";

// `npx drizzle-kit migrate` migrates whichever database DATABASE_URL names, as the server does.
const target = parseDatabaseUrl(process.env.DATABASE_URL);

export default target.dialect === "sqlite"
  ? defineConfig({
      dialect: "sqlite",
      schema: "./src/db/schema/sqlite.ts",
      out: "./drizzle/sqlite",
      dbCredentials: { url: target.path },
    })
  : defineConfig({
      dialect: "postgresql",
      schema: "./src/db/schema/postgres.ts",
      out: "./drizzle/postgres",
      dbCredentials: { url: target.url },
    });
