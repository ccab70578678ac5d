// Live delivery on PostgreSQL with two instances: readers hold `feedPostAdded` subscriptions (half
// on each instance), each following 50 of the posters; posts are written through the API, spread
// over both instances, at a steady rate; each delivery's latency is timed from the createPost
// response. Sockets speak the graphql-ws protocol directly (the `ws` package), so that the clients'
// own cost stays small beside the servers'.
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import WebSocket from "ws";
import { openDatabase } from "../src/db/database.ts";
import { beside } from "../src/db/side.ts";
import type { DatabaseTarget } from "../src/db/url.ts";
import { graphql, once, percentile, round } from "./measure.ts";
import { startApi, type Running } from "./processes.ts";
import { CREATE_POST } from "./operations.ts";

export interface LiveSettings {
  readers: number;
  posters: number;
  followsPerReader: number;
  postsPerSecond: number;
  seconds: number;
}

export const LIVE_SETTINGS: LiveSettings = { readers: 1_000, posters: 1_000, followsPerReader: 50, postsPerSecond: 100, seconds: 30 };
export const LIVE_SMOKE: LiveSettings = { readers: 20, posters: 10, followsPerReader: 5, postsPerSecond: 10, seconds: 2 };

export interface LiveResult {
  settings: LiveSettings;
  posts: number;
  expected: number;
  delivered: number;
  deliveriesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Resident memory each open socket (with its subscription) adds to an instance, in KiB. */
  kibPerSocket: number;
  /** createPost's own latency under this load. */
  createPostP50Ms: number;
  createPostP99Ms: number;
}

const SUBSCRIPTION = `subscription BenchFeed { feedPostAdded { id body timestamp author { username } } }`;

function rssKiB(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
}

/** A fresh database of its own: users, follows and tokens written straight to the tables. */
async function prepare(adminUrl: string, settings: LiveSettings): Promise<{ target: DatabaseTarget; readers: string[]; posters: { token: string; id: number }[]; followers: Map<number, number> }> {
  const name = "microblog_bench_live";
  const admin = new URL(adminUrl);
  await beside({ dialect: "postgres", url: adminUrl }, async (side) => {
    await side.execute(`drop database if exists ${name} with (force)`);
    await side.execute(`create database ${name}`);
  });
  admin.pathname = `/${name}`;
  const target: DatabaseTarget = { dialect: "postgres", url: admin.toString() };
  const database = openDatabase(target);
  try {
    await database.migrate();
    const now = new Date();
    const ids = await database.bulk.users(
      Array.from({ length: settings.readers + settings.posters }, (_, i) => ({
        username: i < settings.readers ? `reader${i}` : `poster${i - settings.readers}`,
        email: `live${i}@example.com`,
        passwordHash: "not a password",
        aboutMe: null,
        lastSeen: now,
      })),
    );
    const readerIds = Array.from({ length: settings.readers }, (_, i) => ids.get(`reader${i}`)!);
    const posterIds = Array.from({ length: settings.posters }, (_, i) => ids.get(`poster${i}`)!);
    const followers = new Map(posterIds.map((id) => [id, 0]));
    const follows = readerIds.flatMap((readerId, r) =>
      Array.from({ length: settings.followsPerReader }, (_, k) => {
        const followedId = posterIds[(r * 7 + k) % posterIds.length]!;
        followers.set(followedId, followers.get(followedId)! + 1);
        return { followerId: readerId, followedId, createdAt: now };
      }),
    );
    await database.bulk.follows(follows);
    const tokenOf = () => randomBytes(32).toString("base64url");
    const readerTokens = readerIds.map(tokenOf);
    const posterTokens = posterIds.map(tokenOf);
    const rows = [...readerIds.map((id, i) => [id, readerTokens[i]!] as const), ...posterIds.map((id, i) => [id, posterTokens[i]!] as const)];
    const expires = new Date(Date.now() + 86_400_000).toISOString();
    await beside(target, (side) =>
      side.execute(
        `insert into tokens (user_id, token_hash, expires_at) values ${rows
          .map(([id, token]) => `(${id}, '${createHash("sha256").update(token).digest("hex")}', '${expires}')`)
          .join(", ")}`,
      ),
    );
    return { target, readers: readerTokens, posters: posterIds.map((id, i) => ({ id, token: posterTokens[i]! })), followers };
  } finally {
    await database.close();
  }
}

interface Reader {
  socket: WebSocket;
  ready: Promise<void>;
}

