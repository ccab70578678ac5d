import { and, asc, count, eq, gt, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { PasswordResetStatements, TaskStatements } from "../../contract.ts";
import type { LiveEvent } from "../../../events/events.ts";
import { AFTER, afterInNewestFirst, afterInOldestFirst, LIMIT, newestFirst, oldestFirst } from "../keyset.ts";
import { command, inIdList, pages, query } from "./prepared.ts";
import { notifications, passwordResets, posts, taskResultChunks, tasks, tokens, users } from "./schema.ts";

type Transaction = Parameters<Parameters<BetterSQLite3Database["transaction"]>[0]>[0];

const USER_ID = sql.placeholder("userId");
const byCreation = { timestamp: tasks.createdAt, id: tasks.id };
const unfinished = and(eq(tasks.complete, false), isNull(tasks.error));
const NOW_MS = sql`cast(unixepoch('subsec') * 1000 as integer)`;

/** The task's progress notification, replaced by a newer one; the new one's id. */
function replaceProgressNotification(tx: Transaction, userId: number, taskId: number): number {
  tx.delete(notifications).where(eq(notifications.taskId, taskId)).run();
  return tx.insert(notifications).values({ userId, kind: "task_progress", taskId }).returning({ id: notifications.id }).get()!.id;
}

export function taskStatements(db: BetterSQLite3Database, publish: (event: LiveEvent) => void): TaskStatements {
  const exportedPosts = (after?: typeof AFTER) =>
    db
      .select({ id: posts.id, body: posts.body, timestamp: posts.timestamp })
      .from(posts)
      .where(and(eq(posts.userId, sql.placeholder("authorId")), afterInOldestFirst(posts, after)))
      .orderBy(...oldestFirst(posts))
      .limit(LIMIT);
  return {
    async start(userId, name, description) {
      return db.transaction(
        (tx) => {
          const created = tx.insert(tasks).values({ userId, name, description }).onConflictDoNothing().returning().get();
          if (created) return { task: created, created: true };
          const existing = tx.select().from(tasks).where(and(eq(tasks.userId, userId), eq(tasks.name, name), unfinished)).get();
          if (!existing) throw new Error("no unfinished task, yet one was in the way");
          return { task: existing, created: false };
        },
        { behavior: "immediate" },
      );
    },
    byIds: query(db.select().from(tasks).where(inIdList(tasks.id, "ids"))),
    byIdsFor: query(db.select().from(tasks).where(and(inIdList(tasks.id, "ids"), eq(tasks.userId, USER_ID)))),
    page: pages((after) =>
      db.select().from(tasks).where(and(eq(tasks.userId, USER_ID), afterInNewestFirst(byCreation, after))).orderBy(...newestFirst(byCreation)).limit(LIMIT),
    ),
    count: query(db.select({ n: count() }).from(tasks).where(eq(tasks.userId, USER_ID))),
    unfinished: query(db.select().from(tasks).where(unfinished).orderBy(asc(tasks.id))),
    async step({ taskId, fromDoneCount, chunk, progress, doneCount, last, complete, notify }) {
      const result = db.transaction(
        (tx) => {
          const task = tx
            .update(tasks)
            .set({
              progress,
              doneCount,
              lastTimestamp: last?.timestamp,
              lastId: last?.id,
              complete,
              completedAt: complete ? NOW_MS : undefined,
            })
            .where(and(eq(tasks.id, taskId), unfinished, eq(tasks.doneCount, fromDoneCount)))
            .returning({ userId: tasks.userId })
            .get();
          if (!task) return undefined;
          if (chunk) tx.insert(taskResultChunks).values({ taskId, seq: chunk.seq, body: chunk.body }).run();
          return { userId: task.userId, notificationId: notify ? replaceProgressNotification(tx, task.userId, taskId) : undefined };
        },
        { behavior: "immediate" },
      );
      if (result?.notificationId !== undefined) publish({ type: "notification", id: result.notificationId, userId: result.userId });
      return result !== undefined;
    },
    async fail(taskId, error) {
      const result = db.transaction(
        (tx) => {
          const task = tx
            .update(tasks)
            .set({ error, completedAt: NOW_MS })
            .where(and(eq(tasks.id, taskId), unfinished))
            .returning({ userId: tasks.userId })
            .get();
          return task && { userId: task.userId, notificationId: replaceProgressNotification(tx, task.userId, taskId) };
        },
        { behavior: "immediate" },
      );
      if (result) publish({ type: "notification", id: result.notificationId, userId: result.userId });
    },
    chunks: query(
      db
        .select({ seq: taskResultChunks.seq, body: taskResultChunks.body })
        .from(taskResultChunks)
        .where(and(eq(taskResultChunks.taskId, sql.placeholder("taskId")), gt(taskResultChunks.seq, sql.placeholder("afterSeq"))))
        .orderBy(asc(taskResultChunks.seq))
        .limit(LIMIT),
    ),
    sweep: command(db.delete(tasks).where(and(isNotNull(tasks.completedAt), lt(tasks.completedAt, sql`${sql.placeholder("before")}`)))),
    postsOldestFirst: { first: query(exportedPosts()), after: query(exportedPosts(AFTER)) },
  };
}

export function passwordResetStatements(db: BetterSQLite3Database): PasswordResetStatements {
  const TOKEN_HASH = sql.placeholder("tokenHash");
  return {
    replace: command(
      db
        .insert(passwordResets)
        .values({ userId: sql.placeholder("userId"), tokenHash: TOKEN_HASH, expiresAt: sql`${sql.placeholder("expiresAt")}` })
        .onConflictDoUpdate({
          target: passwordResets.userId,
          set: { tokenHash: sql`excluded.token_hash`, expiresAt: sql`excluded.expires_at`, createdAt: NOW_MS },
        }),
    ),
    userFor: query(
      db
        .select({ userId: passwordResets.userId })
        .from(passwordResets)
        .where(and(eq(passwordResets.tokenHash, TOKEN_HASH), gt(passwordResets.expiresAt, sql`${sql.placeholder("now")}`))),
    ),
    async redeem(tokenHash, now, passwordHash) {
      return db.transaction(
        (tx) => {
          const reset = tx
            .delete(passwordResets)
            .where(and(eq(passwordResets.tokenHash, tokenHash), gt(passwordResets.expiresAt, now)))
            .returning({ userId: passwordResets.userId })
            .get();
          if (!reset) return false;
          tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId)).run();
          tx.delete(tokens).where(eq(tokens.userId, reset.userId)).run();
          return true;
        },
        { behavior: "immediate" },
      );
    },
  };
}
