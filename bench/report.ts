// The results as BENCHMARKS.md shows them, and what they were measured on.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../src/config.ts";
import type { DatasetSize } from "../src/seed/dataset.ts";
import type { Engine } from "./datasets.ts";
import type { Load, RoundsLoad } from "./measure.ts";
import { OPERATIONS, type BenchOperation } from "./operations.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

export interface OperationResult {
  name: BenchOperation["name"];
  statements: number;
  api: RoundsLoad;
  baseline?: RoundsLoad;
  /** API req/s ÷ baseline req/s: the median of the rounds' ratios. */
  ratio?: number;
  /** The lowest and the highest of the rounds' ratios. */
  ratioSpread?: [number, number];
  /** The peer (--peers), beside the same baseline in the same rounds. */
  peer?: { name: string; load: RoundsLoad; ratio: number; low: number; high: number; apiToPeer: number };
}

export interface EngineResult {
  engine: Engine;
  dataset: DatasetSize & { seed: number };
  startupMs: number;
  peakRssMiB: number;
  deepPage: number;
  operations: OperationResult[];
  /** Deep feed page p50 ÷ first page p50 (target ≤ 1.2). */
  deepToFirstP50: number;
}

export interface GrowthResult {
  engine: Engine;
  small: DatasetSize;
  large: DatasetSize;
  /** Req/s under load at each size; none for heavy work, timed alone only. */
  operations: { name: BenchOperation["name"]; smallP50Ms: number; largeP50Ms: number; growth: number; small?: Load; large?: Load }[];
}

export interface WorstResult {
  name: string;
  title: string;
  /** One client, one request at a time. */
  p50Ms: number;
  maxMs: number;
  /** The explore page, asked by one client while four clients send this operation over and over. */
  normalP50Ms: number;
  normalP99Ms: number;
  /** How many of this operation the four clients got answered meanwhile. */
  answeredInParallel: number;
}

export interface WorstSettings {
  dataset: DatasetSize;
  seconds: number;
  targetMs: number;
  normalP99TargetMs: number;
}

const engineName = (engine: Engine) => (engine === "sqlite" ? "SQLite" : "PostgreSQL");
const titleOf = (name: BenchOperation["name"]) => OPERATIONS[name].title;
const growthTargetOf = (name: BenchOperation["name"]) => {
  const target = OPERATIONS[name].growthTarget;
  return target === undefined ? "none" : `≤ ${target}`;
};

