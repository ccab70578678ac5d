import { spawnSync } from "node:child_process";
import { defineConfig } from "drizzle-kit";
import { parseDatabaseUrl, type DatabaseTarget } from "./src/db/url.ts";

// `npx drizzle-kit migrate` migrates whichever database DATABASE_URL names, as the server does. What
// CI pipelines get wrong (an empty secret, a URL without its database, a server that is not up) is
// said in one plain line, with exit code 1, before drizzle-kit starts.

/** The drizzle-kit commands that connect to the database. */
const CONNECTS = ["migrate", "push", "pull", "studio"];

function refuse(message: string): never {
  console.error(message);
  process.exit(1);
}

function targetOrExit(): DatabaseTarget {
  try {
    return parseDatabaseUrl(process.env.DATABASE_URL);
  } catch (error) {
    return refuse((error as Error).message);
  }
}

/** Whether PostgreSQL's port answers: checked in a child process, since drizzle-kit reads this file synchronously. */
function checkReachable(url: URL): void {
  // A Unix socket (host in the query, or a path) is left to the driver.
  if (url.searchParams.has("host") || url.hostname.startsWith("%2F")) return;
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1") || "localhost";
  const port = url.port || "5432";
  const probe = `const s = require("node:net").connect(Number(process.argv[2]), process.argv[1]);
    s.setTimeout(3000, () => { console.log("ETIMEDOUT"); process.exit(1); });
    s.on("connect", () => process.exit(0));
    s.on("error", (e) => { console.log(e.code || e.message); process.exit(1); });`;
  const result = spawnSync(process.execPath, ["-e", probe, host, port], { encoding: "utf8", timeout: 10_000 });
  if (result.status === 0) return;
  const why = result.stdout.trim() === "ECONNREFUSED" ? "connection refused" : result.stdout.trim() || "no answer";
  refuse(`Cannot reach PostgreSQL at ${host}:${port} (${why}): is the server up, and is DATABASE_URL's host and port right?`);
}

/** The URL drizzle-kit connects with: PostgreSQL's NOTICEs (`schema "drizzle" already exists, skipping`) kept out of its output. */
function quiet(url: URL): string {
  if (!url.searchParams.has("client_min_messages")) url.searchParams.set("client_min_messages", "warning");
  return url.toString();
}

const target = targetOrExit();

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
      dbCredentials: {
        url: (() => {
          if (!URL.canParse(target.url)) return target.url; // a list of hosts: left to the driver as it is
          const url = new URL(target.url);
          if (process.argv.some((argument) => CONNECTS.includes(argument))) checkReachable(url);
          return quiet(url);
        })(),
      },
    });
