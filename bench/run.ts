// `npm run bench`: seeds (or reuses) datasets on SQLite and PostgreSQL (datasets.ts), starts the real
// server in production mode and the raw baseline (bench/baseline.ts) as processes of their own
// (processes.ts), drives each with autocannon over loopback (measure.ts), and writes bench/results.json
// and the results section of BENCHMARKS.md (report.ts). What it sends is bench/operations.ts.
//
//   npm run bench -- [--engines sqlite,postgres] [--rounds 4] [--duration 5] [--connections 10] [--no-growth] [--peers]
//                                 each read is measured in interleaved rounds: the API, the baseline (and with
//                                 --peers, PostGraphile on PostgreSQL), --duration seconds each, --rounds times
//   npm run bench -- --operations explore,users   only these operations (nothing written)
//   npm run bench -- --smoke      a small dataset, 1 s per operation, no growth, nothing written:
//                                 proves the benchmark still runs end to end (CI runs it)
//   npm run bench -- --live       live delivery: 1,000 subscribers over two instances on PostgreSQL (bench/live.ts);
//                                 --smoke runs a small one too
//   npm run bench -- --profile    where a request's CPU time goes (explore, profile, users page), from CPU profiles
//                                 of the API under load (bench/profile.ts)
//   npm run bench -- --worst      the most expensive operations the default limits allow (bench/operations.ts,
//                                 WORST): each one's latency, and a normal request's while four run at once
//
// PostgreSQL: BENCH_DATABASE_URL (else TEST_DATABASE_URL, else the local server) names a server where
// the benchmark may create databases of its own, microblog_bench_*.
import { existsSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.ts";
import { openDatabase } from "../src/db/database.ts";
import { beside } from "../src/db/side.ts";
import type { DatabaseTarget } from "../src/db/url.ts";
import { rowIdOf } from "../src/domain/ids.ts";
import { SEED_PASSWORD } from "../src/seed/dataset.ts";
import { createServer } from "../src/server.ts";
import type { FeedQuery } from "../tests/generated/graphql.ts";
import { dataset, datasetSizes, postgresVersion, type Engine } from "./datasets.ts";
import { graphql, interleaved, load, loop, once, percentile, rest, round, roundRatios, serialP50s, type Side } from "./measure.ts";
import {
  BENCH_USER,
  EXPLORE,
  FEED,
  INBOX_MESSAGES,
  LOGIN,
  OPERATIONS,
  PEN_PAL,
  REGISTER,
  SEND_MESSAGE,
  WORST,
  type Fixtures,
} from "./operations.ts";
import { LIVE_SETTINGS, LIVE_SMOKE, liveBench, liveMarkdown } from "./live.ts";
import { installPeer, OURS_COMPARABLE, PEER_NAME, PEER_OPERATIONS, peerRequest } from "./peers.ts";
import { profileMarkdown, profileOperations } from "./profile.ts";
import { startApi, startBaseline, startPostGraphile, type Running } from "./processes.ts";
import { writeCharts } from "./charts-of-results.ts";
import {
  machine,
  markdown,
  worstMarkdown,
  writeSection,
  type EngineResult,
  type GrowthResult,
  type OperationResult,
  type WorstResult,
} from "./report.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

const { values: flags } = parseArgs({
  options: {
    engines: { type: "string", default: "sqlite,postgres" },
    duration: { type: "string", default: "5" },
    rounds: { type: "string", default: "4" },
    peers: { type: "boolean", default: false },
    operations: { type: "string" },
    profile: { type: "boolean", default: false },
    connections: { type: "string", default: "10" },
    "no-growth": { type: "boolean", default: false },
    smoke: { type: "boolean", default: false },
    worst: { type: "boolean", default: false },
    live: { type: "boolean", default: false },
  },
});
const engines = flags.engines.split(",") as Engine[];
const smoke = flags.smoke;
const loadSettings = { seconds: smoke ? 1 : Number(flags.duration), connections: Number(flags.connections) };
const rounds = smoke ? 1 : Number(flags.rounds);
/** --operations explore,users: only these (a partial run writes nothing). */
const only = flags.operations?.split(",");
const selected = Object.values(OPERATIONS).filter(({ name }) => !only || only.includes(name));
/** Heavy operations run one at a time in an instance: driven by one client (see BenchOperation.heavy). */
const settingsFor = ({ heavy }: { heavy?: boolean }) => (heavy ? { ...loadSettings, connections: 1 } : loadSettings);
const postgresAdminUrl =
  process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const sizes = datasetSizes(smoke);
const DEEP_PAGE = 100;
/** How long two requests are timed in turn for a ratio of their latencies. */
const PAIRED_SECONDS = smoke ? 1 : 6;

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

const datasetOf = (engine: Engine, size = sizes.main) => dataset(engine, size, postgresAdminUrl, log);

// ---------------------------------------------------------------------------------------------
// The main table

async function signIn(address: string, username = BENCH_USER): Promise<string> {
  return (await once(address, graphql(LOGIN, { username, password: SEED_PASSWORD }))).login.token;
}

/** The bench user's inbox gets more than a page: the pen pal writes to them through the API. */
async function fillInbox(address: string): Promise<void> {
  const token = await signIn(address, PEN_PAL);
  for (let i = 1; i <= INBOX_MESSAGES; i++) await once(address, graphql(SEND_MESSAGE, { to: BENCH_USER, body: `Message ${i}` }, token));
}

const side = (server: Running, request: Side["request"]): Side => ({ address: server.address, request, cpuSeconds: server.cpuSeconds });

/** The cursor that ends page DEEP_PAGE of the feed: what a reader scrolling that far would send next. */
async function deepCursor(address: string, token: string): Promise<{ cursor: string; page: number }> {
  let cursor: string | null = null;
  let page = 0;
  while (page < DEEP_PAGE) {
    const { feed }: FeedQuery = await once(address, graphql(FEED, { after: cursor }, token));
    if (!feed.pageInfo.hasNextPage) break;
    cursor = feed.pageInfo.endCursor;
    page += 1;
  }
  if (cursor === null) throw new Error("the bench user's feed has a single page");
  return { cursor, page };
}

/**
 * Statements per operation, counted in this process on the same database with the real server; each
 * must be what the table says (a test holds the table to it too).
 */
async function statementCounts(target: DatabaseTarget, token: string, fixtures: Fixtures): Promise<Map<string, number>> {
  const database = openDatabase(target);
  const { app, apollo, buildContext } = await createServer({
    config: loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent", AUTH_RATE_LIMIT: "100000" }),
    database,
  });
  try {
    const counts = new Map<string, number>();
    for (const { name, query, variables, signedIn, statements: expected } of Object.values(OPERATIONS)) {
      const { statements } = await database.statements.count(async () => {
        const contextValue = await buildContext({ authorization: signedIn ? `Bearer ${token}` : undefined });
        return apollo.executeOperation({ query, variables: variables(fixtures) }, { contextValue });
      });
      if (statements !== expected) throw new Error(`${name} costs ${statements} SQL statements; bench/operations.ts says ${expected}`);
      counts.set(name, statements);
    }
    return counts;
  } finally {
    await app.close();
    await database.close();
  }
}

async function benchEngine(engine: Engine): Promise<EngineResult> {
  const target = await datasetOf(engine);
  const api = await startApi(target);
  const baseline = await startBaseline(target);
  const peer = flags.peers && target.dialect === "postgres" ? await startPostGraphile(target) : undefined;
  try {
    const token = await signIn(api.address);
    await fillInbox(api.address);
    const deep = await deepCursor(api.address, token);
    const fixtures: Fixtures = { deepCursor: deep.cursor };
    const statements = await statementCounts(target, token, fixtures);
    const operations: OperationResult[] = [];
    for (const operation of selected) {
      const { name, baseline: path, signedIn, request } = operation;
      if (!path) continue;
      const ours = request(fixtures, token);
      const theirs = rest(path(fixtures), signedIn ? token : undefined);
      // Same answer from both, or the comparison means nothing.
      const answer = await once(api.address, ours);
      if (JSON.stringify(answer) !== JSON.stringify(await once(baseline.address, theirs))) {
        throw new Error(`${name}: the baseline answers differently`);
      }
      const sides = [side(api, ours), side(baseline, theirs)];
      const peerOperation = peer && PEER_OPERATIONS[name];
      if (peerOperation) {
        const peerAsked = peerRequest(peerOperation, token);
        const peerAnswer = await once(peer.address, peerAsked);
        if (JSON.stringify(peerOperation.comparable(peerAnswer)) !== JSON.stringify(OURS_COMPARABLE[name]!(answer))) {
          throw new Error(`${name}: ${PEER_NAME} answers differently`);
        }
        sides.push(side(peer, peerAsked));
      }
      log(`${engine} ${name}: ${sides.length} sides, ${rounds} interleaved rounds`);
      const [apiLoad, baselineLoad, peerLoad] = await interleaved(sides, { ...settingsFor(operation), rounds });
      const { ratio, low, high } = roundRatios(apiLoad!, baselineLoad!);
      operations.push({
        name,
        statements: statements.get(name)!,
        api: apiLoad!,
        baseline: baselineLoad,
        ratio,
        ratioSpread: [low, high],
        peer: peerLoad && { name: PEER_NAME, load: peerLoad, ...roundRatios(peerLoad, baselineLoad!), apiToPeer: roundRatios(apiLoad!, peerLoad).ratio },
      });
    }
    // Before the writes: thousands of new posts would change the first page and, on PostgreSQL,
    // the visibility map that index-only scans rely on.
    const [feedP50, deepP50] = await serialP50s(
      [OPERATIONS.feed, OPERATIONS.feedDeep].map(({ request }) => ({ address: api.address, request: request(fixtures, token) })),
      PAIRED_SECONDS,
    );
    for (const { name, baseline: path, request } of selected) {
      if (path) continue;
      log(`${engine} ${name}: API`);
      const [written] = await interleaved([side(api, request(fixtures, token))], { ...loadSettings, rounds });
      operations.push({ name, statements: statements.get(name)!, api: written! });
    }
    return {
      engine,
      dataset: { ...sizes.main, seed: sizes.seed },
      startupMs: Math.round(api.readyMs),
      peakRssMiB: Math.round(api.peakRssMiB()),
      deepPage: deep.page,
      operations,
      deepToFirstP50: round(deepP50! / feedP50!),
    };
  } finally {
    await api.stop();
    await baseline.stop();
    await peer?.stop();
    await restoreDataset(engine, target);
  }
}

/** The dataset as seeded again, so that the next run can reuse it: no benchmark post, message or notification left. */
async function restoreDataset(engine: Engine, target: DatabaseTarget): Promise<void> {
  await beside(target, async (side) => {
    await side.execute(`delete from posts where id > ${sizes.main.posts}`);
    await side.execute("delete from messages");
    await side.execute("delete from notifications where kind = 'unread_messages'");
    await side.execute("update users set unread_message_count = 0 where unread_message_count <> 0");
    if (engine === "postgres") await side.execute("vacuum analyze posts, users");
  });
}

/**
 * The reads whose cost could grow with the data (explore, feed, profile, the searches) on the small
 * and the large dataset, each served by a server of its own, both up at once: req/s under load one
 * after the other, and the one-client p50s taken in turn.
 */
async function growth(engine: Engine): Promise<GrowthResult> {
  const targets = [await datasetOf(engine, sizes.growthSmall), await datasetOf(engine, sizes.growthLarge)];
  const servers: Running[] = [];
  try {
    for (const target of targets) servers.push(await startApi(target));
    const [small, large] = servers as [Running, Running];
    const tokens = [await signIn(small.address), await signIn(large.address)];
    const fixtures: Fixtures = { deepCursor: "" };
    const operations: GrowthResult["operations"] = [];
    for (const name of ["explore", "feed", "profile", "searchRare", "searchRareNewest", "searchCommon", "searchCommonNewest", "searchUsers"] as const) {
      const smallRequest = OPERATIONS[name].request(fixtures, tokens[0]!);
      const largeRequest = OPERATIONS[name].request(fixtures, tokens[1]!);
      log(`${engine} growth ${name}`);
      // Heavy work that grows with the data by its nature (ranking a third of the posts) is timed alone.
      const loaded = !OPERATIONS[name].heavy;
      const smallLoad = loaded ? await load(small.address, smallRequest, loadSettings) : undefined;
      const largeLoad = loaded ? await load(large.address, largeRequest, loadSettings) : undefined;
      const [smallP50, largeP50] = await serialP50s(
        [
          { address: small.address, request: smallRequest },
          { address: large.address, request: largeRequest },
        ],
        PAIRED_SECONDS,
      );
      operations.push({ name, smallP50Ms: smallP50!, largeP50Ms: largeP50!, growth: round(largeP50! / smallP50!), small: smallLoad, large: largeLoad });
    }
    return { engine, small: sizes.growthSmall, large: sizes.growthLarge, operations };
  } finally {
    for (const server of servers) await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// The worst the limits allow

/** The reader of the worst feeds: follows as many users as an account may, the most prolific first. */
const WHALE = { username: "bench_whale", email: "whale@example.com", password: "whale password" };
/** How long each worst operation is timed alone, and then four at once beside a normal request. */
const WORST_SETTINGS = { seconds: smoke ? 1 : 5, targetMs: 250, normalP99TargetMs: 100 };

async function worstEngine(engine: Engine): Promise<{ engine: Engine; operations: WorstResult[] }> {
  const target = await datasetOf(engine);
  const { maxFollowing } = loadConfig({});
  const api = await startApi(target);
  try {
    const { token, user } = (await once(api.address, graphql(REGISTER, { input: WHALE }))).register;
    // As many follows as an account may have, written straight to the table (the API would take an
    // hour at the follow rate limit); the count triggers keep the counts as the API would.
    await beside(target, async (side) => {
      const id = rowIdOf(user.id, "User");
      if (id === undefined) throw new Error(`register answered an id that is not a user's: ${user.id}`);
      await side.execute(`insert into followers (follower_id, followed_id) select ${id}, id from users where id <> ${id} order by id limit ${maxFollowing}`);
      if (engine === "postgres") await side.execute("analyze followers, users");
    });
    const normal = graphql(EXPLORE);
    const results: WorstResult[] = [];
    for (const worst of WORST) {
      const request = graphql(worst.query, {}, worst.signedIn ? token : undefined);
      log(`${engine} worst ${worst.name}`);
      await once(api.address, request); // warm up
      const alone = await loop(api.address, request, performance.now() + WORST_SETTINGS.seconds * 1000);
      const until = performance.now() + WORST_SETTINGS.seconds * 1000;
      const [normalTimes, ...parallel] = await Promise.all([
        loop(api.address, normal, until),
        ...Array.from({ length: 4 }, () => loop(api.address, request, until)),
      ]);
      results.push({
        name: worst.name,
        title: worst.title,
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
    await beside(target, (side) => side.execute(`delete from users where username = '${WHALE.username}'`));
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (!existsSync(`${root}dist/main.js`)) throw new Error("dist/main.js is missing: npm run build first (npm run bench does)");
  const postgres = await postgresVersion(postgresAdminUrl);
  const available = engines.filter((engine) => engine !== "postgres" || postgres !== undefined);
  if (available.length < engines.length) log(`PostgreSQL at ${new URL(postgresAdminUrl).host} does not answer: skipping it`);
  // The smoke run proves the live benchmark runs too (not again with --worst).
  if (flags.live || (smoke && !flags.worst && available.includes("postgres"))) {
    if (!available.includes("postgres")) throw new Error("the live benchmark needs PostgreSQL");
    const result = await liveBench(postgresAdminUrl, smoke ? LIVE_SMOKE : LIVE_SETTINGS, log);
    const table = liveMarkdown(result);
    console.log(table);
    if (result.delivered !== result.expected) throw new Error(`live: ${result.expected - result.delivered} deliveries missing`);
    if (flags.live && !smoke) {
      writeFileSync(`${root}bench/live.json`, `${JSON.stringify({ date: new Date().toISOString(), ...result }, null, 2)}\n`);
      writeSection(table, "<!-- live: written by npm run bench -- --live -->", "<!-- end of live -->");
      return log("Wrote bench/live.json and BENCHMARKS.md");
    }
    if (flags.live) return log("Smoke run: nothing written");
  }
  if (flags.profile) {
    const seconds = smoke ? 1 : 10;
    const profiles = [];
    for (const engine of available) profiles.push(...(await profileOperations(engine, await datasetOf(engine), seconds, log)));
    const table = profileMarkdown(profiles, seconds);
    process.stdout.write(`${table}\n`);
    if (smoke) return log("Smoke run: nothing written");
    writeFileSync(`${root}bench/profiles.json`, `${JSON.stringify({ date: new Date().toISOString(), profiles }, null, 2)}\n`);
    writeSection(table, "<!-- profiles: written by npm run bench -- --profile -->", "<!-- end of profiles -->");
    return log("Wrote bench/profiles.json and BENCHMARKS.md");
  }
  if (flags.worst) {
    const worstResults = [];
    for (const engine of available) worstResults.push(await worstEngine(engine));
    const table = worstMarkdown(worstResults, { dataset: sizes.main, ...WORST_SETTINGS });
    process.stdout.write(`${table}\n`);
    if (smoke) return log("Smoke run: nothing written");
    writeFileSync(`${root}bench/worst.json`, `${JSON.stringify({ date: new Date().toISOString(), engines: worstResults }, null, 2)}\n`);
    writeSection(table, "<!-- worst: written by npm run bench -- --worst -->", "<!-- end of worst -->");
    return log("Wrote bench/worst.json and BENCHMARKS.md");
  }
  if (flags.peers) {
    if (!available.includes("postgres")) throw new Error("the peer (PostGraphile) serves PostgreSQL only");
    installPeer(log);
  }
  const engineResults: EngineResult[] = [];
  const growthResults: GrowthResult[] = [];
  for (const engine of available) engineResults.push(await benchEngine(engine));
  // A partial run (--operations) is a quick look at some operations: no growth.
  if (!flags["no-growth"] && !smoke && !only) for (const engine of available) growthResults.push(await growth(engine));

  const settings = { connections: loadSettings.connections, durationSeconds: loadSettings.seconds, rounds };
  const results = { machine: machine(postgres), settings, engines: engineResults, growth: growthResults };
  const table = markdown(results);
  process.stdout.write(`${table}\n`);
  if (smoke || only) return log(`${smoke ? "Smoke" : "Partial"} run: nothing written`);
  writeFileSync(`${root}bench/results.json`, `${JSON.stringify(results, null, 2)}\n`);
  const charts = writeCharts(engineResults, growthResults);
  writeSection(table, "<!-- results: written by npm run bench -->", "<!-- end of results -->");
  log(`Wrote bench/results.json, ${charts.join(", ")} and BENCHMARKS.md`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
