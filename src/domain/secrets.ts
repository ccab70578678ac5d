import { createHash, randomBytes } from "node:crypto";

// Bearer tokens and reset tokens alike: 256 random bits, given out once, of which only the SHA-256
// is stored. (A token of one kind is looked up among the other kind's hashes in vain.)

/** 256 random bits, base64url: 43 characters. */
const TOKEN_BYTES = 32;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

/** Whether `token` has the shape of one of ours: anything else is refused before any lookup. */
export function isTokenShaped(token: string): boolean {
  return TOKEN_SHAPE.test(token);
}

/** What is stored of a token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
