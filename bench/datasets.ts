// The seeded databases the benchmark runs on: made once, reused by later runs while they hold
// exactly what the seed writes.
import { mkdirSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../src/db/database.ts";
import { beside } from "../src/db/side.ts";
import type { DatabaseTarget } from "../src/db/url.ts";
import { seedDatabase, SEED_VERSION, type DatasetSize } from "../src/seed/dataset.ts";

export type Engine = DatabaseTarget["dialect"];

const dataFolder = fileURLToPath(new URL("data/", import.meta.url));
const SEED = 1;

/** The main dataset (the seed's defaults; smaller for a smoke run), and the two the growth check compares. */
export function datasetSizes(smoke: boolean): { main: DatasetSize; growthSmall: DatasetSize; growthLarge: DatasetSize; seed: number } {
  return {
    main: smoke ? { users: 1_000, posts: 20_000, followsPerUser: 50 } : { users: 10_000, posts: 100_000, followsPerUser: 50 },
    growthSmall: { users: 10_000, posts: 10_000, followsPerUser: 50 },
    growthLarge: { users: 10_000, posts: 1_000_000, followsPerUser: 50 },
    seed: SEED,
  };
}

function datasetName({ users, posts, followsPerUser }: DatasetSize): string {
  return `u${users}_p${posts}_f${followsPerUser}_s${SEED}_v${SEED_VERSION}`;
}

/** The PostgreSQL server's maintenance connection, where databases are created and dropped. */
function server(adminUrl: string): DatabaseTarget {
  return { dialect: "postgres", url: adminUrl };
}

/** Where the dataset lives, and how to empty it. */
async function place(engine: Engine, name: string, adminUrl: string): Promise<{ target: DatabaseTarget; recreate(): Promise<void> }> {
  if (engine === "sqlite") {
    mkdirSync(dataFolder, { recursive: true });
    const path = `${dataFolder}${name}.db`;
    return {
      target: { dialect: "sqlite", path },
      recreate: async () => {
        for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
      },
    };
  }
  const database = `microblog_bench_${name}`;
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  await beside(server(adminUrl), async (admin) => {
    const [exists] = await admin.select(`select 1 from pg_database where datname = $1`, [database]);
    if (!exists) await admin.execute(`create database ${database}`);
  });
  return {
    target: { dialect: "postgres", url: url.toString() },
    recreate: () =>
      beside(server(adminUrl), async (admin) => {
        await admin.execute(`drop database if exists ${database} with (force)`);
        await admin.execute(`create database ${database}`);
      }),
  };
}

/** A database holding exactly `size` as the seed makes it: reused when it is there, seeded when not. */
export async function dataset(engine: Engine, size: DatasetSize, adminUrl: string, log: (line: string) => void): Promise<DatabaseTarget> {
  const name = datasetName(size);
  const { target, recreate } = await place(engine, name, adminUrl);
  let database = openDatabase(target);
  await database.migrate();
  const [row] = await beside(target, (side) =>
    side.select(
      `select (select count(*) from users) as users, (select count(*) from posts) as posts,
         (select coalesce(max(id), 0) from posts) as last_post, (select count(*) from followers) as follows`,
    ),
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

/** The PostgreSQL server's version, or undefined when it does not answer. */
export async function postgresVersion(adminUrl: string): Promise<string | undefined> {
  try {
    const [row] = await beside(server(adminUrl), (admin) => admin.select("show server_version"));
    return String(row!.server_version);
  } catch {
    return undefined;
  }
}
