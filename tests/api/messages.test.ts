import { beforeAll, describe, expect, it } from "vitest";
import { globalId } from "../../src/domain/ids.ts";
import { graphql } from "../generated/gql.ts";
import { useTestApi } from "../helpers/api.ts";
import { engines, executeBeside } from "../helpers/database.ts";
import { follow, registerUser, type RegisteredUser } from "../helpers/factories.ts";
import { walk } from "../helpers/pages.ts";

const Send = graphql(`mutation MessagesSend ($to: String!, $body: String!) {
  sendMessage(to: $to, body: $body) { id body timestamp sender { username } recipient { username } }
}`);
const Inbox = graphql(`query MessagesInbox ($first: Int, $after: String) {
  messages(first: $first, after: $after) { totalCount nodes { id body sender { username } } pageInfo { hasNextPage endCursor } }
}`);
const Conversation = graphql(`query MessagesConversation ($with: String!, $first: Int, $after: String) {
  conversation(with: $with, first: $first, after: $after) { totalCount nodes { id body sender { username } } pageInfo { hasNextPage endCursor } }
}`);
const Unread = graphql(`query MessagesUnread ($username: String!) { me { unreadMessageCount } user(username: $username) { unreadMessageCount } }`);
const MarkRead = graphql(`mutation MessagesMarkRead { markMessagesRead { username unreadMessageCount } }`);
const Node = graphql(`query MessagesNode ($id: ID!) { node(id: $id) { __typename ... on Message { body } } }`);
const Notifications = graphql(`query MessagesNotifications ($after: ID, $first: Int) {
  notifications(after: $after, first: $first) {
    __typename id timestamp
    ... on UnreadMessagesNotification { count }
    ... on NewFollowerNotification { follower { username } }
  }
}`);

