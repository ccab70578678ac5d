import { hash } from "@node-rs/argon2";
import type { Database } from "../db/database.ts";
import type { BulkFollow, BulkPost, BulkUser } from "../db/contract.ts";
import { ARGON2ID } from "../domain/passwords.ts";

export interface DatasetSize {
  users: number;
  posts: number;
  followsPerUser: number;
}

export interface SeedOptions extends DatasetSize {
  /** The random seed: the same seed and sizes make the same rows. */
  seed: number;
}

/** What the seed writes, in which version: a copy made by an older version (say, the benchmark's) is made anew. */
export const SEED_VERSION = 2;

export const DEFAULT_SEED: SeedOptions = { users: 10_000, posts: 100_000, followsPerUser: 50, seed: 1 };

/** Every seeded user signs in with this password (user1 … userN). */
export const SEED_PASSWORD = "microblog seed password";

/** The newest seeded post is at this instant; the others reach back one year before it. */
export const SEED_NEWEST = Date.parse("2026-01-01T00:00:00.000Z");
const SPAN_MS = 365 * 24 * 3600 * 1000;

/** How many rows are generated and written at a time: memory stays flat whatever the sizes. */
const ROWS_PER_BATCH = 20_000;

export type Table = "users" | "follows" | "posts";

/** Called after each batch written, with how many rows of that table are in so far. */
export type Progress = (table: Table, done: number, total: number) => void;

/** mulberry32: a small, fast, seedable generator; plenty for made-up data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The most common words, most common first: real English, so that seeded text reads like some. */
const COMMON_WORDS = (
  "the a of to and in is it you that he was for on are with as his they be at one have this from or had by " +
  "hot word but what some we can out other were all there when up use your how said an each she which do " +
  "their time if will way about many then them write would like so these her long make thing see him two " +
  "has look more day could go come did number sound no most people my over know water than call first who " +
  "may down side been now find any new work part take get place made live where after back little only " +
  "round man year came show every good me give our under name very through just form sentence great think " +
  "flask python graphql coffee morning train garden music weekend"
).split(" ");

/** How many words the seed writes with: the common ones, then made-up ones, rarer and rarer. */
const VOCABULARY_SIZE = 20_000;
const CONSONANTS = "bdfgklmnprstvz";
const VOWELS = "aeiou";
/** A made-up word ends in one of these: no English stemmer takes them for a suffix, so no two words share a stem. */
const FINAL_VOWELS = "aou";

/** The n-th made-up word: two syllables, then three, each a consonant and a vowel (kalo, mibetu). */
function madeUpWord(n: number): string {
  const syllable = (index: number, vowels: string) =>
    CONSONANTS[index % CONSONANTS.length]! + vowels[Math.floor(index / CONSONANTS.length) % vowels.length]!;
  const finals = CONSONANTS.length * FINAL_VOWELS.length;
  const heads = CONSONANTS.length * VOWELS.length;
  const last = syllable(n % finals, FINAL_VOWELS);
  let rest = Math.floor(n / finals);
  let word = "";
  // Two syllables for the first heads × finals words, three after.
  const syllables = rest < heads ? 1 : 2;
  if (syllables === 2) rest -= heads;
  for (let i = 0; i < syllables; i += 1) {
    word += syllable(rest % heads, VOWELS);
    rest = Math.floor(rest / heads);
  }
  return word + last;
}

/** Every word the seed writes, by rank: the most common first. */
export const VOCABULARY: readonly string[] = [
  ...COMMON_WORDS,
  ...Array.from({ length: VOCABULARY_SIZE - COMMON_WORDS.length }, (_, n) => madeUpWord(n)),
];

/**
 * Words drawn as text is (Zipf–Mandelbrot): the word of rank r with weight 1 / (r + 2.7), so that the
 * most common is in about a third of the posts and most words are in very few. Cumulative weights,
 * searched by halves.
 */
const cumulative = (() => {
  const weights = new Float64Array(VOCABULARY_SIZE);
  let total = 0;
  for (let rank = 1; rank <= VOCABULARY_SIZE; rank += 1) weights[rank - 1] = total += 1 / (rank + 2.7);
  return weights.map((weight) => weight / total);
})();

