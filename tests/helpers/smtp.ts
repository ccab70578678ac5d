import { createServer as createNetServer } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** The credentials the test SMTP server takes (nodemailer reads them from SMTP_URL). */
const USER = "mailer";
const PASSWORD = "s3cret";

export interface Mailbox {
  /** smtp://user:password@127.0.0.1:port: what SMTP_URL is set to. */
  url: string;
  port: number;
  /** Every email received so far, parsed. */
  received: ParsedMail[];
  /** Starts listening (a mailbox made with `down: true` is not listening yet). */
  up(): Promise<void>;
  /** Resolves with the first email `matches` accepts (already received, or when it arrives). */
  next(matches?: (mail: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

/** A free TCP port of 127.0.0.1, let go again: something can listen on it later. */
async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * A real SMTP server in the test process (the `smtp-server` package), requiring the credentials
 * in its URL. `down`: not listening until `up()` (an SMTP server that is down at first).
 */
export async function startMailbox({ down = false } = {}): Promise<Mailbox> {
  const received: ParsedMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    disableReverseLookup: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: USER });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          for (const wake of waiters) wake();
          callback();
        })
        .catch(callback);
    },
  });
  const port = await freePort();
  let listening = false;
  const mailbox: Mailbox = {
    url: `smtp://${USER}:${PASSWORD}@127.0.0.1:${port}`,
    port,
    received,
    async up() {
      await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
      listening = true;
    },
    next(matches = () => true, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const mail = received.find(matches);
          if (!mail) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(mail);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching email within ${timeoutMs} ms (${received.length} received)`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      if (listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  if (!down) await mailbox.up();
  return mailbox;
}

/** The first link in an email's text. */
export function linkIn(mail: ParsedMail): string {
  const match = /https?:\/\/\S+/.exec(mail.text ?? "");
  if (!match) throw new Error(`no link in: ${mail.text}`);
  return match[0];
}
