// The baseline as a process of its own, as the benchmark runs it: DATABASE_URL names the database;
// it listens on 127.0.0.1 (PORT, or any free port) and prints where.
import { createServer } from "node:http";
import { parseDatabaseUrl } from "../src/db/url.ts";
import { createBaseline } from "./baseline.ts";

const baseline = createBaseline(parseDatabaseUrl(process.env.DATABASE_URL));
const server = createServer(baseline.handle);
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const address = server.address();
  if (address && typeof address === "object") console.log(`baseline on http://127.0.0.1:${address.port}`);
});
process.on("SIGTERM", () => server.close(() => void baseline.close().then(() => process.exit(0))));
