import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

const projectRoot = new URL("../..", import.meta.url).pathname;
/** How long a server process may take to start listening before it is killed. */
const LISTEN_TIMEOUT_MS = 20_000;

export interface ServerProcess {
  child: ChildProcessWithoutNullStreams;
  /** http://host:port */
  address: string;
  /** Everything it has written to standard output so far. */
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** Starts `src/main.ts` as its own process on a free port, resolving once it listens. */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const started = await startProcess("src/main.ts", env, /GraphQL API on (http:\/\/[^/\s]+)\/graphql/);
  return { ...started, address: started.match[1]! };
}

export type WorkerProcess = Omit<ServerProcess, "address">;

/** Starts `src/worker.ts` (`npm run worker`) as its own process, resolving once it takes jobs. */
export async function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const { match: _, ...started } = await startProcess("src/worker.ts", env, /worker taking jobs/);
  return started;
}

async function startProcess(script: string, env: Record<string, string>, ready: RegExp) {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: projectRoot,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", ...env },
  });
  let output = "";
  child.stdout.on("data", (chunk) => void (output += chunk));
  child.stderr.on("data", (chunk) => void (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    // A server that never says it listens is not left running after the test gives up on it.
    const giveUp = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} was not ready within ${LISTEN_TIMEOUT_MS} ms: ${output}`));
    }, LISTEN_TIMEOUT_MS);
    child.stdout.on("data", () => {
      const match = ready.exec(output);
      if (!match) return;
      clearTimeout(giveUp);
      resolve(match);
    });
    void exited.then((code) => {
      clearTimeout(giveUp);
      reject(new Error(`${script} exited with ${code}: ${output}`));
    });
  });
  return { child, match, output: () => output, exited };
}
