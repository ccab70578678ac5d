import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.ts";
import { useTestApi, type TestApi } from "../helpers/api.ts";
import { engines, selectBeside } from "../helpers/database.ts";
import { registerUser, type RegisteredUser } from "../helpers/factories.ts";
import { eventually, queueKinds, queueSetting, type QueueSetting } from "../helpers/jobs.ts";
import { linkIn, startMailbox, type Mailbox } from "../helpers/smtp.ts";

const RequestReset = graphql(`mutation ResetRequest ($email: String!) { requestPasswordReset(email: $email) }`);
const Reset = graphql(`mutation ResetPassword ($token: String!, $newPassword: String!) { resetPassword(token: $token, newPassword: $newPassword) }`);
const Login = graphql(`mutation ResetLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }`);
const Me = graphql(`query ResetMe { me { username } }`);

const RESET_PAGE = "https://app.example.com/reset?token={token}";
const TTL_SECONDS = 900;
const NEW_PASSWORD = "a brand new passphrase";

/** The token in a reset email's link. */
function tokenIn(link: string): string {
  return new URL(link).searchParams.get("token")!;
}

/** The mailbox receives them all: each test's emails are told apart by their recipient. */
function to(user: RegisteredUser) {
  return (mail: { to?: unknown }) => JSON.stringify(mail.to).includes(user.email);
}

describe.each(engines.flatMap((engine) => queueKinds.map((queue) => [engine, queue] as const)))("password reset (%s, jobs %s)", (engine, queue) => {
  let mailbox: Mailbox;
  let jobs: QueueSetting;
  const env: Record<string, string> = {};
  beforeAll(async () => {
    mailbox = await startMailbox();
    jobs = queueSetting(queue);
    Object.assign(env, { SMTP_URL: mailbox.url, MAIL_FROM: "Microblog <no-reply@example.com>", PASSWORD_RESET_URL: RESET_PAGE, ...jobs.env });
  });
  afterAll(async () => {
    await mailbox.close();
    await jobs.clean();
  });
  const api = useTestApi(engine, { env, jobRetryDelayMs: 100 });

  const requestReset = (email: string, address?: string) => api.gql(RequestReset, { variables: { email }, address });
  const reset = (token: string, newPassword = NEW_PASSWORD, address?: string) => api.gql(Reset, { variables: { token, newPassword }, address });
  async function resetEmail(user: RegisteredUser, already = 0) {
    await requestReset(user.email.toUpperCase());
    await expectEmails(user, already + 1);
    return mailbox.received.filter(to(user)).at(-1)!;
  }
  async function expectEmails(user: RegisteredUser, count: number) {
    for (let i = 0; mailbox.received.filter(to(user)).length < count && i < 200; i += 1) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(mailbox.received.filter(to(user))).toHaveLength(count);
  }

  it("emails a link (plain text and HTML) to the address asked about, ignoring case; it works once and signs every session out", async () => {
    const user = await registerUser(api);
    const other = await api.gql(Login, { variables: { username: user.username, password: user.password } });
    const mail = await resetEmail(user);
    expect(mail.subject).toBe("Reset your password");
    expect(mail.from?.text).toBe('"Microblog" <no-reply@example.com>');
    const link = linkIn(mail);
    expect(link.startsWith("https://app.example.com/reset?token=")).toBe(true);
    expect(tokenIn(link)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mail.html).toContain(`href="${link.replaceAll("&", "&amp;")}"`);

    expect(await reset(tokenIn(link))).toMatchObject({ status: 200, data: { resetPassword: true } });
    // Every session is gone: both the registration's and the other device's.
    for (const token of [user.token, other.data!.login.token]) expect((await api.gql(Me, { token })).status).toBe(401);
    expect((await api.gql(Login, { variables: { username: user.username, password: user.password } })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await api.gql(Login, { variables: { username: user.username, password: NEW_PASSWORD } })).data?.login.token).toBeTruthy();

    const again = await reset(tokenIn(link), "yet another passphrase");
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "token" });
  });

  it("a token expires after RESET_TOKEN_TTL_SECONDS", async () => {
    const user = await registerUser(api);
    const token = tokenIn(linkIn(await resetEmail(user)));
    api.advanceClock(TTL_SECONDS * 1000 + 1_000);
    try {
      expect((await reset(token)).errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "token" });
    } finally {
      api.advanceClock(-(TTL_SECONDS * 1000 + 1_000));
    }
    // Just under the TTL it still works (the clock is back).
    expect((await reset(token)).data?.resetPassword).toBe(true);
  });

  it("a newer request invalidates the older token", async () => {
    const user = await registerUser(api);
    const older = tokenIn(linkIn(await resetEmail(user)));
    const newer = tokenIn(linkIn(await resetEmail(user, 1)));
    expect(newer).not.toBe(older);
    expect((await reset(older)).errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "token" });
    expect((await reset(newer)).data?.resetPassword).toBe(true);
  });

  it("answers an unknown address exactly as a known one, and sends nothing for it", async () => {
    const known = await registerUser(api);
    const before = mailbox.received.length;
    const unknown = await requestReset(`nobody-${known.username}@example.com`);
    const answer = await requestReset(known.email);
    expect(unknown).toEqual({ ...answer, headers: unknown.headers });
    expect(unknown.data).toEqual({ requestPasswordReset: true });
    await expectEmails(known, 1);
    // The unknown address's job ran before or beside the known one's: had it sent, it would be here.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailbox.received.length - before).toBe(1);
  });

  it("refuses malformed tokens, tokens of another purpose, and huge inputs, naming the field", async () => {
    const user = await registerUser(api);
    for (const token of ["", "short", "x".repeat(43 * 1000), "é".repeat(43), user.token]) {
      const answer = await reset(token);
      expect(answer.data).toBeNull();
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "token" });
    }
    const huge = await requestReset(`${"a".repeat(100_000)}@example.com`);
    expect(huge.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "email" });
    expect((await requestReset("not an address")).errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "email" });
  });

  it("the new password follows registration's rules (field newPassword), and a refused one leaves the token usable", async () => {
    const user = await registerUser(api);
    const token = tokenIn(linkIn(await resetEmail(user)));
    const short = await reset(token, "short");
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "newPassword" });
    expect((await reset(token)).data?.resetPassword).toBe(true);
  });
});

