import Sqlite from "better-sqlite3";
import type { Logger } from "drizzle-orm";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { EngineConnection, OpenOptions } from "../../contract.ts";
import { migrationNames, migrationsFolder, pendingOf } from "../../migrations.ts";
import { avatarHashOf } from "../../avatar-hash.ts";
import { bulkWriter } from "./bulk.ts";
import { inProcessEvents } from "../../../events/events.ts";
import { followStatements } from "./follows.ts";
import { messageStatements } from "./messages.ts";
import { notificationStatements } from "./notifications.ts";
import { postStatements } from "./posts.ts";
import { passwordResetStatements, taskStatements } from "./tasks.ts";
import { tokenStatements } from "./tokens.ts";
import { userStatements } from "./users.ts";

/** SQLite's busy timeout when no lock timeout is set. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5_000;

/** A better-sqlite3 connection set up as the application's are. */
function connect(path: string, options: OpenOptions = {}): Sqlite.Database {
  const client = new Sqlite(path);
  client.pragma("journal_mode = WAL");
  client.pragma(`synchronous = ${options.sqliteSynchronous ?? "FULL"}`);
  client.pragma("foreign_keys = ON");
  // A writer waits this long for another's lock before giving up (SQLITE_BUSY: 503).
  client.pragma(`busy_timeout = ${options.timeouts?.lockMs || DEFAULT_BUSY_TIMEOUT_MS}`);
  return client;
}

export function migrateFolder(db: BetterSQLite3Database, folder: string): void {
  migrate(db, { migrationsFolder: folder });
}

/**
 * Gravatar keys for the users an older release wrote (the avatar_hash migration adds the column;
 * SQLite has no MD5 to fill it in SQL), a thousand per transaction, in id order.
 */
function backfillAvatarHashes(client: Sqlite.Database): void {
  const missing = client.prepare("select id, email from users where id > ? and avatar_hash is null order by id limit 1000");
  const store = client.prepare("update users set avatar_hash = ? where id = ?");
  const storeAll = client.transaction((rows: { id: number; email: string }[]) => {
    for (const { id, email } of rows) store.run(avatarHashOf(email), id);
  });
  for (let after = 0; ; ) {
    const rows = missing.all(after) as { id: number; email: string }[];
    if (rows.length === 0) return;
    storeAll(rows);
    after = rows.at(-1)!.id;
  }
}

export function openSqlite(path: string, options: OpenOptions, logger: Logger): EngineConnection {
  const client = connect(path, options);
  const db = drizzle({ client, logger });
  const expected = migrationNames(migrationsFolder.sqlite);
  // One process writes the file (one instance): its writes are announced in process, once committed.
  const events = inProcessEvents();
  const publish = events.publish;
  return {
    statements: {
      users: userStatements(db),
      posts: postStatements(db, publish),
      follows: followStatements(db, publish),
      tokens: tokenStatements(db),
      messages: messageStatements(db, publish),
      notifications: notificationStatements(db),
      tasks: taskStatements(db, publish),
      passwordResets: passwordResetStatements(db),
    },
    bulk: bulkWriter(db),
    events,
    migrate: async () => migrateFolder(db, migrationsFolder.sqlite),
    backfill: async () => backfillAvatarHashes(client),
    async pendingMigrations() {
      const bookkeeping = client.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
      if (!bookkeeping) return expected.length; // never migrated
      return pendingOf(expected, client.prepare("select name from __drizzle_migrations").all() as { name: unknown }[]);
    },
    close: async () => {
      await events.close();
      client.close();
    },
  };
}
