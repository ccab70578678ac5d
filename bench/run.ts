// `npm run bench`: seeds (or reuses) datasets on SQLite and PostgreSQL, starts the real server in
// production mode and the raw baseline (bench/baseline.ts) as processes of their own, drives each with
// autocannon over loopback, and writes bench/results.json and the results section of BENCHMARKS.md.
//
//   npm run bench -- [--engines sqlite,postgres] [--duration 10] [--connections 10] [--no-growth]
//   npm run bench -- --smoke      a small dataset, 1 s per operation, no growth, nothing written:
//                                 proves the benchmark still runs end to end (CI runs it)
//   npm run bench -- --worst      the most expensive operations the default limits allow (bench/operations.ts,
//                                 WORST): each one's latency, and a normal request's while four run at once
//
// PostgreSQL: BENCH_DATABASE_URL (else TEST_DATABASE_URL, else the local server) names a server where
// the benchmark may create databases of its own, microblog_bench_*.
import { spawn, type ChildProcess } from "node:child_process";
import { Agent, request as httpRequest } from "node:http";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import Sqlite from "better-sqlite3";
import postgres from "postgres";
import { loadConfig } from "../src/config.ts";
import { openDatabase } from "../src/db/database.ts";
import type { DatabaseTarget } from "../src/db/url.ts";
import { seedDatabase, SEED_PASSWORD, type DatasetSize } from "../src/seed/dataset.ts";
import { createServer } from "../src/server.ts";
import { CREATE_POST, EXPLORE, FEED, PROFILE, USERS, WORST } from "./operations.ts";

type Engine = DatabaseTarget["dialect"];

const root = fileURLToPath(new URL("..", import.meta.url));
const dataFolder = fileURLToPath(new URL("data/", import.meta.url));