describe.each(engines)("private messages (%s)", (engine) => {
  const api = useTestApi(engine);
  let alice: RegisteredUser, bob: RegisteredUser, eve: RegisteredUser;
  const send = (from: RegisteredUser, to: string, body: string) => api.gql(Send, { variables: { to, body }, token: from.token });

  beforeAll(async () => {
    [alice, bob, eve] = [await registerUser(api), await registerUser(api), await registerUser(api)];
  });

  it("sends to a username ignoring case, trims the body, and returns the message as stored", async () => {
    const sent = await send(alice, bob.username.toUpperCase(), "  hi Bob  ");
    expect(sent.errors).toBeUndefined();
    expect(sent.data!.sendMessage).toMatchObject({ body: "hi Bob", sender: { username: alice.username }, recipient: { username: bob.username } });
  });

  it.each([
    ["an unknown user", () => "nobody_here", "x", "NOT_FOUND", undefined],
    ["yourself", () => alice.username, "x", "BAD_USER_INPUT", "to"],
    ["an empty body", () => bob.username, "   ", "BAD_USER_INPUT", "body"],
    ["a body of 141 characters", () => bob.username, "x".repeat(141), "BAD_USER_INPUT", "body"],
  ])("refuses a message to %s", async (_, to, body, code, field) => {
    const response = await send(alice, to(), body);
    expect(response.errors?.[0]?.extensions).toEqual(field ? { code, field } : { code });
    expect(response.data).toBeNull();
  });

  it("takes a body of exactly 140 characters", async () => {
    expect((await send(alice, bob.username, "x".repeat(140))).data?.sendMessage.body).toHaveLength(140);
  });

  it.each([
    ["messages", Inbox, {}],
    ["conversation", Conversation, { with: "anyone" }],
    ["notifications", Notifications, {}],
    ["markMessagesRead", MarkRead, {}],
    ["sendMessage", Send, { to: "anyone", body: "x" }],
  ])("%s needs a token", async (_, document, variables) => {
    const response = await api.gql(document as typeof Inbox, { variables: variables as never });
    expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("only the sender and the recipient ever see a message: not a third user by messages, conversation or node", async () => {
    const sent = (await send(alice, bob.username, "just for Bob")).data!.sendMessage;
    for (const reader of [alice, bob]) {
      expect((await api.gql(Node, { variables: { id: sent.id }, token: reader.token })).data?.node).toEqual({ __typename: "Message", body: "just for Bob" });
    }
    expect((await api.gql(Node, { variables: { id: sent.id }, token: eve.token })).data?.node).toBeNull();
    expect((await api.gql(Node, { variables: { id: sent.id } })).data?.node).toBeNull();
    expect((await api.gql(Inbox, { token: eve.token })).data?.messages.totalCount).toBe(0);
    for (const other of [alice, bob]) {
      const seen = await api.gql(Conversation, { variables: { with: other.username }, token: eve.token });
      expect(seen.data?.conversation).toMatchObject({ totalCount: 0, nodes: [] });
    }
  });

  it("pages the inbox newest first, and a conversation both ways, newest first", async () => {
    const [writer, reader] = [await registerUser(api), await registerUser(api)];
    const bodies = ["one", "two", "three", "four", "five"];
    for (const [index, body] of bodies.entries()) {
      if (index % 2 === 0) await send(writer, reader.username, body);
      else await send(reader, writer.username, body);
    }
    const inbox = await walk(api, Inbox, { connection: (data) => data.messages, first: 2, pick: (message) => message.body, token: reader.token });
    expect(inbox).toEqual(["five", "three", "one"]);
    const both = await walk(api, Conversation, {
      connection: (data) => data.conversation,
      first: 2,
      pick: (message) => message.body,
      variables: { with: reader.username.toUpperCase() },
      token: writer.token,
    });
    expect(both).toEqual(["five", "four", "three", "two", "one"]);
    const counted = await api.gql(Conversation, { variables: { with: writer.username }, token: reader.token });
    expect(counted.data?.conversation.totalCount).toBe(5);
    const unknown = await api.gql(Conversation, { variables: { with: "nobody_here" }, token: reader.token });
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const foreignCursor = await api.gql(Inbox, { variables: { after: "bm90LWEtY3Vyc29y" }, token: reader.token });
    expect(foreignCursor.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("counts unread messages for the recipient only, until they mark them read", async () => {
    const [writer, reader] = [await registerUser(api), await registerUser(api)];
    await send(writer, reader.username, "a");
    await send(writer, reader.username, "b");
    const seen = await api.gql(Unread, { variables: { username: writer.username }, token: reader.token });
    expect(seen.data).toEqual({ me: { unreadMessageCount: 2 }, user: { unreadMessageCount: null } });
    const byWriter = await api.gql(Unread, { variables: { username: reader.username }, token: writer.token });
    expect(byWriter.data).toEqual({ me: { unreadMessageCount: 0 }, user: { unreadMessageCount: null } });
    const marked = await api.gql(MarkRead, { token: reader.token });
    expect(marked.data?.markMessagesRead).toEqual({ username: reader.username, unreadMessageCount: 0 });
    await send(writer, reader.username, "c");
    expect((await api.gql(Unread, { variables: { username: writer.username }, token: reader.token })).data?.me).toEqual({ unreadMessageCount: 1 });
  });

  it("keeps one unread-messages notification (the newest count) and one per new follower, oldest first", async () => {
    const [writer, reader, fan] = [await registerUser(api), await registerUser(api), await registerUser(api)];
    await send(writer, reader.username, "a");
    await follow(api, fan.token, reader.username);
    await send(writer, reader.username, "b");
    const all = (await api.gql(Notifications, { token: reader.token })).data!.notifications;
    expect(all.map(({ __typename, ...rest }) => ({ __typename, ...("count" in rest ? { count: rest.count } : "follower" in rest ? { follower: rest.follower } : {}) }))).toEqual([
      { __typename: "NewFollowerNotification", follower: { username: fan.username } },
      { __typename: "UnreadMessagesNotification", count: 2 },
    ]);
    // `after` is a position: the first (since replaced) unread notification's id still marks one.
    const afterFirst = await api.gql(Notifications, { variables: { after: all[0]!.id }, token: reader.token });
    expect(afterFirst.data?.notifications.map((notification) => notification.id)).toEqual([all[1]!.id]);
    const none = await api.gql(Notifications, { variables: { after: all[1]!.id }, token: reader.token });
    expect(none.data?.notifications).toEqual([]);
  });

  it.each([
    ["0", 0, "first"],
    ["101", 101, "first"],
  ])("refuses first: %s", async (_, first, field) => {
    const response = await api.gql(Notifications, { variables: { first }, token: alice.token });
    expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field });
  });

  it("takes first: 1 and first: 100", async () => {
    for (const first of [1, 100]) expect((await api.gql(Notifications, { variables: { first }, token: bob.token })).errors).toBeUndefined();
    const one = await api.gql(Notifications, { variables: { first: 1 }, token: bob.token });
    expect(one.data?.notifications.length).toBeLessThanOrEqual(1);
  });

  it.each([
    ["malformed", () => "not an id"],
    ["another type's", () => alice.id],
    ["a message's", () => globalId("Message", 1)],
  ])("refuses a %s id as `after`", async (_, after) => {
    const response = await api.gql(Notifications, { variables: { after: after() }, token: alice.token });
    expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("hides notifications past their retention, and the sweep deletes them", async () => {
    const [fan, reader] = [await registerUser(api), await registerUser(api)];
    await follow(api, fan.token, reader.username);
    await executeBeside(
      api.target,
      engine === "postgres"
        ? `update notifications set "timestamp" = now() - interval '31 days' where user_id = ${reader.rowId}`
        : `update notifications set "timestamp" = "timestamp" - 31 * 86400000 where user_id = ${reader.rowId}`,
    );
    expect((await api.gql(Notifications, { token: reader.token })).data?.notifications).toEqual([]);
    await api.database.repos.notifications.sweep(new Date(Date.now() - 30 * 86_400_000));
    const left = await api.database.repos.notifications.after(reader.rowId, 0, new Date(0), 10);
    expect(left).toEqual([]);
  });
});

describe.each(engines)("the message rate limit (%s)", (engine) => {
  const api = useTestApi(engine, { env: { MESSAGE_RATE_LIMIT: "3" } });

  it("sends MESSAGE_RATE_LIMIT messages per window, and refuses the next with 429", async () => {
    const [writer, reader] = [await registerUser(api), await registerUser(api)];
    for (let sent = 0; sent < 3; sent += 1) {
      expect((await api.gql(Send, { variables: { to: reader.username, body: `m${sent}` }, token: writer.token })).status).toBe(200);
    }
    const refused = await api.gql(Send, { variables: { to: reader.username, body: "one too many" }, token: writer.token });
    expect(refused.status).toBe(429);
    expect(refused.errors?.[0]?.extensions?.code).toBe("RATE_LIMITED");
    expect(refused.headers["retry-after"]).toBeDefined();
    const inbox = await api.gql(Inbox, { token: reader.token });
    expect(inbox.data?.messages.totalCount).toBe(3);
  });
});
