import type { TokenStatements, TokensRepository } from "../contract.ts";

export function tokensRepository(statements: TokenStatements): TokensRepository {
  return {
    createForPassword: async (token, passwordHash) =>
      (await statements.insertForPassword.all({ ...token, passwordHash })).length > 0,
    sessionByHash: (tokenHash) => statements.sessionByHash.get({ tokenHash }),
    delete: (id) => statements.delete.run({ id }),
    liveAmong: async (ids, now) => new Set((await statements.liveAmong.all({ ids, now })).map((row) => row.id)),
    deleteExpired: (userId, now) => statements.deleteExpired.run({ userId, now }),
  };
}