const { values: flags } = parseArgs({
  options: {
    engines: { type: "string", default: "sqlite,postgres" },
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    "no-growth": { type: "boolean", default: false },
    smoke: { type: "boolean", default: false },
    worst: { type: "boolean", default: false },
  },
});
const engines = flags.engines.split(",") as Engine[];
const smoke = flags.smoke;
const duration = smoke ? 1 : Number(flags.duration);
const connections = Number(flags.connections);
const postgresAdminUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** The main dataset (the seed's defaults), and the two the growth check compares. */
const MAIN: DatasetSize = smoke ? { users: 1_000, posts: 20_000, followsPerUser: 50 } : { users: 10_000, posts: 100_000, followsPerUser: 50 };
const GROWTH_SMALL: DatasetSize = { users: 10_000, posts: 10_000, followsPerUser: 50 };
const GROWTH_LARGE: DatasetSize = { users: 10_000, posts: 1_000_000, followsPerUser: 50 };
const SEED = 1;
/** The reader of the feed (follows 50 others) and the profile shown: the most prolific seeded user. */
const BENCH_USER = "user1";
const DEEP_PAGE = 100;
const POST_BODY = "Benchmarking, one post at a time.";
/** How long two requests are timed in turn for a ratio of their latencies. */
const PAIRED_SECONDS = smoke ? 1 : 6;

function datasetName({ users, posts, followsPerUser }: DatasetSize): string {
  return `u${users}_p${posts}_f${followsPerUser}_s${SEED}`;
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

// ---------------------------------------------------------------------------------------------
// Datasets

/** A database holding exactly `size` as the seed makes it: reused when it is there, seeded when not. */
async function dataset(engine: Engine, size: DatasetSize): Promise<DatabaseTarget> {
  const name = datasetName(size);
  let target: DatabaseTarget;
  let recreate: () => Promise<void>;
  if (engine === "sqlite") {
    mkdirSync(dataFolder, { recursive: true });
    const path = `${dataFolder}${name}.db`;
    target = { dialect: "sqlite", path };
    recreate = async () => {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
    };
  } else {
    const database = `microblog_bench_${name}`;
    const url = new URL(postgresAdminUrl);
    url.pathname = `/${database}`;
    target = { dialect: "postgres", url: url.toString() };
    const admin = postgres(postgresAdminUrl, { max: 1, onnotice: () => {} });
    const [exists] = await admin`select 1 from pg_database where datname = ${database}`;
    if (!exists) await admin.unsafe(`create database ${database}`);
    await admin.end();
    recreate = async () => {
      const again = postgres(postgresAdminUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`drop database if exists ${database} with (force)`);
      await again.unsafe(`create database ${database}`);
      await again.end();
    };
  }
  let database = openDatabase(target);
  await database.migrate();
  const [row] = await rawQuery(
    target,
    `select (select count(*) from users) as users, (select count(*) from posts) as posts,
       (select coalesce(max(id), 0) from posts) as last_post, (select count(*) from followers) as follows`,
  );
  // Exactly what the seed writes (and no post the benchmark's createPost left behind).
  const complete =
    row !== undefined &&
    Number(row.users) === size.users &&
    Number(row.posts) === size.posts &&
    Number(row.last_post) === size.posts &&
    Number(row.follows) === size.users * Math.min(size.followsPerUser, size.users - 1);
  if (complete) {
    log(`${engine}: reusing dataset ${name}`);
  } else {
    log(`${engine}: seeding dataset ${name}`);
    await database.close();
    await recreate();
    database = openDatabase(target);
    await database.migrate();
    const started = performance.now();
    await seedDatabase(database, { ...size, seed: SEED }, (table, done, total) => {
      if (done === total) log(`  ${table}: ${total.toLocaleString("en")} rows, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    });
  }
  await database.close();
  return target;
}

async function rawQuery(target: DatabaseTarget, text: string): Promise<Record<string, unknown>[]> {
  if (target.dialect === "sqlite") {
    const db = new Sqlite(target.path);
    try {
      const statement = db.prepare(text);
      return statement.reader ? (statement.all() as Record<string, unknown>[]) : (statement.run(), []);
    } finally {
      db.close();
    }
  }
  const sql = postgres(target.url, { max: 1, onnotice: () => {} });
  try {
    return [...(await sql.unsafe(text))];
  } finally {
    await sql.end();
  }
}

// ---------------------------------------------------------------------------------------------
// Processes

interface Running {
  address: string;
  /** From spawn to the first successful answer. */
  readyMs: number;
  /** The most resident memory the process has had (VmHWM), in MiB. */
  peakRssMiB(): number;
  stop(): Promise<void>;
}

function databaseUrlOf(target: DatabaseTarget): string {
  return target.dialect === "sqlite" ? `file:${target.path}` : target.url;
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

function startApi(target: DatabaseTarget): Promise<Running> {
  return start(
    "the API",
    ["--enable-source-maps", "dist/main.js"],
    { NODE_ENV: "production", DATABASE_URL: databaseUrlOf(target), HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "info" },
    /GraphQL API on (http:\/\/[\d.]+:\d+)\/graphql/,
    "/readyz",
  );
}

function startBaseline(target: DatabaseTarget): Promise<Running> {
  return start(
    "the baseline",
    ["--import", "tsx", "bench/baseline-server.ts"],
    { DATABASE_URL: databaseUrlOf(target) },
    /baseline on (http:\/\/[\d.]+:\d+)/,
    "/explore",
  );
}

// ---------------------------------------------------------------------------------------------
// Load

interface Load {
  /** Under load: `connections` clients at once (autocannon's latencies are whole milliseconds). */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** One client, one request at a time, timed to the microsecond: what each request costs alone. */
  serialP50Ms: number;
}

interface Request {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
}

function graphql(query: string, variables: Record<string, unknown> = {}, token?: string): Request {
  return {
    method: "POST",
    path: "/graphql",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  };
}

function rest(path: string, token?: string): Request {
  return { method: "GET", path, headers: token ? { authorization: `Bearer ${token}` } : {} };
}

/** The response body for one request; refuses anything but a 200 without errors. */
async function once(address: string, request: Request): Promise<any> {
  const response = await fetch(address + request.path, { method: request.method, headers: request.headers, body: request.body });
  const body = (await response.json()) as { data?: unknown; errors?: unknown };
  if (response.status !== 200 || body.errors) throw new Error(`${request.path}: ${response.status} ${JSON.stringify(body)}`);
  return body.data;
}

async function load(address: string, request: Request, seconds = duration): Promise<Load> {
  const options = {
    url: address + request.path,
    method: request.method,
    headers: request.headers,
    body: request.body,
    connections,
  };
  await autocannon({ ...options, duration: 1 }); // warm up: JIT, statement caches, connections
  const result = await autocannon({ ...options, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${request.path}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} time-outs`);
  }
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    serialP50Ms: (await serialP50s([{ address, request }]))[0]!,
  };
}

/**
 * The median time of each request, sent one at a time for `seconds`, each over a kept-alive
 * connection of its own. Given several, it takes them in turn, so that whatever else the machine
 * does meanwhile weighs on each alike: what their ratio needs.
 */
async function serialP50s(targets: { address: string; request: Request }[], seconds = 2): Promise<number[]> {
  const clients = targets.map(({ address, request }) => ({
    url: new URL(address + request.path),
    request,
    agent: new Agent({ keepAlive: true, maxSockets: 1 }),
    times: [] as number[],
  }));
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    for (const { url, request, agent, times } of clients) {
      const started = performance.now();
      await new Promise<void>((resolve, reject) => {
        const outgoing = httpRequest(
          { host: url.hostname, port: url.port, path: url.pathname + url.search, method: request.method, headers: request.headers, agent },
          (response) => {
            response.resume();
            response.once("end", () => (response.statusCode === 200 ? resolve() : reject(new Error(`${request.path}: ${response.statusCode}`))));
          },
        );
        outgoing.once("error", reject);
        outgoing.end(request.body);
      });
      times.push(performance.now() - started);
    }
  }
  return clients.map(({ times, agent }) => {
    agent.destroy();
    times.sort((a, b) => a - b);
    return round(times[Math.floor(times.length / 2)]!, 3);
  });
}

// ---------------------------------------------------------------------------------------------
// The operations

interface OperationResult {
  name: string;
  statements: number;
  api: Load;
  baseline?: Load;
  /** api req/s ÷ baseline req/s. */
  ratio?: number;
}

interface Fixtures {
  token: string;
  deepCursor: string;
  deepPage: number;
}

async function signIn(address: string): Promise<string> {
  const login = `mutation ($u: String!, $p: String!) { login(username: $u, password: $p) { token } }`;
  return (await once(address, graphql(login, { u: BENCH_USER, p: SEED_PASSWORD }))).login.token;
}

async function fixtures(address: string): Promise<Fixtures> {
  const token = await signIn(address);
  // The cursor that ends page DEEP_PAGE: what a reader scrolling that far would send next.
  let cursor: string | null = null;
  let page = 0;
  while (page < DEEP_PAGE) {
    const data = await once(address, graphql(FEED, { after: cursor }, token));
    if (!data.feed.pageInfo.hasNextPage) break;
    cursor = data.feed.pageInfo.endCursor;
    page += 1;
  }
  if (cursor === null) throw new Error("the bench user's feed has a single page");
  return { token, deepCursor: cursor, deepPage: page };
}

/** Statements per operation, counted in this process on the same database with the real server. */
async function statementCounts(target: DatabaseTarget, token: string, deepCursor: string): Promise<Record<string, number>> {
  const database = openDatabase(target);
  const { app, apollo, buildContext } = await createServer({
    config: loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", AUTH_RATE_LIMIT: "100000" }),
    database,
  });
  const count = async (query: string, variables: Record<string, unknown>, signedIn: boolean) => {
    const { statements } = await database.statements.count(async () => {
      const contextValue = await buildContext({ authorization: signedIn ? `Bearer ${token}` : undefined });
      return apollo.executeOperation({ query, variables }, { contextValue });
    });
    return statements;
  };
  try {
    return {
      explore: await count(EXPLORE, {}, false),
      feed: await count(FEED, {}, true),
      feedDeep: await count(FEED, { after: deepCursor }, true),
      profile: await count(PROFILE, { username: BENCH_USER }, false),
      users: await count(USERS, {}, true),
      createPost: await count(CREATE_POST, { body: POST_BODY }, true),
    };
  } finally {
    await app.close();
    await database.close();
  }
}

interface EngineResult {
  engine: Engine;
  dataset: DatasetSize & { seed: number };
  startupMs: number;
  peakRssMiB: number;
  deepPage: number;
  operations: OperationResult[];
  /** Deep feed page p50 ÷ first page p50 (target ≤ 1.2). */
  deepToFirstP50: number;
}

async function benchEngine(engine: Engine): Promise<EngineResult> {
  const target = await dataset(engine, MAIN);
  const api = await startApi(target);
  const baseline = await startBaseline(target);
  try {
    const { token, deepCursor, deepPage } = await fixtures(api.address);
    const statements = await statementCounts(target, token, deepCursor);
    const reads: { name: string; graphql: Request; rest: Request }[] = [
      { name: "explore", graphql: graphql(EXPLORE), rest: rest("/explore") },
      { name: "feed", graphql: graphql(FEED, {}, token), rest: rest("/feed", token) },
      {
        name: "feedDeep",
        graphql: graphql(FEED, { after: deepCursor }, token),
        rest: rest(`/feed?after=${encodeURIComponent(deepCursor)}`, token),
      },
      { name: "profile", graphql: graphql(PROFILE, { username: BENCH_USER }), rest: rest(`/profile?username=${BENCH_USER}`) },
      { name: "users", graphql: graphql(USERS, {}, token), rest: rest("/users", token) },
    ];
    const operations: OperationResult[] = [];
    for (const read of reads) {
      // Same answer from both, or the comparison means nothing.
      const [ours, theirs] = [await once(api.address, read.graphql), await once(baseline.address, read.rest)];
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) throw new Error(`${read.name}: the baseline answers differently`);
      log(`${engine} ${read.name}: API`);
      const apiLoad = await load(api.address, read.graphql);
      log(`${engine} ${read.name}: baseline`);
      const baselineLoad = await load(baseline.address, read.rest);
      operations.push({
        name: read.name,
        statements: statements[read.name]!,
        api: apiLoad,
        baseline: baselineLoad,
        ratio: round(apiLoad.requestsPerSecond / baselineLoad.requestsPerSecond),
      });
    }
    // Before the writes: thousands of new posts would change the first page and, on PostgreSQL,
    // the visibility map that index-only scans rely on.
    const [feedP50, deepP50] = await serialP50s(
      [reads[1]!, reads[2]!].map((read) => ({ address: api.address, request: read.graphql })),
      PAIRED_SECONDS,
    );
    log(`${engine} createPost: API`);
    const writes = await load(api.address, graphql(CREATE_POST, { body: POST_BODY }, token));
    operations.push({ name: "createPost", statements: statements.createPost!, api: writes });
    return {
      engine,
      dataset: { ...MAIN, seed: SEED },
      startupMs: Math.round(api.readyMs),
      peakRssMiB: Math.round(api.peakRssMiB()),
      deepPage,
      operations,
      deepToFirstP50: round(deepP50! / feedP50!),
    };
  } finally {
    await api.stop();
    await baseline.stop();
    // The dataset stays as seeded, so the next run can reuse it.
    await rawQuery(target, `delete from posts where id > ${MAIN.posts}`);
    if (engine === "postgres") await rawQuery(target, "vacuum analyze posts, users");
  }
}

interface GrowthResult {
  engine: Engine;
  small: DatasetSize;
  large: DatasetSize;
  operations: { name: string; smallP50Ms: number; largeP50Ms: number; growth: number; small: Load; large: Load }[];
}

/**
 * Operations 1–3 on the small and the large dataset, each served by a server of its own, both up at
 * once: req/s under load one after the other, and the one-client p50s taken in turn.
 */
async function growth(engine: Engine): Promise<GrowthResult> {
  const targets = [await dataset(engine, GROWTH_SMALL), await dataset(engine, GROWTH_LARGE)];
  const servers: Running[] = [];
  try {
    for (const target of targets) servers.push(await startApi(target));
    const [small, large] = servers as [Running, Running];
    const tokens = [await signIn(small.address), await signIn(large.address)];
    const requests = (token: string) =>
      [
        ["explore", graphql(EXPLORE)],
        ["feed", graphql(FEED, {}, token)],
        ["profile", graphql(PROFILE, { username: BENCH_USER })],
      ] as const;
    const operations: GrowthResult["operations"] = [];
    for (const [index, [name, smallRequest]] of requests(tokens[0]!).entries()) {
      const largeRequest = requests(tokens[1]!)[index]![1];
      log(`${engine} growth ${name}`);
      const smallLoad = await load(small.address, smallRequest);
      const largeLoad = await load(large.address, largeRequest);
      const [smallP50, largeP50] = await serialP50s(
        [
          { address: small.address, request: smallRequest },
          { address: large.address, request: largeRequest },
        ],
        PAIRED_SECONDS,
      );
      operations.push({
        name,
        smallP50Ms: smallP50!,
        largeP50Ms: largeP50!,
        growth: round(largeP50! / smallP50!),
        small: smallLoad,
        large: largeLoad,
      });
    }
    return { engine, small: GROWTH_SMALL, large: GROWTH_LARGE, operations };
  } finally {
    for (const server of servers) await server.stop();
  }
}

function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}

