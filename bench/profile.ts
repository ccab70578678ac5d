// `npm run bench -- --profile`: where a request's CPU time goes. The API runs under V8's sampling
// profiler (node --cpu-prof) while autocannon sends one operation; only the samples taken while it
// did (after its warm-up) count. Each sample is charged to the package or part of ours whose code
// was running: code without a file of its own (V8 builtins, native bindings, compiled queries) is
// charged to whoever called it. The result is CPU µs per request by part, per operation.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DatabaseTarget } from "../src/db/url.ts";
import type { Engine } from "./datasets.ts";
import { autocannonOptions, drive, graphql, once } from "./measure.ts";
import { BENCH_USER, LOGIN, OPERATIONS, type OperationName } from "./operations.ts";
import { startApi } from "./processes.ts";
import { SEED_PASSWORD } from "../src/seed/dataset.ts";

/** The operations profiled: the reads furthest from the baseline. */
export const PROFILED: OperationName[] = ["explore", "profile", "users"];
/** Where the profiles are kept, to open in Chrome's DevTools (Performance, "Load profile"): beside the datasets, not committed. */
const KEPT = fileURLToPath(new URL("data/profiles/", import.meta.url));
/** The sampling interval, in µs (V8's default is 1,000). */
const SAMPLING_INTERVAL_US = 500;

