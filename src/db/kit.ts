// drizzle-kit for both dialects at once (drizzle.config.ts picks one from DATABASE_URL):
//   npm run db:generate -- --name <what changed>   writes the next migration of each dialect
//   npm run db:check                               fails unless both folders are consistent and
//                                                  hold every change of the table definitions
// Neither connects to a database.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
/** A DATABASE_URL of each dialect, for drizzle.config.ts; nothing connects to them. */
const dialects = { sqlite: "file:unused.db", postgresql: "postgres://localhost/unused" };

function drizzleKit(args: string[], databaseUrl: string): { status?: string } {
  const output = execFileSync("npx", ["drizzle-kit", ...args, "--output", "json"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(output.trim().split("\n").at(-1)!);
}

function generate(args: string[]): boolean {
  let ok = true;
  for (const [dialect, databaseUrl] of Object.entries(dialects)) {
    const result = drizzleKit(["generate", ...args], databaseUrl);
    console.log(`${dialect}: ${JSON.stringify(result)}`);
    ok &&= result.status === "ok" || result.status === "no_changes";
  }
  return ok;
}

function check(): boolean {
  let ok = true;
  for (const [dialect, databaseUrl] of Object.entries(dialects)) {
    const consistency = drizzleKit(["check"], databaseUrl);
    if (consistency.status !== "ok") {
      ok = false;
      console.error(`${dialect}: the migrations folder is inconsistent: ${JSON.stringify(consistency)}`);
      continue;
    }
    const pending = drizzleKit(["generate", "--explain"], databaseUrl);
    if (pending.status !== "no_changes") {
      ok = false;
      console.error(
        `${dialect}: the table definitions hold changes that no migration does; ` +
          `run \`npm run db:generate -- --name <what changed>\`:\n${JSON.stringify(pending, null, 2)}`,
      );
      continue;
    }
    console.log(`${dialect}: migrations are consistent and up to date`);
  }
  return ok;
}

const [command, ...args] = process.argv.slice(2);
const ok = command === "generate" ? generate(args) : command === "check" ? check() : false;
if (command !== "generate" && command !== "check") console.error("usage: kit.ts generate [--name NAME] | check");
process.exit(ok ? 0 : 1);
