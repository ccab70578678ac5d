import type { UserStatements, UsersRepository } from "../contract.ts";
import { avatarHashOf } from "../avatar-hash.ts";
import { takenUserField } from "../errors.ts";
import { inserted } from "./rows.ts";

export function usersRepository(statements: UserStatements): UsersRepository {
  return {
    async create(user) {
      try {
        return { ok: true, user: await inserted(statements.insert({ ...user, avatarHash: avatarHashOf(user.email) })) };
      } catch (error) {
        const taken = takenUserField(error);
        if (taken) return { ok: false, taken };
        throw error;
      }
    },
    byIds: (ids) => statements.byIds.all({ ids }),
    summariesByIds: (ids) => statements.summariesByIds.all({ ids }),
    byUsername: (username) => statements.byUsername.get({ username }),
    page: ({ limit, after }) =>
      after ? statements.pageAfter.all({ limit, after: after.usernameLower }) : statements.page.all({ limit }),
    // Usernames are ASCII letters, digits, '_', '.' and '-', all below '~': every lowercased name
    // that starts with the prefix sorts from the prefix itself to the prefix followed by '~'.
    byUsernamePrefix: (prefix, limit) => {
      const from = prefix.toLowerCase();
      return statements.range.all({ from, to: `${from}~`, limit });
    },
    count: async () => (await statements.count.get({}))!.n,
    async updateProfile(userId, changes) {
      try {
        const user = await statements.update(userId, changes);
        if (!user) throw new Error(`no user ${userId} to update`);
        return { ok: true, user };
      } catch (error) {
        if (takenUserField(error) === "username") return { ok: false, taken: "username" };
        throw error;
      }
    },
    recordSeen: (userId, at, staleBefore) => statements.recordSeen.run({ userId, at, staleBefore }),
    replacePassword: (userId, passwordHash, keepTokenId) => statements.replacePassword(userId, passwordHash, keepTokenId),
    byEmail: (email) => statements.byEmail.get({ email }),
  };
}
