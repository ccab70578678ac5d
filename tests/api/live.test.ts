import { afterEach, describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.ts";
import { useTestApi } from "../helpers/api.ts";
import { engines } from "../helpers/database.ts";
import { createPost, follow, registerUser } from "../helpers/factories.ts";
import { connect, subscribe, type LiveClient } from "../helpers/live.ts";

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
    // The subscription is registered once its follow list is read; a query on the same socket would
    // settle after it, but a post through HTTP cannot tell: give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 100));

    await createPost(api, stranger.token, "not for the reader");
    await createPost(api, followed.token, "for the reader");
    expect((await feed.next()).data?.feedPostAdded).toMatchObject({ body: "for the reader", author: { username: followed.username } });
    await createPost(api, reader.token, "my own");
    expect((await feed.next()).data?.feedPostAdded).toMatchObject({ body: "my own", author: { username: reader.username } });

    await api.gql(Unfollow, { variables: { username: followed.username }, token: reader.token });
    await createPost(api, followed.token, "after the unfollow");
    await feed.nothingWithin(300);
  });

  it("delivers messages to their recipient and the unread count as notifications", async () => {
    const [sender, recipient] = [await registerUser(api), await registerUser(api)];
    const live = await client(recipient.token);
    const messages = subscribe(live, MessageReceived);
    const notifications = subscribe(live, NotificationAdded);
    await new Promise((resolve) => setTimeout(resolve, 50));

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
  });
});