export function worstMarkdown(results: { engine: Engine; operations: WorstResult[] }[], settings: WorstSettings): string {
  const { limits, maxFollowing } = loadConfig({});
  const lines = [
    `The most expensive operations the default limits allow (MAX_COST ${limits.cost.toLocaleString("en")}, ${limits.aliases} aliases, ` +
      `depth ${limits.depth}, first ≤ 100; the feed's reader follows ${maxFollowing.toLocaleString("en")} users, MAX_FOLLOWING), on ` +
      `${settings.dataset.users.toLocaleString("en")} users and ${settings.dataset.posts.toLocaleString("en")} posts; ${settings.seconds} s each alone, ` +
      `then ${settings.seconds} s of four clients sending it over and over while one more asks for the explore page. ` +
      `Targets: each under ${settings.targetMs} ms; the explore page's p99 under ${settings.normalP99TargetMs} ms meanwhile.`,
    "",
  ];
  for (const result of results) {
    lines.push(
      `### ${engineName(result.engine)}`,
      "",
      "| operation | alone p50 ms | alone max ms | explore p50 / p99 ms beside four of it | answered meanwhile |",
      "| --- | ---: | ---: | ---: | ---: |",
    );
    for (const op of result.operations) {
      lines.push(`| ${op.title} | ${op.p50Ms} | ${op.maxMs} | ${op.normalP50Ms} / **${op.normalP99Ms}** | ${op.answeredInParallel} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

/** Writes `table` between `start` and `end` in BENCHMARKS.md, adding the section at the end when it is not there yet. */
export function writeSection(table: string, start: string, end: string): void {
  const benchmarks = `${root}BENCHMARKS.md`;
  const current = existsSync(benchmarks) ? readFileSync(benchmarks, "utf8") : "# Benchmarks\n";
  const [before, rest] = current.includes(start) ? current.split(start) : [`${current.trimEnd()}\n\n`, `${end}\n`];
  const after = rest?.split(end)[1] ?? "\n";
  writeFileSync(benchmarks, `${before}${start}\n${table}\n${end}${after}`);
}

const spread = ([low, high]: [number, number]) => (low === high ? "" : ` (${low}–${high})`);

export function markdown(results: {
  machine: Record<string, unknown>;
  engines: EngineResult[];
  growth: GrowthResult[];
  settings: { connections: number; durationSeconds: number; rounds: number };
}): string {
  const lines: string[] = [];
  const { machine, settings } = results;
  lines.push(
    `Measured ${String(machine.date).slice(0, 10)} on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ` +
      `Node ${machine.node}, PostgreSQL ${machine.postgres ?? "n/a"}; Apollo Server ${machine.apolloServer}, graphql ${machine.graphql}, ` +
      `graphql-jit ${machine.graphqlJit}, Drizzle ${machine.drizzle}, Fastify ${machine.fastify}, better-sqlite3 ${machine.betterSqlite3}, ` +
      `postgres ${machine.postgresDriver}. autocannon: ${settings.connections} connections; ${settings.rounds} interleaved rounds of ` +
      `${settings.durationSeconds} s per server and operation after 1 s of warm-up each, client and servers on the same 2 cores. ` +
      `Req/s, latencies and CPU are the medians of the rounds; the ratio is the median of the rounds' ratios, their lowest and highest ` +
      `in brackets. CPU µs/req is the server process's own CPU time per request (user and system; not the PostgreSQL server's).`,
    "",
  );
  for (const engine of results.engines) {
    const { dataset } = engine;
    lines.push(
      `### ${engineName(engine.engine)}: ${dataset.users.toLocaleString("en")} users, ` +
        `${dataset.posts.toLocaleString("en")} posts, ${dataset.followsPerUser} follows each`,
      "",
      `![API ÷ baseline req/s per operation on ${engineName(engine.engine)}](bench/charts/ratios-${engine.engine}.svg)`,
      "",
      "| operation | SQL statements | API req/s | p50 / p99 ms | 1 client p50 ms | CPU µs/req | baseline req/s | p50 / p99 ms | 1 client p50 ms | CPU µs/req | req/s ratio |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    );
    for (const op of engine.operations) {
      const base = op.baseline;
      lines.push(
        `| ${titleOf(op.name)}${op.name === "feedDeep" ? ` (after page ${engine.deepPage})` : ""}${OPERATIONS[op.name].heavy ? " (heavy: 1 client)" : ""} | ${op.statements} | ` +
          `${op.api.requestsPerSecond} | ${op.api.p50Ms} / ${op.api.p99Ms} | ${op.api.serialP50Ms} | ${op.api.cpuMicrosPerRequest} | ` +
          (base
            ? `${base.requestsPerSecond} | ${base.p50Ms} / ${base.p99Ms} | ${base.serialP50Ms} | ${base.cpuMicrosPerRequest} | **${op.ratio}×**${spread(op.ratioSpread!)} |`
            : "— | — | — | — | — |"),
      );
    }
    lines.push(
      "",
      `Deep feed page ÷ first page, 1 client p50s taken in turn: **${engine.deepToFirstP50}** (target ≤ 1.2). ` +
        `Server start to ready: ${engine.startupMs} ms. Peak RSS: ${engine.peakRssMiB} MiB.`,
      "",
    );
    const withPeer = engine.operations.filter((op) => op.peer);
    if (withPeer.length > 0) {
      const peerName = withPeer[0]!.peer!.name;
      lines.push(
        `#### Beside ${peerName}, in the same rounds, on the same database`,
        "",
        `| operation | API req/s | ${peerName} req/s | baseline req/s | API ÷ baseline | ${peerName} ÷ baseline | API ÷ ${peerName} | CPU µs/req: API / ${peerName} |`,
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      );
      for (const op of withPeer) {
        const peer = op.peer!;
        lines.push(
          `| ${titleOf(op.name)} | ${op.api.requestsPerSecond} | ${peer.load.requestsPerSecond} | ${op.baseline!.requestsPerSecond} | ` +
            `**${op.ratio}×**${spread(op.ratioSpread!)} | ${peer.ratio}×${spread([peer.low, peer.high])} | ` +
            `**${peer.apiToPeer}×** | ${op.api.cpuMicrosPerRequest} / ${peer.load.cpuMicrosPerRequest} |`,
        );
      }
      lines.push("");
    }
  }
  for (const result of results.growth) {
    lines.push(
      `### Growth on ${engineName(result.engine)}: ${result.small.posts.toLocaleString("en")} → ` +
        `${result.large.posts.toLocaleString("en")} posts (${result.small.users.toLocaleString("en")} users)`,
      "",
      `![1M ÷ 10k posts, 1 client p50, per operation on ${engineName(result.engine)}](bench/charts/growth-${result.engine}.svg)`,
      "",
      "| operation | 1 client p50 ms at 10k | at 1M (taken in turn) | 1M ÷ 10k | target | req/s at 10k | req/s at 1M |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    );
    for (const op of result.operations) {
      lines.push(
        `| ${titleOf(op.name)} | ${op.smallP50Ms} | ${op.largeP50Ms} | **${op.growth}** | ${growthTargetOf(op.name)} | ` +
          `${op.small?.requestsPerSecond ?? "—"} | ${op.large?.requestsPerSecond ?? "—"} |`,
      );
    }
    lines.push("");
  }
  return lines.join("\n");
}

function versionOf(name: string): string {
  return JSON.parse(readFileSync(`${root}node_modules/${name}/package.json`, "utf8")).version;
}

/** What the results were measured on. */
export function machine(postgres: string | undefined) {
  return {
    date: new Date().toISOString(),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.versions.node,
    postgres,
    apolloServer: versionOf("@apollo/server"),
    graphql: versionOf("graphql"),
    graphqlJit: versionOf("graphql-jit"),
    drizzle: versionOf("drizzle-orm"),
    fastify: versionOf("fastify"),
    betterSqlite3: versionOf("better-sqlite3"),
    postgresDriver: versionOf("postgres"),
  };
}
