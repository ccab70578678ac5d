import type { PasswordResetStatements, PasswordResetsRepository, TaskStatements, TasksRepository } from "../contract.ts";
import { read } from "./posts.ts";

export function tasksRepository(statements: TaskStatements): TasksRepository {
  return {
    start: (userId, name, description) => statements.start(userId, name, description),
    byIds: (ids) => statements.byIds.all({ ids }),
    byIdsFor: (userId, ids) => statements.byIdsFor.all({ userId, ids }),
    page: (userId, request) => read(statements.page, { userId }, request),
    count: async (userId) => (await statements.count.get({ userId }))!.n,
    unfinished: () => statements.unfinished.all({}),
    step: (step) => statements.step(step),
    fail: (taskId, error) => statements.fail(taskId, error),
    chunks: (taskId, afterSeq, limit) => statements.chunks.all({ taskId, afterSeq, limit }),
    sweep: (before) => statements.sweep.run({ before }),
    postsOldestFirst: (authorId, request) => read(statements.postsOldestFirst, { authorId }, request),
  };
}

export function passwordResetsRepository(statements: PasswordResetStatements): PasswordResetsRepository {
  return {
    replace: (userId, tokenHash, expiresAt) => statements.replace.run({ userId, tokenHash, expiresAt }),
    userFor: async (tokenHash, now) => (await statements.userFor.get({ tokenHash, now }))?.userId,
    redeem: (tokenHash, now, passwordHash) => statements.redeem(tokenHash, now, passwordHash),
  };
}
