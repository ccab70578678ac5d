import { createHash } from "node:crypto";

/**
 * Gravatar's key for an address: the MD5 of it, lowercased. Stored with the user's row
 * (`users.avatar_hash`), written whenever the email is, so that no request hashes emails.
 */
export function avatarHashOf(email: string): string {
  return createHash("md5").update(email.toLowerCase()).digest("hex");
}
