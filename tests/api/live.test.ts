import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterEach, describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.ts";
import { useTestApi } from "../helpers/api.ts";
import { engines, executeBeside } from "../helpers/database.ts";
import { createPost, follow, registerUser } from "../helpers/factories.ts";
import { connect, rawSocket, subscribe, untilSubscribed, type LiveClient } from "../helpers/live.ts";

const FeedPostAdded = graphql(`subscription LiveFeedPostAdded { feedPostAdded { id body author { username } } }`);
const MessageReceived = graphql(`subscription LiveMessageReceived { messageReceived { id body sender { username } recipient { username } } }`);
const NotificationAdded = graphql(`
  subscription LiveNotificationAdded {
    notificationAdded {
      __typename
      id
      ... on UnreadMessagesNotification { count }
      ... on NewFollowerNotification { follower { username } }
    }
  }
`);
const SendMessage = graphql(`mutation LiveSendMessage ($to: String!, $body: String!) { sendMessage(to: $to, body: $body) { id body } }`);
const Unfollow = graphql(`mutation LiveUnfollow ($username: String!) { unfollow(username: $username) { user { id } } }`);
const MarkRead = graphql(`mutation LiveMarkRead { markMessagesRead { unreadMessageCount } }`);

describe.each(engines)("live updates over graphql-ws (%s)", (engine) => {
  const api = useTestApi(engine);
  const open: LiveClient[] = [];
  const client = async (token?: string) => {
    const live = await connect(await api.listen(), { token });
    open.push(live);
    return live;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((live) => live.dispose()));
  });

  it("delivers the feed's new posts: followed authors' and one's own, not others'; unfollowing stops them", async () => {
    const [reader, followed, stranger] = [await registerUser(api), await registerUser(api), await registerUser(api)];
    await follow(api, reader.token, followed.username);
    const feed = subscribe(await client(reader.token), FeedPostAdded);
    await untilSubscribed(api.server, (live) => live.feeds === 1);

    await createPost(api, stranger.token, "not for the reader");
    await createPost(api, followed.token, "for the reader");
    expect((await feed.next()).data?.feedPostAdded).toMatchObject({ body: "for the reader", author: { username: followed.username } });
    await createPost(api, reader.token, "my own");
    expect((await feed.next()).data?.feedPostAdded).toMatchObject({ body: "my own", author: { username: reader.username } });

    await api.gql(Unfollow, { variables: { username: followed.username }, token: reader.token });
    await createPost(api, followed.token, "after the unfollow");
    await feed.nothingWithin(300);
  });

  it("delivers messages to their recipient only, and the unread count as notifications", async () => {
    const [sender, recipient, third] = [await registerUser(api), await registerUser(api), await registerUser(api)];
    const live = await client(recipient.token);
    const messages = subscribe(live, MessageReceived);
    const notifications = subscribe(live, NotificationAdded);
    const thirdLive = await client(third.token);
    const notForThird = subscribe(thirdLive, MessageReceived);
    const noNotificationsForThird = subscribe(thirdLive, NotificationAdded);
    await untilSubscribed(api.server, (live) => live.messages === 2 && live.notifications === 2);

    const sent = await api.gql(SendMessage, { variables: { to: recipient.username, body: "hello" }, token: sender.token });
    expect((await messages.next()).data?.messageReceived).toEqual({
      id: sent.data!.sendMessage.id,
      body: "hello",
      sender: { username: sender.username },
      recipient: { username: recipient.username },
    });
    expect((await notifications.next()).data?.notificationAdded).toMatchObject({ __typename: "UnreadMessagesNotification", count: 1 });
    await api.gql(MarkRead, { token: recipient.token });
    expect((await notifications.next()).data?.notificationAdded).toMatchObject({ __typename: "UnreadMessagesNotification", count: 0 });
    await follow(api, sender.token, recipient.username);
    expect((await notifications.next()).data?.notificationAdded).toMatchObject({
      __typename: "NewFollowerNotification",
      follower: { username: sender.username },
    });
    await notForThird.nothingWithin(100);
    await noNotificationsForThird.nothingWithin(0);
  });
});

const Logout = graphql(`mutation LiveLogout { logout }`);
const ChangePassword = graphql(`mutation LiveChangePassword ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }`);
const Login = graphql(`mutation LiveLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }`);
const CatchUp = graphql(`query LiveCatchUp ($after: ID) { notifications(after: $after, first: 100) { id ... on NewFollowerNotification { follower { username } } } }`);

