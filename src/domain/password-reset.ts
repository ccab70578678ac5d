import type { Repositories } from "../db/contract.ts";
import type { JobQueue } from "../jobs/queue.ts";
import type { Mailer } from "../mail/mailer.ts";
import { passwordResetEmail } from "../mail/messages.ts";
import type { AttemptLimiter } from "./attempts.ts";
import type { Client } from "./auth.ts";
import { InputErrors, InvalidInput } from "./errors.ts";
import type { PasswordHasher } from "./passwords.ts";
import { hashToken, isTokenShaped, newToken } from "./secrets.ts";
import { checkEmail, checkPassword } from "./users.ts";

const INVALID_TOKEN = "The reset token is invalid, used or expired; ask for another email.";

export interface PasswordResetDeps {
  repos: Repositories;
  passwords: PasswordHasher;
  attempts: AttemptLimiter;
  jobs: JobQueue;
  mailer: Mailer;
  now: () => Date;
  /** The frontend's reset page, with `{token}` where the token goes. */
  resetUrl: string;
  tokenTtlSeconds: number;
}

/** Chapter 10: a reset link by email, good once and for a short while. */
export function createPasswordResetService({ repos, passwords, attempts, jobs, mailer, now, resetUrl, tokenTtlSeconds }: PasswordResetDeps) {
  return {
    /**
     * Queues the email, whether the address belongs to an account or not: the answer, and the work
     * done before it, are the same either way, so nobody learns who has an account.
     */
    async request(client: Client, email: string): Promise<boolean> {
      const address = checkEmail(email);
      await attempts.attempt({ action: "requestPasswordReset", address: client.address, email: address });
      if (mailer.kind !== "none") await jobs.add({ name: "password_reset_email", email: address });
      return true;
    },

    /** The job: a new token (invalidating any earlier one) and its email, when the address is an account's. */
    async sendEmail(email: string): Promise<void> {
      const user = await repos.users.byEmail(email);
      if (!user) return;
      const token = newToken();
      await repos.passwordResets.replace(user.id, hashToken(token), new Date(now().getTime() + tokenTtlSeconds * 1000));
      const link = resetUrl.replaceAll("{token}", encodeURIComponent(token));
      await mailer.send({ ...passwordResetEmail(user, link, tokenTtlSeconds), to: user.email });
    },

    /** Sets the new password; every session and reset token of the user is revoked. */
    async reset(client: Client, token: string, newPassword: string): Promise<boolean> {
      await attempts.attempt({ action: "resetPassword", address: client.address });
      const errors = new InputErrors();
      const tokenHash = isTokenShaped(token) ? hashToken(token) : undefined;
      if (tokenHash === undefined || (await repos.passwordResets.userFor(tokenHash, now())) === undefined) {
        errors.add(new InvalidInput("token", INVALID_TOKEN));
      }
      const password = errors.check(() => checkPassword(newPassword, "newPassword"));
      errors.throwIfAny();
      // Checked again as it is used up: of two racing resets with one token, one wins.
      if (!(await repos.passwordResets.redeem(tokenHash!, now(), await passwords.hash(password!)))) {
        throw new InvalidInput("token", INVALID_TOKEN);
      }
      return true;
    },
  };
}

export type PasswordResetService = ReturnType<typeof createPasswordResetService>;
