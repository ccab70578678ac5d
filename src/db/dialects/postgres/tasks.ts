import { and, asc, count, eq, gt, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { PasswordResetStatements, TaskStatements } from "../../contract.ts";
import { AFTER, afterInNewestFirst, afterInOldestFirst, LIMIT, newestFirst, oldestFirst } from "../keyset.ts";
import { command, inIdList, pages, query } from "./prepared.ts";
import { notifications, passwordResets, posts, taskResultChunks, tasks, tokens, users } from "./schema.ts";

type Transaction = Parameters<Parameters<PostgresJsDatabase["transaction"]>[0]>[0];

const USER_ID = sql.placeholder("userId");
const byCreation = { timestamp: tasks.createdAt, id: tasks.id };
const unfinished = and(eq(tasks.complete, false), isNull(tasks.error));

/**
 * The task's progress notification, replaced by a newer one. Taken under the user's row lock, as the
 * other notifications are: a user's notifications get their ids in commit order.
 */
async function replaceProgressNotification(tx: Transaction, userId: number, taskId: number): Promise<void> {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for("update");
  await tx.delete(notifications).where(eq(notifications.taskId, taskId));
  await tx.insert(notifications).values({ userId, kind: "task_progress", taskId });
}

export function taskStatements(db: PostgresJsDatabase): TaskStatements {
  const exportedPosts = (after?: typeof AFTER) =>
    db
      .select({ id: posts.id, body: posts.body, timestamp: posts.timestamp })
      .from(posts)
      .where(and(eq(posts.userId, sql.placeholder("authorId")), afterInOldestFirst(posts, after)))
      .orderBy(...oldestFirst(posts))
      .limit(LIMIT);
  return {
    async start(userId, name, description) {
      // The unfinished task in the way may finish between the insert and the read: then try again.
      for (let attempt = 1; ; attempt += 1) {
        const [created] = await db.insert(tasks).values({ userId, name, description }).onConflictDoNothing().returning();
        if (created) return { task: created, created: true };
        const [existing] = await db.select().from(tasks).where(and(eq(tasks.userId, userId), eq(tasks.name, name), unfinished));
        if (existing) return { task: existing, created: false };
        if (attempt === 3) throw new Error(`no unfinished task of user ${userId}, yet one was in the way, three times`);
      }
    },
    byIds: query(db.select().from(tasks).where(inIdList(tasks.id, "ids"))),
    byIdsFor: query(db.select().from(tasks).where(and(inIdList(tasks.id, "ids"), eq(tasks.userId, USER_ID)))),
    page: pages((after) =>
      db.select().from(tasks).where(and(eq(tasks.userId, USER_ID), afterInNewestFirst(byCreation, after))).orderBy(...newestFirst(byCreation)).limit(LIMIT),
    ),
    count: query(db.select({ n: count() }).from(tasks).where(eq(tasks.userId, USER_ID))),
    unfinished: query(db.select().from(tasks).where(unfinished).orderBy(asc(tasks.id))),
    async step({ taskId, fromDoneCount, chunk, progress, doneCount, last, complete, notify }) {
      return db.transaction(async (tx) => {
        const [task] = await tx
          .update(tasks)
          .set({
            progress,
            doneCount,
            lastTimestamp: last?.timestamp,
            lastId: last?.id,
            complete,
            completedAt: complete ? sql`now()` : undefined,
          })
          .where(and(eq(tasks.id, taskId), unfinished, eq(tasks.doneCount, fromDoneCount)))
          .returning({ userId: tasks.userId });
        if (!task) return false;
        if (chunk) await tx.insert(taskResultChunks).values({ taskId, seq: chunk.seq, body: chunk.body });
        if (notify) await replaceProgressNotification(tx, task.userId, taskId);
        return true;
      });
    },
    async fail(taskId, error) {
      await db.transaction(async (tx) => {
        const [task] = await tx
          .update(tasks)
          .set({ error, completedAt: sql`now()` })
          .where(and(eq(tasks.id, taskId), unfinished))
          .returning({ userId: tasks.userId });
        if (task) await replaceProgressNotification(tx, task.userId, taskId);
      });
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

export function passwordResetStatements(db: PostgresJsDatabase): PasswordResetStatements {
  const TOKEN_HASH = sql.placeholder("tokenHash");
  return {
    replace: command(
      db
        .insert(passwordResets)
        .values({ userId: sql.placeholder("userId"), tokenHash: TOKEN_HASH, expiresAt: sql`${sql.placeholder("expiresAt")}` })
        .onConflictDoUpdate({
          target: passwordResets.userId,
          set: { tokenHash: sql`excluded.token_hash`, expiresAt: sql`excluded.expires_at`, createdAt: sql`now()` },
        }),
    ),
    userFor: query(
      db
        .select({ userId: passwordResets.userId })
        .from(passwordResets)
        .where(and(eq(passwordResets.tokenHash, TOKEN_HASH), gt(passwordResets.expiresAt, sql`${sql.placeholder("now")}`))),
    ),
    async redeem(tokenHash, now, passwordHash) {
      return db.transaction(async (tx) => {
        const [reset] = await tx
          .delete(passwordResets)
          .where(and(eq(passwordResets.tokenHash, tokenHash), gt(passwordResets.expiresAt, now)))
          .returning({ userId: passwordResets.userId });
        if (!reset) return false;
        await tx.update(users).set({ passwordHash }).where(eq(users.id, reset.userId));
        await tx.delete(tokens).where(eq(tokens.userId, reset.userId));
        return true;
      });
    },
  };
}