describe.each(engines)("who may hold a socket (%s)", (engine) => {
  const api = useTestApi(engine, { env: { TOKEN_TTL_SECONDS: "3600" } });
  const open: LiveClient[] = [];
  const client = async (options: Parameters<typeof connect>[1]) => {
    const live = await connect(await api.listen(), options);
    open.push(live);
    return live;
  };
  afterEach(async () => {
    await Promise.all(open.splice(0).map((live) => live.dispose()));
  });
  const closedWithin = async (live: LiveClient, ms: number) =>
    Promise.race([live.closed, new Promise((_, reject) => setTimeout(() => reject(new Error(`still open after ${ms} ms`)), ms))]);

  it.each([
    ["an unknown token", { authorization: `Bearer ${"x".repeat(43)}` }],
    ["a malformed token", { authorization: "Bearer not-a-token" }],
    ["a header that is not a bearer token", { authorization: "Basic dXNlcjpwYXNz" }],
    ["a token that is not a string", { authorization: 42 }],
  ])("closes a socket with 4403 at connection_init for %s", async (_, connectionParams) => {
    const live = await client({ connectionParams });
    expect(await live.closed).toMatchObject({ code: 4403 });
  });

  it("takes the token under `Authorization` too, as the header is spelled", async () => {
    const user = await registerUser(api);
    const live = await client({ connectionParams: { Authorization: `Bearer ${user.token}` } });
    const feed = subscribe(live, FeedPostAdded);
    await untilSubscribed(api.server, (counts) => counts.feeds >= 1);
    await createPost(api, user.token, "mine");
    expect((await feed.next()).data?.feedPostAdded.body).toBe("mine");
  });

  it("lets an anonymous socket connect, and answers its subscriptions UNAUTHENTICATED", async () => {
    const live = await client({});
    const feed = subscribe(live, FeedPostAdded);
    expect((await feed.next()).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("closes the socket of a token that logs out with 4403 within 5 s; other devices stay", async () => {
    const user = await registerUser(api);
    const other = (await api.gql(Login, { variables: { username: user.username, password: user.password } })).data!.login.token;
    const [signedOut, stays] = [await client({ token: user.token }), await client({ token: other })];
    await api.gql(Logout, { token: user.token });
    expect(await closedWithin(signedOut, 5_000)).toMatchObject({ code: 4403 });
    await expect(Promise.race([stays.closed, new Promise((resolve) => setTimeout(resolve, 2_500, "open"))])).resolves.toBe("open");
  });

  it("closes the other devices' sockets with 4403 within 5 s when the password changes; the changer's stays", async () => {
    const user = await registerUser(api);
    const other = (await api.gql(Login, { variables: { username: user.username, password: user.password } })).data!.login.token;
    const [changer, otherDevice] = [await client({ token: user.token }), await client({ token: other })];
    const changed = await api.gql(ChangePassword, { variables: { current: user.password, next: "a brand new password" }, token: user.token });
    expect(changed.data?.changePassword).toBe(true);
    expect(await closedWithin(otherDevice, 5_000)).toMatchObject({ code: 4403 });
    await expect(Promise.race([changer.closed, new Promise((resolve) => setTimeout(resolve, 2_500, "open"))])).resolves.toBe("open");
  });

  it("closes a socket whose token expires with 4403 within 5 s", async () => {
    const user = await registerUser(api);
    const live = await client({ token: user.token });
    api.advanceClock(3_601_000);
    try {
      expect(await closedWithin(live, 5_000)).toMatchObject({ code: 4403 });
    } finally {
      api.advanceClock(-3_601_000);
    }
  });

  it("catches up after a reconnect with notifications(after:), exactly what was missed, even several in the same millisecond", async () => {
    const [reader, ...fans] = await Promise.all(Array.from({ length: 6 }, () => registerUser(api)));
    const first = await client({ token: reader!.token });
    const notifications = subscribe(first, NotificationAdded);
    await untilSubscribed(api.server, (live) => live.notifications === 1);
    await follow(api, fans[0]!.token, reader!.username);
    const lastSeen = (await notifications.next()).data!.notificationAdded.id;
    await first.dispose();

    // While disconnected: four follows at once (their notifications may share a millisecond), and
    // three notifications written in one statement, the same millisecond for sure.
    await Promise.all(fans.slice(1, 5).map((fan) => follow(api, fan.token, reader!.username)));
    const instant = engine === "postgres" ? "now()" : String(Date.now());
    await executeBeside(
      api.target,
      `insert into notifications (user_id, kind, follower_id, "timestamp") values ${fans
        .slice(0, 3)
        .map((fan) => `(${reader!.rowId}, 'new_follower', ${fan.rowId}, ${instant})`)
        .join(", ")}`,
    );
    const missed = await api.gql(CatchUp, { variables: { after: lastSeen }, token: reader!.token });
    expect(missed.data?.notifications.map((notification) => (notification as { follower: { username: string } }).follower.username).sort()).toEqual(
      [...fans.slice(1, 5), ...fans.slice(0, 3)].map((fan) => fan.username).sort(),
    );
    const again = await api.gql(CatchUp, { variables: { after: missed.data!.notifications.at(-1)!.id }, token: reader!.token });
    expect(again.data?.notifications).toEqual([]);
    const all = await api.gql(CatchUp, { token: reader!.token });
    expect(all.data?.notifications.map((notification) => notification.id)).toEqual([lastSeen, ...missed.data!.notifications.map((n) => n.id)]);
  });
});

describe.each(engines)("limits and hostile frames on sockets (%s)", (engine) => {
  const api = useTestApi(engine, { env: { MAX_SUBSCRIPTIONS_PER_CONNECTION: "3", BODY_LIMIT_BYTES: "2048", MAX_DEPTH: "4" } });

  it("holds MAX_SUBSCRIPTIONS_PER_CONNECTION subscriptions on a socket, and refuses the next with an error; the others go on", async () => {
    const user = await registerUser(api);
    const live = await connect(await api.listen(), { token: user.token });
    try {
      subscribe(live, MessageReceived);
      subscribe(live, NotificationAdded);
      const feed = subscribe(live, FeedPostAdded);
      await untilSubscribed(api.server, (counts) => counts.feeds === 1);
      const refused = subscribe(live, MessageReceived);
      expect((await refused.next()).errors?.[0]?.extensions?.code).toBe("TOO_MANY_SUBSCRIPTIONS");
      await createPost(api, user.token, "still live");
      expect((await feed.next()).data?.feedPostAdded).toMatchObject({ body: "still live" });
    } finally {
      await live.dispose();
    }
  });

  it("applies the HTTP limits to subscription documents, and serves only subscriptions", async () => {
    const live = await connect(await api.listen(), {});
    try {
      const deep = subscribe(live, `subscription { feedPostAdded { author { posts { nodes { author { username } } } } } }`);
      expect((await deep.next()).errors?.[0]?.message).toMatch(/depth/i);
      const query = subscribe(live, `query { me { username } }`);
      expect((await query.next()).errors?.[0]).toMatchObject({ extensions: { code: "BAD_REQUEST" }, message: expect.stringContaining("Only subscriptions") });
      const invalid = subscribe(live, `subscription { nothingHere }`);
      expect((await invalid.next()).errors?.[0]?.message).toMatch(/nothingHere/);
    } finally {
      await live.dispose();
    }
  });

  it.each([
    ["an oversized frame", (send: (frame: unknown) => void) => send({ type: "connection_init", payload: { padding: "x".repeat(4096) } }), 1009],
    ["a frame that is not JSON", (send: (frame: unknown) => void) => send("{not json"), 4400],
    ["an unknown message type", (send: (frame: unknown) => void) => send({ type: "shout" }), 4400],
    ["a subscribe before connection_init", (send: (frame: unknown) => void) => send({ id: "1", type: "subscribe", payload: { query: "subscription { feedPostAdded { id } }" } }), 4401],
    ["a second connection_init", (send: (frame: unknown) => void) => (send({ type: "connection_init" }), send({ type: "connection_init" })), 4429],
  ])("closes a socket that sends %s with the protocol's code, and goes on serving", async (_, misbehave, code) => {
    const raw = await rawSocket(await api.listen());
    misbehave(raw.send);
    expect((await raw.closed).code).toBe(code);
    expect((await api.gql(`{ __typename }`)).status).toBe(200);
  });

  it("closes a socket that sends no connection_init within 3 s with 4408", async () => {
    const raw = await rawSocket(await api.listen());
    expect((await raw.closed).code).toBe(4408);
  });

  it("leaves nothing behind when 1,000 sockets are opened, subscribed and closed: no socket, no subscriber, memory flat", async () => {
    const user = await registerUser(api);
    const url = await api.listen();
    const round = async () => {
      for (let batch = 0; batch < 10; batch += 1) {
        const clients = await Promise.all(Array.from({ length: 50 }, () => connect(url, { token: user.token })));
        const feeds = clients.map((live) => subscribe(live, FeedPostAdded));
        await untilSubscribed(api.server, (live) => live.feeds === 50);
        await createPost(api, user.token, "to everyone");
        await Promise.all(feeds.map((feed) => feed.next(5_000)));
        await Promise.all(clients.map((live) => live.dispose()));
      }
    };
    // A full collection before each measure, so that what is measured is what is still held.
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const settle = async () => {
      for (let tries = 0; tries < 50 && api.server.sockets.size > 0; tries += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (let i = 0; i < 3; i += 1) gc();
      return process.memoryUsage().heapUsed;
    };
    await round();
    const before = await settle();
    await round();
    const after = await settle();
    expect(api.server.sockets.size).toBe(0);
    expect(api.server.live.subscribers()).toEqual({ messages: 0, notifications: 0, feeds: 0, authors: 0 });
    // 500 more sockets came and went (each holding a client, buffers and a subscription while open):
    // what is left of them all is under 4 MB, a few kilobytes each at most.
    expect(after - before).toBeLessThan(4 * 1024 * 1024);
  }, 60_000);
});

describe.each(engines)("what a live event costs (%s)", (engine) => {
  // The server's repositories, counted: how often each is asked for rows while events are delivered.
  const calls = new Map<string, number>();
  const api = useTestApi(engine, {
    wrapRepositories: (repos) =>
      new Proxy(repos, {
        get(target, aggregate: string) {
          const repository = Reflect.get(target, aggregate) as Record<string, (...args: unknown[]) => unknown>;
          return new Proxy(repository, {
            get(inner, method: string) {
              const original = Reflect.get(inner, method) as (...args: unknown[]) => unknown;
              return (...args: unknown[]) => {
                calls.set(`${aggregate}.${method}`, (calls.get(`${aggregate}.${method}`) ?? 0) + 1);
                return original.apply(inner, args);
              };
            },
          });
        },
      }),
  });

  it("reads a post and its author once for all of an instance's subscribers, however many; each viewer still sees their own", async () => {
    const author = await registerUser(api);
    const readers = await Promise.all(Array.from({ length: 10 }, () => registerUser(api)));
    for (const reader of readers) await follow(api, reader.token, author.username);
    const url = await api.listen();
    const shared = `subscription LiveShared { feedPostAdded { id body author { username postCount } } }`;
    const personal = `subscription LivePersonal { feedPostAdded { author { isViewer viewerIsFollowing } } }`;
    const clients = await Promise.all([author, ...readers].map((user) => connect(url, { token: user.token })));
    try {
      const feeds = clients.map((client) => subscribe(client, shared));
      const own = subscribe(clients[0]!, personal);
      const theirs = subscribe(clients[1]!, personal);
      await untilSubscribed(api.server, (counts) => counts.feeds === 13);
      calls.clear();
      await createPost(api, author.token, "to eleven feeds");
      const results = await Promise.all(feeds.map((feed) => feed.next()));
      expect(new Set(results.map((result) => JSON.stringify(result.data)))).toHaveLength(1);
      expect((await own.next()).data).toEqual({ feedPostAdded: { author: { isViewer: true, viewerIsFollowing: false } } });
      expect((await theirs.next()).data).toEqual({ feedPostAdded: { author: { isViewer: false, viewerIsFollowing: true } } });
      // createPost itself reads nothing back; delivery reads the post once, and the author once for
      // the shared document and once for each personal one (by that viewer): 3, not 13. The author is
      // a summary (what these documents select); the whole row is not read.
      expect(calls.get("posts.byIds")).toBe(1);
      expect(calls.get("users.summariesByIds")).toBeLessThanOrEqual(3);
      expect(calls.get("users.byIds")).toBeUndefined();
    } finally {
      await Promise.all(clients.map((client) => client.dispose()));
    }
  });
});
