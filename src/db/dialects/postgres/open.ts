import { sql, type Logger } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { DatabaseTimeouts } from "../../../config.ts";
import type { EngineConnection, OpenOptions } from "../../contract.ts";
import { migrationNames, migrationsFolder, pendingOf } from "../../migrations.ts";
import { bulkWriter } from "./bulk.ts";
import { postgresEvents, type ListenerHandlers } from "../../../events/postgres.ts";
import { followStatements } from "./follows.ts";
import { messageStatements } from "./messages.ts";
import { notificationStatements } from "./notifications.ts";
import { postStatements } from "./posts.ts";
import { passwordResetStatements, taskStatements } from "./tasks.ts";
import { tokenStatements } from "./tokens.ts";
import { userStatements } from "./users.ts";

/** Any fixed number, the same in every instance: instances starting together migrate one at a time. */
const MIGRATION_LOCK_KEY = 7_361_001;

/** postgres.js waits `backoff(n)` seconds before its n-th reconnection: doubling from 50 ms up to the cap. */
function cappedBackoff(maxDelayMs: number): (retries: number) => number {
  return (retries) => Math.min(0.05 * 2 ** retries, maxDelayMs / 1000);
}

/** The session settings that keep a request from waiting without end. */
function sessionTimeouts(timeouts: DatabaseTimeouts): Record<string, string> {
  return {
    statement_timeout: String(timeouts.statementMs),
    lock_timeout: String(timeouts.lockMs),
    idle_in_transaction_session_timeout: String(timeouts.idleInTransactionMs),
  };
}

/**
 * A postgres.js pool of `max` connections; `timeouts` bound connecting, and (with `limitSessions`)
 * each session's waits. `handlers` hear its notifications and closed connections.
 */
export function connect(url: string, max: number, timeouts?: DatabaseTimeouts, limitSessions = true, handlers?: ListenerHandlers): postgres.Sql {
  // A listener's connection stays open however long it is quiet.
  const listening = handlers && { ...handlers, idle_timeout: 0, max_lifetime: null };
  return postgres(url, {
    max,
    ...listening,
    onnotice: () => {},
    ...(timeouts && { connect_timeout: timeouts.connectMs / 1000, backoff: cappedBackoff(timeouts.reconnectMaxDelayMs) }),
    connection: {
      // Floats as the shortest text that reads back exactly, whatever the role or database sets: a
      // search's relevance cursor holds the score it was given and compares it again.
      extra_float_digits: "1",
      ...(timeouts && limitSessions && sessionTimeouts(timeouts)),
    },
  });
}

/** Applies the migrations of `folder`, one instance at a time (under an advisory lock). */
export async function migrateFolder(client: postgres.Sql, folder: string): Promise<void> {
  const lockHolder = await client.reserve();
  try {
    await lockHolder`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate(drizzle({ client }), { migrationsFolder: folder });
  } finally {
    await lockHolder`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
    lockHolder.release();
  }
}

export function openPostgres(url: string, options: OpenOptions, logger: Logger): EngineConnection {
  const { timeouts } = options;
  const client = connect(url, options.poolSize ?? 10, timeouts);
  // Readiness asks on a connection of its own, so that a pool busy with slow requests is not taken
  // for a database that is down.
  const probeClient = connect(url, 1, timeouts);
  const probe = drizzle({ client: probeClient });
  const db = drizzle({ client, logger });
  const expected = migrationNames(migrationsFolder.postgres);
  // Writes announce themselves with NOTIFY (triggers, in their transactions); this instance hears
  // every instance's on a connection of its own.
  const events = postgresEvents((handlers) => connect(url, 1, timeouts, false, handlers), timeouts?.reconnectMaxDelayMs);
  return {
    statements: {
      users: userStatements(db),
      posts: postStatements(db),
      follows: followStatements(db),
      tokens: tokenStatements(db),
      messages: messageStatements(db),
      notifications: notificationStatements(db),
      tasks: taskStatements(db),
      passwordResets: passwordResetStatements(db),
    },
    bulk: bulkWriter(db),
    events,
    async migrate() {
      // Migrations may rewrite whole tables: they run on connections of their own, without the
      // time limits of requests.
      const migrator = connect(url, 2, timeouts, false);
      try {
        await migrateFolder(migrator, migrationsFolder.postgres);
      } finally {
        await migrator.end({ timeout: 5 });
      }
    },
    async backfill() {
      // The avatar_hash migration filled every row there was; these are rows an older instance wrote since.
      await probe.execute(sql`update users set avatar_hash = md5(lower(email)) where avatar_hash is null`);
    },
    async pendingMigrations() {
      const [bookkeeping] = await probe.execute<{ found: unknown }>(sql`select to_regclass('drizzle.__drizzle_migrations') as found`);
      if (!bookkeeping?.found) return expected.length; // never migrated
      return pendingOf(expected, await probe.execute<{ name: unknown }>(sql`select name from drizzle.__drizzle_migrations`));
    },
    close: async () => {
      await Promise.all([events.close(), client.end({ timeout: 5 }), probeClient.end({ timeout: 5 })]);
    },
  };
}