// ---------------------------------------------------------------------------------------------
// The worst the limits allow

/** The reader of the worst feeds: follows as many users as an account may, the most prolific first. */
const WHALE = { username: "bench_whale", email: "whale@example.com", password: "whale password" };
/** How long each worst operation is timed alone, and then four at once beside a normal request. */
const WORST_SECONDS = smoke ? 1 : 5;
const WORST_TARGET_MS = 250;
const NORMAL_P99_TARGET_MS = 100;

interface WorstResult {
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

/** Sends `request` over and over until `until`, one at a time; the latency of each, in ms. */
async function loop(address: string, request: Request, until: number): Promise<number[]> {
  const times: number[] = [];
  while (performance.now() < until) {
    const started = performance.now();
    await once(address, request);
    times.push(performance.now() - started);
  }
  return times;
}

function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0, 1);
}

async function worstEngine(engine: Engine): Promise<{ engine: Engine; operations: WorstResult[] }> {
  const target = await dataset(engine, MAIN);
  const { maxFollowing } = loadConfig({});
  const api = await startApi(target);
  try {
    const register = `mutation ($input: RegisterInput!) { register(input: $input) { token user { id } } }`;
    const { token, user } = (await once(api.address, graphql(register, { input: WHALE }))).register;
    // As many follows as an account may have, written straight to the table (the API would take an
    // hour at the follow rate limit); the count triggers keep the counts as the API would.
    await rawQuery(
      target,
      `insert into followers (follower_id, followed_id) select ${Number(user.id)}, id from users where id <> ${Number(user.id)} order by id limit ${maxFollowing}`,
    );
    if (engine === "postgres") await rawQuery(target, "analyze followers, users");
    const normal = graphql(EXPLORE);
    const results: WorstResult[] = [];
    for (const operation of WORST) {
      const request = graphql(operation.query, {}, operation.signedIn ? token : undefined);
      log(`${engine} worst ${operation.name}`);
      await once(api.address, request); // warm up
      const alone = await loop(api.address, request, performance.now() + WORST_SECONDS * 1000);
      const until = performance.now() + WORST_SECONDS * 1000;
      const [normalTimes, ...parallel] = await Promise.all([
        loop(api.address, normal, until),
        ...Array.from({ length: 4 }, () => loop(api.address, request, until)),
      ]);
      results.push({
        name: operation.name,
        title: operation.title,
        p50Ms: percentile(alone, 0.5),
        maxMs: percentile(alone, 1),
        normalP50Ms: percentile(normalTimes!, 0.5),
        normalP99Ms: percentile(normalTimes!, 0.99),
        answeredInParallel: parallel.reduce((sum, times) => sum + times.length, 0),
      });
    }
    return { engine, operations: results };
  } finally {
    await api.stop();
    // The dataset stays as seeded: the whale and its follows go (by cascade), and its counts with them.
    await rawQuery(target, `delete from users where username = '${WHALE.username}'`);
  }
}

