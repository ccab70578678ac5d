import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Repositories, TaskStep } from "../../src/db/contract.ts";
import { globalId, rowIdOf } from "../../src/domain/ids.ts";
import { EXPORT_BATCH } from "../../src/domain/tasks.ts";
import { graphql } from "../generated/gql.ts";
import { useTestApi, type TestApi } from "../helpers/api.ts";
import { engines } from "../helpers/database.ts";
import { createPost, registerUser, type RegisteredUser } from "../helpers/factories.ts";
import { eventually, queueKinds, queueSetting, type QueueSetting } from "../helpers/jobs.ts";
import { connect, subscribe, untilSubscribed } from "../helpers/live.ts";
import { startMailbox, type Mailbox } from "../helpers/smtp.ts";

const ExportPosts = graphql(`mutation ExportsStart { exportPosts { id name description progress complete error createdAt downloadUrl } }`);
const Tasks = graphql(`query ExportsTasks ($username: String!, $first: Int, $after: String) {
  me { tasks(first: $first, after: $after) { totalCount nodes { id progress complete downloadUrl } pageInfo { hasNextPage endCursor } } }
  user(username: $username) { tasks { totalCount } }
}`);
const TaskNode = graphql(`query ExportsNode ($id: ID!) { node(id: $id) { __typename ... on Task { progress complete } } }`);
const Progress = graphql(`subscription ExportsProgress {
  notificationAdded { __typename ... on TaskProgressNotification { id task { id name progress complete downloadUrl } } }
}`);
const Notifications = graphql(`query ExportsNotifications {
  notifications { __typename ... on TaskProgressNotification { task { id progress complete } } }
}`);

const PUBLIC_URL = "https://api.example.com/v1";

