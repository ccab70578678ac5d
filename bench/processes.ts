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
  stop(): Promise<void>;
}

async function start(
  what: string,
  args: string[],
  env: Record<string, string>,
  addressPattern: RegExp,
  readyPath: string,
): Promise<Running> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
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
  for (;;) {
    const response = await fetch(address + readyPath).catch(() => undefined);
    if (response?.ok) break;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const readyMs = performance.now() - started;
  return {
    address,
    readyMs,
    pid: child.pid!,
    peakRssMiB() {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    },
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export function startApi(target: DatabaseTarget): Promise<Running> {
  return start(
    "the API",
    ["--enable-source-maps", "dist/main.js"],
    { NODE_ENV: "production", DATABASE_URL: databaseUrl(target), HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "info" },
    /GraphQL API on (http:\/\/[\d.]+:\d+)\/graphql/,
    "/readyz",
  );
}

export function startBaseline(target: DatabaseTarget): Promise<Running> {
  return start(
    "the baseline",
    ["--import", "tsx", "bench/baseline-server.ts"],
    { DATABASE_URL: databaseUrl(target) },
    /baseline on (http:\/\/[\d.]+:\d+)/,
    "/explore",
  );
}