function worstMarkdown(results: { engine: Engine; operations: WorstResult[] }[]): string {
  const { limits, maxFollowing } = loadConfig({});
  const lines = [
    `The most expensive operations the default limits allow (MAX_COST ${limits.cost.toLocaleString("en")}, ${limits.aliases} aliases, ` +
      `depth ${limits.depth}, first ≤ 100; the feed's reader follows ${maxFollowing.toLocaleString("en")} users, MAX_FOLLOWING), on ` +
      `${MAIN.users.toLocaleString("en")} users and ${MAIN.posts.toLocaleString("en")} posts; ${WORST_SECONDS} s each alone, ` +
      `then ${WORST_SECONDS} s of four clients sending it over and over while one more asks for the explore page. ` +
      `Targets: each under ${WORST_TARGET_MS} ms; the explore page's p99 under ${NORMAL_P99_TARGET_MS} ms meanwhile.`,
    "",
  ];
  for (const result of results) {
    lines.push(
      `### ${result.engine === "sqlite" ? "SQLite" : "PostgreSQL"}`,
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
function writeSection(table: string, start: string, end: string): void {
  const benchmarks = `${root}BENCHMARKS.md`;
  const current = existsSync(benchmarks) ? readFileSync(benchmarks, "utf8") : "# Benchmarks\n";
  const [before, rest] = current.includes(start) ? current.split(start) : [`${current.trimEnd()}\n\n`, `${end}\n`];
  const after = rest?.split(end)[1] ?? "\n";
  writeFileSync(benchmarks, `${before}${start}\n${table}\n${end}${after}`);
}

// ---------------------------------------------------------------------------------------------
// Report

function versionOf(name: string): string {
  return JSON.parse(readFileSync(`${root}node_modules/${name}/package.json`, "utf8")).version;
}

async function postgresVersion(): Promise<string | undefined> {
  try {
    const sql = postgres(postgresAdminUrl, { max: 1, onnotice: () => {} });
    const [row] = await sql`show server_version`;
    await sql.end();
    return String(row!.server_version);
  } catch {
    return undefined;
  }
}

const TITLES: Record<string, string> = {
  explore: "1. explore: 20 posts with authors",
  feed: "2. feed, first page",
  feedDeep: "2. feed, deep page",
  profile: "3. profile with counts and 10 posts",
  users: "4. 20 users with counts, viewerIsFollowing",
  createPost: "5. createPost",
};

function markdown(results: { machine: Record<string, unknown>; engines: EngineResult[]; growth: GrowthResult[]; settings: Record<string, unknown> }): string {
  const lines: string[] = [];
  const { machine } = results;
  lines.push(
    `Measured ${String(machine.date).slice(0, 10)} on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, ` +
      `Node ${machine.node}, PostgreSQL ${machine.postgres ?? "n/a"}; Apollo Server ${machine.apolloServer}, graphql ${machine.graphql}, ` +
      `Drizzle ${machine.drizzle}, Fastify ${machine.fastify}, better-sqlite3 ${machine.betterSqlite3}, postgres ${machine.postgresDriver}. ` +
      `autocannon: ${results.settings.connections} connections, ${results.settings.durationSeconds} s per operation after 1 s of warm-up, ` +
      `client and server on the same 2 cores.`,
    "",
  );
  for (const engine of results.engines) {
    const { dataset } = engine;
    lines.push(
      `### ${engine.engine === "sqlite" ? "SQLite" : "PostgreSQL"}: ${dataset.users.toLocaleString("en")} users, ` +
        `${dataset.posts.toLocaleString("en")} posts, ${dataset.followsPerUser} follows each`,
      "",
      "| operation | SQL statements | API req/s | p50 / p99 ms | 1 client p50 ms | baseline req/s | p50 / p99 ms | 1 client p50 ms | req/s ratio |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    );
    for (const op of engine.operations) {
      const base = op.baseline;
      lines.push(
        `| ${TITLES[op.name]}${op.name === "feedDeep" ? ` (after page ${engine.deepPage})` : ""} | ${op.statements} | ` +
          `${op.api.requestsPerSecond} | ${op.api.p50Ms} / ${op.api.p99Ms} | ${op.api.serialP50Ms} | ` +
          (base ? `${base.requestsPerSecond} | ${base.p50Ms} / ${base.p99Ms} | ${base.serialP50Ms} | **${op.ratio}×** |` : "— | — | — | — |"),
      );
    }
    lines.push(
      "",
      `Deep feed page ÷ first page, 1 client p50s taken in turn: **${engine.deepToFirstP50}** (target ≤ 1.2). ` +
        `Server start to ready: ${engine.startupMs} ms. Peak RSS: ${engine.peakRssMiB} MiB.`,
      "",
    );
  }
  for (const result of results.growth) {
    lines.push(
      `### Growth on ${result.engine === "sqlite" ? "SQLite" : "PostgreSQL"}: ${result.small.posts.toLocaleString("en")} → ` +
        `${result.large.posts.toLocaleString("en")} posts (${result.small.users.toLocaleString("en")} users)`,
      "",
      "| operation | 1 client p50 ms at 10k | at 1M (taken in turn) | 1M ÷ 10k (target ≤ 1.5) | req/s at 10k | req/s at 1M |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
    );
    for (const op of result.operations) {
      lines.push(
        `| ${TITLES[op.name]} | ${op.smallP50Ms} | ${op.largeP50Ms} | **${op.growth}** | ${op.small.requestsPerSecond} | ${op.large.requestsPerSecond} |`,
      );
    }
    lines.push("");
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  if (!existsSync(`${root}dist/main.js`)) throw new Error("dist/main.js is missing: npm run build first (npm run bench does)");
  const available: Engine[] = [];
  for (const engine of engines) {
    if (engine === "postgres" && !(await postgresVersion())) {
      log(`PostgreSQL at ${new URL(postgresAdminUrl).host} does not answer: skipping it`);
      continue;
    }
    available.push(engine);
  }
  if (flags.worst) {
    const worstResults = [];
    for (const engine of available) worstResults.push(await worstEngine(engine));
    const table = worstMarkdown(worstResults);
    process.stdout.write(`${table}\n`);
    if (smoke) return log("Smoke run: nothing written");
    writeFileSync(`${root}bench/worst.json`, `${JSON.stringify({ date: new Date().toISOString(), engines: worstResults }, null, 2)}\n`);
    writeSection(table, "<!-- worst: written by npm run bench -- --worst -->", "<!-- end of worst -->");
    return log("Wrote bench/worst.json and BENCHMARKS.md");
  }
  const engineResults: EngineResult[] = [];
  const growthResults: GrowthResult[] = [];
  for (const engine of available) engineResults.push(await benchEngine(engine));
  if (!flags["no-growth"] && !smoke) for (const engine of available) growthResults.push(await growth(engine));

  const machine = {
    date: new Date().toISOString(),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.versions.node,
    postgres: await postgresVersion(),
    apolloServer: versionOf("@apollo/server"),
    graphql: versionOf("graphql"),
    drizzle: versionOf("drizzle-orm"),
    fastify: versionOf("fastify"),
    betterSqlite3: versionOf("better-sqlite3"),
    postgresDriver: versionOf("postgres"),
  };
  const settings = { connections, durationSeconds: duration };
  const results = { machine, settings, engines: engineResults, growth: growthResults };
  const table = markdown(results);
  process.stdout.write(`${table}\n`);
  if (smoke) {
    log("Smoke run: nothing written");
    return;
  }
  writeFileSync(`${root}bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);
  writeSection(table, "<!-- results: written by npm run bench -->", "<!-- end of results -->");
  log("Wrote bench/results.json and BENCHMARKS.md");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