/** The download's answer: status, headers and body text. */
async function download(api: TestApi, path: string, token?: string) {
  const response = await api.server.app.inject({ method: "GET", url: path, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: response.statusCode, headers: response.headers, body: response.body };
}

/** The task once complete (or failed), as its owner sees it. */
async function finished(api: TestApi, user: RegisteredUser, taskId: string) {
  return eventually(async () => {
    const node = (await api.gql(TaskNode, { variables: { id: taskId }, token: user.token })).data?.node;
    return node?.__typename === "Task" && node.complete ? node : undefined;
  });
}

describe.each(engines.flatMap((engine) => queueKinds.map((queue) => [engine, queue] as const)))("posts export (%s, jobs %s)", (engine, queue) => {
  let mailbox: Mailbox;
  let jobs: QueueSetting;
  const env: Record<string, string> = {};
  const steps: TaskStep[] = [];
  /** While set, exports wait before each read of posts: a test holds one unfinished. */
  let gate: Promise<void> | undefined;
  beforeAll(async () => {
    mailbox = await startMailbox();
    jobs = queueSetting(queue);
    Object.assign(env, {
      SMTP_URL: mailbox.url,
      MAIL_FROM: "no-reply@example.com",
      PASSWORD_RESET_URL: "https://app.example.com/reset/{token}",
      PUBLIC_URL: `${PUBLIC_URL}/`,
      ...jobs.env,
    });
  });
  afterAll(async () => {
    await mailbox.close();
    await jobs.clean();
  });
  // Every step a job records, to check how progress moves.
  const recordSteps = (repos: Repositories): Repositories => ({
    ...repos,
    tasks: {
      ...repos.tasks,
      step: (step) => (steps.push(step), repos.tasks.step(step)),
      postsOldestFirst: async (authorId, request) => (await gate, repos.tasks.postsOldestFirst(authorId, request)),
    },
  });
  const api = useTestApi(engine, { env, wrapRepositories: recordSteps });

  it("exports every post, oldest first, with progress notified live at least every 10 %, downloadable by its owner, and emailed", async () => {
    const user = await registerUser(api);
    const bodies = Array.from({ length: 25 }, (_, i) => `post ${i} "quoted" \\ ünïcode`);
    const written = [];
    for (const body of bodies) written.push(await createPost(api, user.token, body));

    const live = await connect(await api.listen(), { token: user.token });
    const progress = subscribe(live, Progress);
    await untilSubscribed(api.server, (counts) => counts.notifications >= 1);
    const started = await api.gql(ExportPosts, { token: user.token });
    expect(started.data?.exportPosts).toMatchObject({ name: "export_posts", description: "Exporting your posts", complete: false, error: null, downloadUrl: null });
    const taskId = started.data!.exportPosts.id;

    // Notifications arrive live until the one that shows the task complete.
    for (;;) {
      const { data } = await progress.next(10_000);
      const notification = data!.notificationAdded;
      if (notification.__typename !== "TaskProgressNotification") continue;
      expect(notification.task.id).toBe(taskId);
      if (notification.task.complete) {
        expect(notification.task).toMatchObject({ progress: 100, downloadUrl: `${PUBLIC_URL}/exports/${taskId}` });
        break;
      }
    }
    await live.dispose();
    // Each step moved progress on by 10 at most, and each tenth of the way was notified.
    const mine = steps.filter((step) => step.taskId === rowIdOf(taskId, "Task"));
    const notified = [0, ...mine.filter((step) => step.notify).map((step) => step.progress)];
    for (let i = 1; i < notified.length; i += 1) expect(notified[i]! - notified[i - 1]!).toBeLessThanOrEqual(10);
    for (let tenth = 1; tenth <= 10; tenth += 1) expect(notified.some((progress) => Math.floor(progress / 10) === tenth)).toBe(true);
    expect(notified.at(-1)).toBe(100);
    expect(mine.at(-1)).toMatchObject({ complete: true, progress: 100 });

    const document = await download(api, new URL(`${PUBLIC_URL}/exports/${taskId}`).pathname.replace(/^\/v1/, ""), user.token);
    expect(document.status).toBe(200);
    expect(document.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(document.headers["content-disposition"]).toMatch(/^attachment; filename="posts-\d+\.json"$/);
    expect(JSON.parse(document.body)).toEqual({ posts: written.map((post, i) => ({ body: bodies[i], timestamp: post.timestamp })) });

    // Emailed, once, with the document attached.
    const mail = await mailbox.next((mail) => JSON.stringify(mail.to).includes(user.email));
    expect(mail.subject).toBe("Your posts");
    expect(mail.text).toContain(`${PUBLIC_URL}/exports/${taskId}`);
    expect(mail.html).toContain("posts.json");
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ filename: "posts.json", contentType: "application/json" });
    expect(JSON.parse(mail.attachments[0]!.content.toString("utf8"))).toEqual(JSON.parse(document.body));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailbox.received.filter((mail) => JSON.stringify(mail.to).includes(user.email))).toHaveLength(1);
  });

  it("only the owner downloads: anyone else gets 404, no token 401, and ids that name no export of theirs 404", async () => {
    const [owner, other] = [await registerUser(api), await registerUser(api)];
    const post = await createPost(api, owner.token, "mine");
    const taskId = (await api.gql(ExportPosts, { token: owner.token })).data!.exportPosts.id;
    await finished(api, owner, taskId);
    expect((await download(api, `/exports/${taskId}`, owner.token)).status).toBe(200);
    expect((await download(api, `/exports/${taskId}`, other.token)).status).toBe(404);
    const anonymous = await download(api, `/exports/${taskId}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers["www-authenticate"]).toBe("Bearer");
    expect((await download(api, `/exports/${taskId}`, "not-a-token")).status).toBe(401);
    for (const id of ["nonsense", globalId("Task", 999_999), "x".repeat(100), encodeURIComponent(post.id)]) {
      expect((await download(api, `/exports/${id}`, owner.token)).status).toBe(404);
    }
    // A path past any id's length is refused before it is looked at.
    expect((await download(api, `/exports/${"x".repeat(5_000)}`, owner.token)).status).toBe(414);
    // Its node, and its list, are the owner's alone.
    expect((await api.gql(TaskNode, { variables: { id: taskId }, token: other.token })).data?.node).toBeNull();
    const lists = await api.gql(Tasks, { variables: { username: owner.username }, token: other.token });
    expect(lists.data?.user?.tasks).toBeNull();
  });

  it("one unfinished export per user: asking again returns it; a finished one lets another start; newest first", async () => {
    const user = await registerUser(api);
    for (let i = 0; i < 30; i += 1) await createPost(api, user.token, `post ${i}`);
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    const [first, second] = await Promise.all([api.gql(ExportPosts, { token: user.token }), api.gql(ExportPosts, { token: user.token })]);
    expect(second.data!.exportPosts.id).toBe(first.data!.exportPosts.id);
    expect((await api.gql(ExportPosts, { token: user.token })).data!.exportPosts.id).toBe(first.data!.exportPosts.id);
    gate = undefined;
    open();
    await finished(api, user, first.data!.exportPosts.id);
    const next = (await api.gql(ExportPosts, { token: user.token })).data!.exportPosts.id;
    expect(next).not.toBe(first.data!.exportPosts.id);
    await finished(api, user, next);
    const list = (await api.gql(Tasks, { variables: { username: user.username, first: 1 }, token: user.token })).data!.me!.tasks!;
    expect(list.totalCount).toBe(2);
    expect(list.nodes.map((task) => task.id)).toEqual([next]);
    const rest = (await api.gql(Tasks, { variables: { username: user.username, after: list.pageInfo.endCursor }, token: user.token })).data!.me!.tasks!;
    expect(rest.nodes.map((task) => task.id)).toEqual([first.data!.exportPosts.id]);
    expect((await api.gql(Tasks, { variables: { username: user.username, after: "bogus" }, token: user.token })).errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "after",
    });
  });

  it("a user with no posts gets an empty list, complete; the notification shows the task as it is", async () => {
    const user = await registerUser(api);
    const taskId = (await api.gql(ExportPosts, { token: user.token })).data!.exportPosts.id;
    await finished(api, user, taskId);
    expect(JSON.parse((await download(api, `/exports/${taskId}`, user.token)).body)).toEqual({ posts: [] });
    const notifications = (await api.gql(Notifications, { token: user.token })).data!.notifications;
    expect(notifications).toEqual([{ __typename: "TaskProgressNotification", task: { id: taskId, progress: 100, complete: true } }]);
  });

  it("once swept past its retention, an export is gone: its download is 404 and it leaves the list", async () => {
    const user = await registerUser(api);
    const taskId = (await api.gql(ExportPosts, { token: user.token })).data!.exportPosts.id;
    await finished(api, user, taskId);
    await api.database.repos.tasks.sweep(new Date(Date.now() + 60_000));
    expect((await download(api, `/exports/${taskId}`, user.token)).status).toBe(404);
    expect((await api.gql(Tasks, { variables: { username: user.username }, token: user.token })).data?.me?.tasks?.totalCount).toBe(0);
  });

  it("asks for a token", async () => {
    expect((await api.gql(ExportPosts)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe.each(engines)("a big export (%s)", (engine) => {
  const POSTS = 50_000;
  const api = useTestApi(engine);
  let user: RegisteredUser;

  beforeAll(async () => {
    user = await registerUser(api);
    const start = Date.parse("2025-01-01T00:00:00Z");
    for (let offset = 0; offset < POSTS; offset += 5_000) {
      await api.database.bulk.posts(
        Array.from({ length: 5_000 }, (_, i) => ({ userId: user.rowId, body: `${offset + i} `.padEnd(140, "x"), timestamp: new Date(start + (offset + i) * 1000) })),
      );
    }
  }, 120_000);

  it(`exports ${POSTS.toLocaleString("en")} posts in batches of ${EXPORT_BATCH} with the server's memory flat`, async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const heap = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const before = heap();
    let peak = before;
    const taskId = (await api.gql(ExportPosts, { token: user.token })).data!.exportPosts.id;
    const sampling = setInterval(() => (peak = Math.max(peak, heap())), 100);
    try {
      await eventually(async () => {
        const node = (await api.gql(TaskNode, { variables: { id: taskId }, token: user.token })).data?.node;
        return node?.__typename === "Task" && node.complete ? node : undefined;
      }, 120_000, 200);
      // Streamed to the client: counted as it arrives, never held whole by the server.
      const response = await api.server.app.inject({ method: "GET", url: `/exports/${taskId}`, headers: { authorization: `Bearer ${user.token}` }, payloadAsStream: true });
      let bytes = 0;
      let last = "";
      for await (const chunk of response.stream()) {
        bytes += chunk.length;
        last = (last + String(chunk)).slice(-300);
        peak = Math.max(peak, heap());
      }
      expect(bytes).toBeGreaterThan(POSTS * 140);
      expect(last).toContain(`"body":"${POSTS - 1} `);
    } finally {
      clearInterval(sampling);
    }
    // The document is over 7 MB; what the server held at any time is a small part of it (a batch).
    expect(peak - before).toBeLessThan(4 * 1024 * 1024);
  }, 180_000);
});