/** A socket that says connection_init, subscribes once acknowledged, and hands every post id it gets to `delivered`. */
function reader(url: string, token: string, delivered: (postId: string) => void): Reader {
  const socket = new WebSocket(url, "graphql-transport-ws");
  const ready = new Promise<void>((resolve, reject) => {
    socket.once("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } })));
    socket.once("close", (code) => reject(new Error(`a reader's socket closed: ${code}`)));
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as { type: string; payload?: { data?: { feedPostAdded?: { id: string } } } };
      if (message.type === "connection_ack") {
        socket.send(JSON.stringify({ id: "feed", type: "subscribe", payload: { query: SUBSCRIPTION } }));
        resolve();
      } else if (message.type === "next" && message.payload?.data?.feedPostAdded) {
        delivered(message.payload.data.feedPostAdded.id);
      }
    });
  });
  return { socket, ready };
}

export async function liveBench(adminUrl: string, settings: LiveSettings, log: (line: string) => void): Promise<LiveResult> {
  log(`live: preparing ${settings.readers} readers, ${settings.posters} posters`);
  const { target, readers, posters, followers } = await prepare(adminUrl, settings);
  const instances: Running[] = [await startApi(target), await startApi(target)];
  const sockets: WebSocket[] = [];
  try {
    const rssBefore = instances.map((instance) => rssKiB(instance.pid));
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    let early = 0;
    const delivered = (postId: string) => {
      const at = sentAt.get(postId);
      if (at === undefined) early += 1;
      else latencies.push(performance.now() - at);
    };
    log(`live: opening ${settings.readers} sockets over two instances`);
    const opened = readers.map((token, i) => reader(`${instances[i % 2]!.address.replace(/^http/, "ws")}/graphql`, token, delivered));
    sockets.push(...opened.map((open) => open.socket));
    await Promise.all(opened.map((open) => open.ready));
    // Each subscription reads its reader's follows once it starts: let them all settle.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const kibPerSocket = instances.reduce((sum, instance, i) => sum + (rssKiB(instance.pid) - rssBefore[i]!), 0) / settings.readers;

    log(`live: ${settings.postsPerSecond} posts/s for ${settings.seconds} s`);
    const createTimes: number[] = [];
    let expected = 0;
    const writes: Promise<void>[] = [];
    const started = performance.now();
    const total = settings.postsPerSecond * settings.seconds;
    for (let n = 0; n < total; n += 1) {
      const due = started + (n * 1000) / settings.postsPerSecond;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const poster = posters[n % posters.length]!;
      expected += followers.get(poster.id)!;
      const instance = instances[n % 2]!;
      writes.push(
        (async () => {
          const before = performance.now();
          const { createPost } = await once(instance.address, graphql(CREATE_POST, { body: `live post ${n}` }, poster.token));
          const after = performance.now();
          createTimes.push(after - before);
          sentAt.set(createPost.id, after);
        })(),
      );
    }
    await Promise.all(writes);
    // Whatever is still on its way gets a few seconds to arrive.
    const deadline = performance.now() + 5_000;
    while (latencies.length + early < expected && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const elapsed = (performance.now() - started) / 1000;
    latencies.push(...Array<number>(early).fill(0));
    return {
      settings,
      posts: total,
      expected,
      delivered: latencies.length,
      deliveriesPerSecond: round(latencies.length / elapsed, 0),
      p50Ms: round(percentile(latencies, 0.5)),
      p99Ms: round(percentile(latencies, 0.99)),
      maxMs: round(percentile(latencies, 1)),
      kibPerSocket: round(kibPerSocket, 1),
      createPostP50Ms: round(percentile(createTimes, 0.5)),
      createPostP99Ms: round(percentile(createTimes, 0.99)),
    };
  } finally {
    for (const socket of sockets) socket.terminate();
    for (const instance of instances) await instance.stop();
  }
}

export function liveMarkdown(result: LiveResult): string {
  const { settings } = result;
  return [
    `${settings.readers} sockets over two instances on one PostgreSQL, each subscribed to \`feedPostAdded\` and following ${settings.followsPerReader} of ${settings.posters} posters; ${settings.postsPerSecond} posts/s through the API for ${settings.seconds} s, alternating instances.`,
    "",
    "| | |",
    "|---|---:|",
    `| posts | ${result.posts} |`,
    `| deliveries expected / made | ${result.expected} / ${result.delivered} |`,
    `| deliveries per second | ${result.deliveriesPerSecond} |`,
    `| delivery latency after the createPost response, p50 | ${result.p50Ms} ms |`,
    `| delivery latency, p99 | ${result.p99Ms} ms |`,
    `| delivery latency, max | ${result.maxMs} ms |`,
    `| createPost under this load, p50 / p99 | ${result.createPostP50Ms} / ${result.createPostP99Ms} ms |`,
    `| resident memory per open socket (with its subscription) | ${result.kibPerSocket} KiB |`,
  ].join("\n");
}
