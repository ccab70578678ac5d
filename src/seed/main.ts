// `npm run seed -- --users N --posts M --follows-per-user K [--seed S]`: fills the database that
// DATABASE_URL names (migrating it first) with a made-up microblog, the same every time for a seed.
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../config.ts";
import { openDatabase } from "../db/database.ts";
import { DEFAULT_SEED, NotEmpty, SEED_PASSWORD, seedDatabase, type Progress, type SeedOptions } from "./dataset.ts";

const LIMITS: Record<keyof SeedOptions, { flag: string; min: number; max: number }> = {
  users: { flag: "--users", min: 1, max: 10_000_000 },
  posts: { flag: "--posts", min: 0, max: 100_000_000 },
  followsPerUser: { flag: "--follows-per-user", min: 0, max: 10_000 },
  seed: { flag: "--seed", min: 0, max: 2 ** 32 - 1 },
};

class UsageError extends Error {}

function parseSeedArgs(args: string[]): SeedOptions {
  const { values } = parseArgs({
    args,
    options: {
      users: { type: "string" },
      posts: { type: "string" },
      "follows-per-user": { type: "string" },
      seed: { type: "string" },
    },
    strict: true,
  });
  const given = { users: values.users, posts: values.posts, followsPerUser: values["follows-per-user"], seed: values.seed };
  const options = { ...DEFAULT_SEED };
  for (const key of Object.keys(LIMITS) as (keyof SeedOptions)[]) {
    const text = given[key];
    if (text === undefined) continue;
    const { flag, min, max } = LIMITS[key];
    const value = /^\d+$/.test(text.replaceAll("_", "")) ? Number(text.replaceAll("_", "")) : Number.NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new UsageError(`${flag} must be a whole number from ${min} to ${max}; got ${JSON.stringify(text)}`);
    }
    options[key] = value;
  }
  return options;
}

const BAR_WIDTH = 30;

/** A progress bar on a terminal; elsewhere (CI logs, pipes) a line per table when it is done. */
function progressReporter(out: NodeJS.WriteStream, started: number): Progress {
  let lastDraw = 0;
  let current: string | undefined;
  let tableStarted = started;
  return (table, done, total) => {
    const now = performance.now();
    if (table !== current) {
      current = table;
      tableStarted = lastDraw || started;
    }
    const finished = done >= total;
    if (!out.isTTY) {
      if (finished) out.write(`${table}: ${done.toLocaleString("en")} rows\n`);
      return;
    }
    if (!finished && now - lastDraw < 100) return;
    lastDraw = now;
    const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
    const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
    const elapsed = (now - started) / 1000;
    const rate = Math.round(done / Math.max((now - tableStarted) / 1000, 0.001));
    out.write(
      `\r${table.padEnd(8)} [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${String(percent).padStart(3)}% ` +
        `${done.toLocaleString("en")}/${total.toLocaleString("en")}  ${rate.toLocaleString("en")} rows/s  ${elapsed.toFixed(1)} s `,
    );
    if (finished) out.write("\n");
  };
}

async function main(): Promise<void> {
  let options: SeedOptions;
  try {
    options = parseSeedArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
  const config = loadConfig();
  const database = openDatabase(config.database);
  try {
    await database.migrate();
    const started = performance.now();
    await seedDatabase(database, options, progressReporter(process.stderr, started));
    const seconds = (performance.now() - started) / 1000;
    const rows = options.users + options.posts + options.users * Math.min(options.followsPerUser, options.users - 1);
    console.log(
      `Seeded ${options.users.toLocaleString("en")} users, ${options.posts.toLocaleString("en")} posts and ` +
        `${options.followsPerUser} follows per user (seed ${options.seed}) in ${seconds.toFixed(1)} s: ` +
        `${Math.round(rows / seconds).toLocaleString("en")} rows/s. Every user's password is "${SEED_PASSWORD}".`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError || error instanceof NotEmpty || error instanceof UsageError ? error.message : error);
  process.exit(1);
});
