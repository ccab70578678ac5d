import { hash, verify } from "@node-rs/argon2";

/**
 * OWASP's recommended argon2id settings: 19 MiB of memory, 2 iterations, 1 degree of parallelism.
 * argon2id is the library's default algorithm (its enum is a `const enum` we cannot import).
 */
export const ARGON2ID = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /**
   * Whether `password` matches `passwordHash`. With no hash (no such user, or a user without a
   * password) it still does the work of a verification, so a failed login takes as long either way.
   */
  verify(passwordHash: string | null | undefined, password: string): Promise<boolean>;
}

export function argon2idHasher(): PasswordHasher {
  // Made now, so that even the first failed login costs one verification, not a hash and a verification.
  const decoyHash = hash("decoy password, never matched", ARGON2ID);
  decoyHash.catch(() => {}); // a failure surfaces at the first verify that needs it
  return {
    hash: (password) => hash(password, ARGON2ID),
    async verify(passwordHash, password) {
      if (passwordHash) return verify(passwordHash, password);
      await verify(await decoyHash, password);
      return false;
    },
  };
}