/** Where code lives → the part of the server it belongs to, first match wins. */
const PARTS: [RegExp, string][] = [
  // Drizzle's calls into better-sqlite3: a native call's time is its JS caller's, so this is SQLite
  // running the statement and building its raw rows.
  [/node_modules\/(drizzle-orm\/better-sqlite3\/session\.js|better-sqlite3\/)/, "SQLite: running the statements (native)"],
  [/node_modules\/postgres\//, "PostgreSQL driver (postgres)"],
  [/node_modules\/drizzle-orm\//, "Drizzle"],
  [/node_modules\/graphql-jit\//, "execution (graphql-jit, compiled queries)"],
  [/node_modules\/graphql\//, "graphql-js (validation, values, errors)"],
  [/node_modules\/@apollo\//, "Apollo Server (request pipeline, response)"],
  [/node_modules\/@as-integrations\//, "Apollo's Fastify integration"],
  [/node_modules\/(pino|sonic-boom|thread-stream|fast-redact|quick-format-unescaped|safe-stable-stringify|atomic-sleep|on-exit-leak-free)\//, "request logging (pino)"],
  [/node_modules\/(fastify|@fastify|find-my-way|light-my-request|avvio|fast-json-stringify|fast-querystring|secure-json-parse|toad-cache|abstract-logging|process-warning|ws)\//, "Fastify"],
  [/node_modules\/dataloader\//, "DataLoader"],
  [/node_modules\/(@escape\.tech|graphql-query-complexity)\//, "limits (armor, cost)"],
  [/node_modules\//, "other packages"],
  [/\/dist\/graphql\//, "ours: resolvers, plugins, context"],
  [/\/dist\/domain\//, "ours: domain (pages, cursors, rules)"],
  [/\/dist\/db\//, "ours: repositories and statements"],
  [/\/dist\//, "ours: server"],
  [/^node:(internal\/)?(_?http|net|stream|internal\/streams|dns|tls)/, "Node: HTTP and sockets"],
  [/^node:internal\/process\/task_queues/, "Node: promise jobs and ticks"],
  [/^node:(internal\/)?crypto/, "Node: crypto (token and query hashes)"],
  [/^node:/, "Node: timers, buffers, events, other"],
];
const GC = "garbage collection";

const UNATTRIBUTED = "V8 and native, not attributed";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The part each node's samples are charged to. */
function partsOf(profile: CpuProfile): Map<number, string | undefined> {
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parts = new Map<number, string | undefined>();
  const partOf = (id: number): string | undefined => {
    if (parts.has(id)) return parts.get(id);
    const { functionName, url } = byId.get(id)!.callFrame;
    let part: string | undefined;
    if (functionName === "(idle)") part = undefined; // not CPU time
    else if (functionName === "(garbage collector)") part = GC;
    else if (functionName === "(program)" || functionName === "(root)") part = UNATTRIBUTED;
    else if (url) part = PARTS.find(([pattern]) => pattern.test(url.replace(/^file:\/\//, "")))?.[1] ?? "other";
    else part = parentOf.has(id) ? partOf(parentOf.get(id)!) : UNATTRIBUTED;
    parts.set(id, part);
    return part;
  };
  for (const node of profile.nodes) partOf(node.id);
  return parts;
}

/** CPU µs by part over the samples taken between `from` and `to` (µs, the monotonic clock the profile uses). */
function breakdown(profile: CpuProfile, from: number, to: number): Map<string, number> {
  const parts = partsOf(profile);
  const totals = new Map<string, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    // timeDeltas[i] is the time from the sample before to this one: what this sample stands for.
    // V8 may write a sample out of order (a negative delta): it stands for nothing.
    const spent = Math.max(profile.timeDeltas[i]!, 0);
    at += profile.timeDeltas[i]!;
    if (at < from || at > to) continue;
    const part = parts.get(profile.samples[i]!);
    if (part !== undefined) totals.set(part, (totals.get(part) ?? 0) + spent);
  }
  return totals;
}

export interface ProfileResult {
  engine: Engine;
  operation: OperationName;
  requests: number;
  /** CPU µs per request by part, largest first. */
  parts: { part: string; micros: number }[];
  totalMicros: number;
}

const nowMicros = () => Number(process.hrtime.bigint() / 1000n);

/** Profiles each of PROFILED on `target`: a server of its own for each, so each profile holds one operation. */
export async function profileOperations(engine: Engine, target: DatabaseTarget, seconds: number, log: (line: string) => void): Promise<ProfileResult[]> {
  const results: ProfileResult[] = [];
  for (const name of PROFILED) {
    const directory = join(KEPT, `${engine}-${name}.tmp`);
    rmSync(directory, { recursive: true, force: true });
    mkdirSync(directory, { recursive: true });
    const api = await startApi(target, ["--cpu-prof", `--cpu-prof-dir=${directory}`, `--cpu-prof-interval=${SAMPLING_INTERVAL_US}`]);
    let window: { from: number; to: number; requests: number };
    try {
      const token = (await once(api.address, graphql(LOGIN, { username: BENCH_USER, password: SEED_PASSWORD }))).login.token;
      const request = OPERATIONS[name].request({ deepCursor: "" }, token);
      const options = autocannonOptions(api.address, request, 10);
      log(`${engine} profile ${name}`);
      await drive(options, 1); // warm up, outside the window
      const from = nowMicros();
      const result = await drive(options, seconds);
      window = { from, to: nowMicros(), requests: result.requests.total };
    } finally {
      await api.stop(); // the profile is written as the process exits
    }
    const [file] = readdirSync(directory).filter((entry) => entry.endsWith(".cpuprofile"));
    if (!file) throw new Error(`no CPU profile was written for ${name}`);
    const kept = join(KEPT, `${engine}-${name}.cpuprofile`);
    renameSync(join(directory, file), kept);
    rmSync(directory, { recursive: true, force: true });
    const profile = JSON.parse(readFileSync(kept, "utf8")) as CpuProfile;
    if (window.from < profile.startTime || window.to > profile.endTime) throw new Error("the load's window is not within the profile: clocks differ");
    const totals = breakdown(profile, window.from, window.to);
    const parts = [...totals]
      .map(([part, micros]) => ({ part, micros: micros / window.requests }))
      .sort((a, b) => b.micros - a.micros);
    results.push({ engine, operation: name, requests: window.requests, parts, totalMicros: parts.reduce((sum, { micros }) => sum + micros, 0) });
  }
  return results;
}

/** One table per engine: the parts as rows, the operations as columns (µs per request and share). */
export function profileMarkdown(results: ProfileResult[], seconds: number): string {
  const lines = [
    `CPU profiles of the API (production mode, request logging on) under 10 connections, ${seconds} s per operation after 1 s of warm-up, ` +
      `sampled every ${SAMPLING_INTERVAL_US} µs: the server process's CPU time per request, by the code that ran it ` +
      "(code without a file of its own, such as V8's builtins, native bindings and the compiled queries, is charged to its caller). " +
      "The profiler itself adds a few percent.",
    "",
  ];
  for (const engine of [...new Set(results.map((result) => result.engine))]) {
    const ofEngine = results.filter((result) => result.engine === engine);
    const order = [...new Set(ofEngine.flatMap((result) => result.parts.map(({ part }) => part)))].sort(
      (a, b) => ofEngine.reduce((sum, r) => sum + (r.parts.find((p) => p.part === b)?.micros ?? 0), 0) - ofEngine.reduce((sum, r) => sum + (r.parts.find((p) => p.part === a)?.micros ?? 0), 0),
    );
    lines.push(
      `### ${engine === "sqlite" ? "SQLite" : "PostgreSQL"}`,
      "",
      `| part | ${ofEngine.map((result) => `${result.operation} µs/req (share)`).join(" | ")} |`,
      `| --- | ${ofEngine.map(() => "---:").join(" | ")} |`,
    );
    for (const part of order) {
      lines.push(
        `| ${part} | ${ofEngine
          .map((result) => {
            const micros = result.parts.find((p) => p.part === part)?.micros ?? 0;
            return `${micros.toFixed(0)} (${((micros / result.totalMicros) * 100).toFixed(0)} %)`;
          })
          .join(" | ")} |`,
      );
    }
    lines.push(`| **all** | ${ofEngine.map((result) => `**${result.totalMicros.toFixed(0)}**`).join(" | ")} |`, "");
  }
  return lines.join("\n");
}
