// Crash and restart: a job survives the death of whatever ran it. Real processes, killed with SIGKILL.
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Database } from "../../src/db/database.ts";
import { rowIdOf } from "../../src/domain/ids.ts";
import { databaseUrl } from "../../src/db/url.ts";
import { engines, scratchDatabase, type ScratchDatabase } from "../helpers/database.ts";
import { eventually, queueSetting, type QueueSetting } from "../helpers/jobs.ts";
import { startServerProcess, startWorkerProcess, type ServerProcess, type WorkerProcess } from "../helpers/process.ts";
import { startMailbox, type Mailbox } from "../helpers/smtp.ts";

const POSTS = 50_000;

/** What every process of a test shares: the database, the SMTP server, and the queue. */
interface Setup {
  scratch: ScratchDatabase;
  database: Database;
  mailbox: Mailbox;
  queue: QueueSetting;
  env: Record<string, string>;
  processes: (ServerProcess | WorkerProcess)[];
}

let setup: Setup | undefined;

async function prepare(engine: (typeof engines)[number], kind: "in-process" | "redis"): Promise<Setup> {
  const scratch = await scratchDatabase(engine);
  const mailbox = await startMailbox();
  const queue = queueSetting(kind);
  const env = {
    DATABASE_URL: databaseUrl(scratch.target),
    NODE_ENV: "production",
    LOG_LEVEL: "debug",
    // A busy CI machine runs other suites beside these processes: no deadline of theirs should be met.
    RESPONSE_TIMEOUT_MS: "15000",
    AUTH_RATE_LIMIT: "100000",
    DATABASE_LOCK_TIMEOUT_MS: "10000",
    SMTP_URL: mailbox.url,
    MAIL_FROM: "no-reply@example.com",
    PASSWORD_RESET_URL: "https://app.example.com/reset?token={token}",
    ...queue.env,
  };
  setup = { scratch, mailbox, queue, env, processes: [], database: undefined as unknown as Database };
  return setup;
}

afterEach(async () => {
  if (!setup) return;
  const { scratch, database, mailbox, queue, processes } = setup;
  setup = undefined;
  for (const child of processes) child.child.kill("SIGKILL");
  await Promise.all(processes.map((child) => child.exited));
  await database?.close();
  await mailbox.close();
  await queue.clean();
  await scratch.destroy();
});

async function post(address: string, query: string, token?: string) {
  const response = await fetch(`${address}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token && { authorization: `Bearer ${token}` }) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: any; errors?: unknown };
}

/** A user with POSTS posts (written in bulk beside the server), and a started export of theirs (once `ready`). */
async function exportingUser(server: ServerProcess, current: Setup, ready: () => Promise<void> = async () => {}) {
  const registered = await post(
    server.address,
    'mutation { register(input: { username: "prolific", email: "prolific@example.com", password: "correct horse battery staple" }) { token user { id } } }',
  );
  if (!registered.data) throw new Error(`register failed: ${JSON.stringify(registered.errors)}`);
  const { token, user } = registered.data.register;
  current.database = openDatabase(current.scratch.target);
  const start = Date.parse("2025-01-01T00:00:00Z");
  for (let offset = 0; offset < POSTS; offset += 5_000) {
    await current.database.bulk.posts(
      Array.from({ length: 5_000 }, (_, i) => ({ userId: rowIdOf(user.id, "User")!, body: `post ${offset + i}`.padEnd(140, "."), timestamp: new Date(start + (offset + i) * 1000) })),
    );
  }
  await ready();
  const started = await post(server.address, "mutation { exportPosts { id } }", token);
  if (!started.data) throw new Error(`exportPosts failed: ${JSON.stringify(started.errors)}`);
  const taskId = rowIdOf(started.data.exportPosts.id, "Task")!;
  return { token, taskId, globalTaskId: started.data.exportPosts.id as string };
}

/** The task's row, read beside the processes. */
async function taskRow(database: Database, taskId: number) {
  return (await database.repos.tasks.byIds([taskId]))[0]!;
}

/** Once the export has made some progress and is not done: the moment to kill what runs it. */
async function midway(database: Database, taskId: number) {
  const task = await eventually(async () => {
    const row = await taskRow(database, taskId);
    return row.doneCount > 0 ? row : undefined;
  }, 30_000, 5);
  expect(task.complete, "the export finished before it could be interrupted").toBe(false);
  return task;
}

/** The export, downloaded, holds every post in order; and exactly one email went out with it. */
async function expectDelivered(address: string, current: Setup, token: string, globalTaskId: string) {
  const response = await fetch(`${address}/exports/${globalTaskId}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  const { posts } = (await response.json()) as { posts: { body: string }[] };
  expect(posts).toHaveLength(POSTS);
  // Each body is its number, then dots: in order, none missing, none twice.
  expect(posts.every((post, i) => post.body.startsWith(`post ${i}.`))).toBe(true);
  const mail = await current.mailbox.next((mail) => mail.subject === "Your posts", 30_000);
  expect(JSON.parse(mail.attachments[0]!.content.toString("utf8")).posts).toHaveLength(POSTS);
  // Given the time a second email would take, none came.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  expect(current.mailbox.received.filter((mail) => mail.subject === "Your posts")).toHaveLength(1);
}

describe.runIf(process.env.TEST_REDIS_URL).each(engines)("jobs on Redis survive a killed worker (%s)", (engine) => {
  it("SIGKILL the worker mid-export: another worker takes the job up, completes it, and the email is sent once", async () => {
    const current = await prepare(engine, "redis");
    const server = await startServerProcess({ ...current.env, RUN_WORKER: "false" });
    current.processes.push(server);
    const workers: WorkerProcess[] = [];
    const { token, taskId, globalTaskId } = await exportingUser(server, current, async () => {
      workers.push(await startWorkerProcess(current.env), await startWorkerProcess(current.env));
      current.processes.push(...workers);
    });

    await midway(current.database, taskId);
    const running = workers.find((worker) => worker.output().includes(`"taskId":${taskId}`) && worker.output().includes("job started"))!;
    expect(running).toBeDefined();
    running.child.kill("SIGKILL");
    await running.exited;
    const survivor = workers.find((worker) => worker !== running)!;

    await eventually(async () => ((await taskRow(current.database, taskId)).complete ? true : undefined), 60_000, 100);
    expect(survivor.output()).toMatch(new RegExp(`"taskId":${taskId}[^\\n]*"msg":"job started"`));
    await expectDelivered(server.address, current, token, globalTaskId);
  }, 120_000);
});

describe.each(engines)("jobs without Redis survive a restart (%s)", (engine) => {
  it("kill the server mid-export: after a restart the task completes, and the email is sent once", async () => {
    const current = await prepare(engine, "in-process");
    const first = await startServerProcess(current.env);
    current.processes.push(first);
    const { token, taskId, globalTaskId } = await exportingUser(first, current);

    const interrupted = await midway(current.database, taskId);
    first.child.kill("SIGKILL");
    await first.exited;

    const second = await startServerProcess(current.env);
    current.processes.push(second);
    const done = await eventually(async () => {
      const row = await taskRow(current.database, taskId);
      return row.complete ? row : undefined;
    }, 60_000, 100);
    expect(done).toMatchObject({ progress: 100, doneCount: POSTS });
    expect(interrupted.doneCount).toBeLessThan(POSTS);
    expect(second.output()).toContain("unfinished tasks queued again");
    await expectDelivered(second.address, current, token, globalTaskId);
  }, 120_000);
});
