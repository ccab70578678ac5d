// The emails the service sends: each a plain-text part and an HTML part saying the same.
import type { UserRow } from "../db/contract.ts";
import type { Email } from "./mailer.ts";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

function html(paragraphs: string[]): string {
  return `<!doctype html>\n<html><body style="font-family: sans-serif">\n${paragraphs.map((p) => `<p>${p}</p>`).join("\n")}\n</body></html>\n`;
}

function minutes(seconds: number): string {
  const count = Math.round(seconds / 60);
  return count === 1 ? "1 minute" : `${count} minutes`;
}

/** The password-reset email: the link holds the token, good once, for `ttlSeconds`. */
export function passwordResetEmail(user: Pick<UserRow, "username">, link: string, ttlSeconds: number): Omit<Email, "to"> {
  const name = user.username;
  return {
    subject: "Reset your password",
    text:
      `Hi ${name},\n\n` +
      `To reset your password, open this link within ${minutes(ttlSeconds)}:\n\n${link}\n\n` +
      "It works once. If you did not ask to reset your password, ignore this email: your password stays as it is.\n",
    html: html([
      `Hi ${escapeHtml(name)},`,
      `To reset your password, open this link within ${minutes(ttlSeconds)}:`,
      `<a href="${escapeHtml(link)}">Reset your password</a>`,
      "It works once. If you did not ask to reset your password, ignore this email: your password stays as it is.",
    ]),
  };
}

/** The posts export's email: the document attached, or (too big to attach) where to download it. */
export function exportEmail(user: Pick<UserRow, "username">, downloadUrl: string | undefined, attached: boolean): Omit<Email, "to"> {
  const name = user.username;
  const download = downloadUrl ? `download it, signed in, from ${downloadUrl}` : "download it, signed in, from the app";
  const body = attached
    ? `The export of your posts you asked for is attached (posts.json).${downloadUrl ? ` You can also ${download} for a few days.` : ""}`
    : `The export of your posts you asked for is ready, too big to attach: ${download} within a few days.`;
  return {
    subject: "Your posts",
    text: `Hi ${name},\n\n${body}\n`,
    html: html([`Hi ${escapeHtml(name)},`, escapeHtml(body)]),
  };
}