function word(next: () => number): string {
  const target = next();
  let low = 0;
  let high = VOCABULARY_SIZE - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulative[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return VOCABULARY[low]!;
}

/** What the benchmark searches for: the most common word, and one in a few hundredths of a percent of posts. */
export const SEARCH_WORDS = { common: VOCABULARY[0]!, rare: VOCABULARY[5_000]! } as const;

function sentence(next: () => number, maxLength: number): string {
  const target = 10 + Math.floor(next() * (maxLength - 10));
  let text = word(next);
  for (;;) {
    const another = word(next);
    if (text.length + 1 + another.length > target) break;
    text += ` ${another}`;
  }
  return text[0]!.toUpperCase() + text.slice(1) + ".";
}

/**
 * A user index in 0…n-1, skewed towards the first ones as real microblogs are: a few users write
 * most posts (`power` 3) or gather most followers (`power` 2). user1 is the most prolific.
 */
function skewedIndex(next: () => number, n: number, power: number): number {
  return Math.min(n - 1, Math.floor(n * next() ** power));
}

function* batches<T>(total: number, row: (index: number) => T): Generator<T[]> {
  for (let start = 0; start < total; start += ROWS_PER_BATCH) {
    const end = Math.min(total, start + ROWS_PER_BATCH);
    const batch: T[] = [];
    for (let index = start; index < end; index += 1) batch.push(row(index));
    yield batch;
  }
}

export class NotEmpty extends Error {}

/**
 * Fills an empty, migrated database with a made-up microblog: `users` users (user1 … userN, all with
 * SEED_PASSWORD), `posts` posts over the year before SEED_NEWEST, each user following
 * `followsPerUser` others. Rows are written in batches, each in a transaction of its own.
 */
export async function seedDatabase(database: Database, options: SeedOptions, progress: Progress = () => {}): Promise<void> {
  if ((await database.repos.users.count()) > 0) {
    throw new NotEmpty("The database already has users; seed an empty one.");
  }
  const next = random(options.seed);
  // One hash for everyone, with a fixed salt: argon2 per user would take minutes, and a random salt
  // would make two seedings differ.
  const passwordHash = await hash(SEED_PASSWORD, { ...ARGON2ID, salt: new TextEncoder().encode("microblog-seed-salt") });

  const userIds: number[] = [];
  for (const batch of batches<BulkUser>(options.users, (index) => ({
    username: `user${index + 1}`,
    email: `user${index + 1}@example.com`,
    passwordHash,
    aboutMe: next() < 0.3 ? sentence(next, 140) : null,
    lastSeen: new Date(SEED_NEWEST - Math.floor(next() * 30 * 24 * 3600 * 1000)),
  }))) {
    const ids = await database.bulk.users(batch);
    for (const user of batch) userIds.push(ids.get(user.username)!);
    progress("users", userIds.length, options.users);
  }

  const perUser = Math.min(options.followsPerUser, options.users - 1);
  let followsDone = 0;
  for (const batch of batches<BulkFollow[]>(options.users, (follower) => {
    const followed = new Set<number>();
    // Popular users are picked more often; after too many repeats, the next ones in order fill in.
    for (let tries = 0; followed.size < perUser && tries < perUser * 20; tries += 1) {
      const index = skewedIndex(next, options.users, 2);
      if (index !== follower) followed.add(index);
    }
    for (let index = 0; followed.size < perUser; index += 1) if (index !== follower) followed.add(index);
    return [...followed].map((index) => ({
      followerId: userIds[follower]!,
      followedId: userIds[index]!,
      createdAt: new Date(SEED_NEWEST - Math.floor(next() * SPAN_MS)),
    }));
  })) {
    const rows = batch.flat();
    await database.bulk.follows(rows);
    followsDone += rows.length;
    progress("follows", followsDone, options.users * perUser);
  }

  let postsDone = 0;
  for (const batch of batches<BulkPost>(options.posts, (index) => ({
    userId: userIds[skewedIndex(next, options.users, 3)]!,
    body: sentence(next, 140),
    // Evenly spread and increasing with the id, as posts written over time are.
    timestamp: new Date(SEED_NEWEST - SPAN_MS + Math.floor(((index + 1) * SPAN_MS) / options.posts)),
  }))) {
    await database.bulk.posts(batch);
    postsDone += batch.length;
    progress("posts", postsDone, options.posts);
  }
  await database.bulk.analyze();
}
