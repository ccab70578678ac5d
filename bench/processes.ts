// The API (in production mode) and the raw baseline, each started as a process of its own.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { databaseUrl, type DatabaseTarget } from "../src/db/url.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

export interface Running {
  address: string;
  /** From spawn to the first successful answer. */
  readyMs: number;
  pid: number;
  /** The most resident memory the process has had (VmHWM), in MiB. */
  peakRssMiB(): number;
  /** The CPU time the process has used so far (user and system), in seconds. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** Clock ticks per second in /proc/<pid>/stat: 100 on Linux, whatever the kernel's HZ. */
const TICKS_PER_SECOND = 100;

export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

async function start(
  what: string,
  args: string[],
  env: Record<string, string>,
  addressPattern: RegExp,
  /** Whether the server at `address` is ready to answer. */
  ready: (address: string) => Promise<boolean>,
  nodeArgs: string[] = [],
): Promise<Running> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const address = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = addressPattern.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${what} exited (${code}) before listening:\n${output}`)));
  });
  // Stop collecting: a request log line per request would only grow this string.
  child.stdout!.removeAllListeners("data");
  child.stdout!.resume();
  while (!(await ready(address).catch(() => false))) await new Promise((resolve) => setTimeout(resolve, 5));
  const readyMs = performance.now() - started;
  return {
    address,
    readyMs,
    pid: child.pid!,
    peakRssMiB() {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    },
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

const answers = (path: string, init?: RequestInit) => async (address: string) => (await fetch(address + path, init)).ok;

/**
 * The API as production runs it (request logging on), but for the message rate limit: the
 * benchmark sends thousands of messages a minute from one account. `nodeArgs` go to node itself
 * (a CPU profile's flags).
 */
export function startApi(target: DatabaseTarget, nodeArgs: string[] = []): Promise<Running> {
  return start(
    "the API",
    ["--enable-source-maps", "dist/main.js"],
    { NODE_ENV: "production", DATABASE_URL: databaseUrl(target), HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "info", MESSAGE_RATE_LIMIT: "100000" },
    /GraphQL API on (http:\/\/[\d.]+:\d+)\/graphql/,
    answers("/readyz"),
    nodeArgs,
  );
}

export function startBaseline(target: DatabaseTarget): Promise<Running> {
  return start(
    "the baseline",
    ["--import", "tsx", "bench/baseline-server.ts"],
    { DATABASE_URL: databaseUrl(target) },
    /baseline on (http:\/\/[\d.]+:\d+)/,
    answers("/explore"),
  );
}

/** PostGraphile 4 (bench/postgraphile) over a PostgreSQL database, with a pool as large as the API's. */
export function startPostGraphile(target: DatabaseTarget & { dialect: "postgres" }): Promise<Running> {
  return start(
    "PostGraphile",
    ["bench/postgraphile/server.mjs"],
    { NODE_ENV: "production", DATABASE_URL: target.url, DATABASE_POOL_SIZE: "10" },
    /(http:\/\/[\d.]+:\d+)\/graphql/,
    answers("/graphql", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) }),
  );
}
