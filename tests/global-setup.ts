// Says, once at the start of `npm test`, which parts of the suite will not run here and why, so that
// a green run on a laptop is not mistaken for the whole suite (CI runs everything).
export default function announceSkips(): void {
  const skipped = [
    process.env.TEST_DATABASE_URL
      ? undefined
      : "PostgreSQL: every test runs on SQLite only, and the PostgreSQL-only ones are skipped. Set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test) to run them.",
    process.env.TEST_REDIS_URL
      ? undefined
      : "Redis: the rate limits shared through Redis are skipped. Set TEST_REDIS_URL (e.g. redis://127.0.0.1:6379) to run them.",
  ].filter((line) => line !== undefined);
  for (const line of skipped) process.stdout.write(`skipped: ${line}\n`);
}