describe.each(engines)("exports and resets while Redis is away (%s)", (engine) => {
  const api = useTestApi(engine, {
    env: { REDIS_URL: "redis://127.0.0.1:1", SMTP_URL: "smtp://127.0.0.1:1", MAIL_FROM: "a@example.com", PASSWORD_RESET_URL: "https://app.example.com/r/{token}" },
  });

  it("answers 503 SERVICE_UNAVAILABLE, and keeps the one unfinished task for when a queue takes it", async () => {
    const user = await registerUser(api);
    for (const answer of [await api.gql(ExportPosts, { token: user.token }), await api.gql(ExportPosts, { token: user.token })]) {
      expect(answer.errors).toEqual([expect.objectContaining({ extensions: { code: "SERVICE_UNAVAILABLE" } })]);
      expect(answer.status).toBe(503);
      expect(answer.headers["retry-after"]).toBe("2");
      expect(answer.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
    }
    const reset = await api.gql(graphql(`mutation ExportsResetWithoutRedis ($email: String!) { requestPasswordReset(email: $email) }`), { variables: { email: user.email } });
    expect(reset.status).toBe(503);
    // The task was written before the queue refused it: one, unfinished, taken up once a queue takes it.
    const tasks = (await api.gql(Tasks, { variables: { username: user.username }, token: user.token })).data!.me!.tasks!;
    expect(tasks.totalCount).toBe(1);
    expect(tasks.nodes[0]).toMatchObject({ complete: false, progress: 0 });
  }, 20_000);
});
