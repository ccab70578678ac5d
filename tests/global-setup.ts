// Says, once at the start of `npm test`, which parts of the suite will not run here and why, so that
// a green run on a laptop is not mistaken for the whole suite (CI runs everything).
import { existsSync } from "node:fs";

export default function announceSkips(): void {
  const skipped = [
    process.env.TEST_DATABASE_URL
      ? undefined
      : "PostgreSQL: every test runs on SQLite only, and the PostgreSQL-only ones are skipped. Set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run them.",
    process.env.TEST_REDIS_URL
      ? undefined
      : "Redis: the rate limits shared through Redis, and the jobs run by BullMQ, are skipped. Set TEST_REDIS_URL (e.g. redis://127.0.0.1:6379) to run them.",
    existsSync(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium")
      ? undefined
      : "Chromium: the browser tests are skipped. Install Debian's chromium (apt-get install chromium), or set CHROMIUM_PATH.",
  ].filter((line) => line !== undefined);
  for (const line of skipped) process.stdout.write(`skipped: ${line}\n`);
}