describe.each(engines.flatMap((engine) => queueKinds.map((queue) => [engine, queue] as const)))("password reset with an SMTP server down (%s, jobs %s)", (engine, queue) => {
  let mailbox: Mailbox;
  let jobs: QueueSetting;
  const env: Record<string, string> = {};
  beforeAll(async () => {
    // Down at first: the email waits for it.
    mailbox = await startMailbox({ down: true });
    jobs = queueSetting(queue);
    Object.assign(env, { SMTP_URL: mailbox.url, MAIL_FROM: "no-reply@example.com", PASSWORD_RESET_URL: RESET_PAGE, ...jobs.env });
  });
  afterAll(async () => {
    await mailbox.close();
    await jobs.clean();
  });
  const api: TestApi = useTestApi(engine, { env, jobRetryDelayMs: 100 });

  it("an SMTP server down at first: the email arrives once it is up, once", async () => {
    const user = await registerUser(api);
    expect((await api.gql(RequestReset, { variables: { email: user.email }, address: "10.9.0.1" })).data?.requestPasswordReset).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailbox.received).toHaveLength(0);
    await mailbox.up();
    const mail = await mailbox.next(to(user));
    expect(tokenIn(linkIn(mail))).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailbox.received.filter(to(user))).toHaveLength(1);
  });
});

describe.each(engines)("password reset limits (%s)", (engine) => {
  const LIMIT = 2;
  const env = { SMTP_URL: "smtp://127.0.0.1:1", MAIL_FROM: "no-reply@example.com", PASSWORD_RESET_URL: RESET_PAGE, PASSWORD_RESET_RATE_LIMIT: String(LIMIT) };
  const api: TestApi = useTestApi(engine, { env, jobRetryDelayMs: 60_000 });

  it(`is rate limited per client address: ${LIMIT} pass, the next is 429`, async () => {
    const address = "10.9.0.2";
    for (let i = 0; i < LIMIT; i += 1) {
      expect((await api.gql(RequestReset, { variables: { email: `someone${i}@example.com` }, address })).status).toBe(200);
    }
    const refused = await api.gql(RequestReset, { variables: { email: "someone-else@example.com" }, address });
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
  });

  it(`is rate limited per address asked about (ignoring case), from any client: ${LIMIT} pass, the next is 429`, async () => {
    for (let i = 0; i < LIMIT; i += 1) {
      expect((await api.gql(RequestReset, { variables: { email: "Target@example.com" }, address: `10.9.1.${i}` })).status).toBe(200);
    }
    expect((await api.gql(RequestReset, { variables: { email: "target@EXAMPLE.com" }, address: "10.9.1.99" })).status).toBe(429);
  });
});

describe.each(engines)("password reset without SMTP (%s)", (engine) => {
  const directory = mkdtempSync(join(tmpdir(), "microblog-mail-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const development = useTestApi(engine, { env: { NODE_ENV: "development" }, mailDirectory: directory });
  const production = useTestApi(engine, { env: { NODE_ENV: "production" } });

  it("in development, each email is an .eml file whose link a developer can open", async () => {
    const user = await registerUser(development);
    expect((await development.gql(RequestReset, { variables: { email: user.email } })).data?.requestPasswordReset).toBe(true);
    const file = await eventually(async () => readdirSync(directory).find((name) => name.endsWith(".eml")));
    const mail = await simpleParser(readFileSync(join(directory, file)));
    expect(mail.subject).toBe("Reset your password");
    expect(JSON.stringify(mail.to)).toContain(user.email);
    const token = tokenIn(linkIn(mail));
    expect(linkIn(mail).startsWith("http://localhost:3000/reset-password?token=")).toBe(true);
    expect((await development.gql(Reset, { variables: { token, newPassword: NEW_PASSWORD } })).data?.resetPassword).toBe(true);
  });

  it("in production, requestPasswordReset answers true and sends nothing (no token is made)", async () => {
    const user = await registerUser(production);
    expect((await production.gql(RequestReset, { variables: { email: user.email } })).data?.requestPasswordReset).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await selectBeside(production.target, "select count(*) as n from password_resets")).toEqual([{ n: engine === "sqlite" ? 0 : "0" }]);
  });
});
