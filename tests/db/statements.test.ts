// The statements ports (src/db/contract.ts), one contract for both engines: every member of every
// port, with the same cases on each. A new statement is tested here once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  EngineConnection,
  FollowStatements,
  MessageStatements,
  NotificationStatements,
  PasswordResetStatements,
  PostStatements,
  TaskStatements,
  TokenStatements,
  UserRow,
  UserStatements,
} from "../../src/db/contract.ts";
import type { LiveEvent } from "../../src/events/events.ts";
import { openEngine } from "../../src/db/database.ts";
import { takenUserField } from "../../src/db/errors.ts";
import { beside } from "../../src/db/side.ts";
import { engines, scratchDatabase, type ScratchDatabase } from "../helpers/database.ts";

// In the future, so that rows written at the real time are older than every one written here.
const at = (minute: number) => new Date(Date.UTC(2100, 0, 1, 0, minute));
/** Newest first, as every page is ordered: the timestamp, then the id. */
const newestFirst = <Row extends { timestamp: Date; id: number }>(rows: Row[]) =>
  [...rows].sort((x, y) => y.timestamp.getTime() - x.timestamp.getTime() || y.id - x.id);
const after = (post: { timestamp: Date; id: number }) => ({ afterTimestamp: post.timestamp, afterId: post.id });

describe.each(engines)("statements on %s", (engine) => {
  let scratch: ScratchDatabase;
  let connection: EngineConnection;
  let users: UserStatements;
  let posts: PostStatements;
  let follows: FollowStatements;
  let tokens: TokenStatements;
  let messages: MessageStatements;
  let notifications: NotificationStatements;
  let tasks: TaskStatements;
  let passwordResets: PasswordResetStatements;
  /** Every event the engine announced since the suite began, in the order heard. */
  const heard: LiveEvent[] = [];

  beforeAll(async () => {
    scratch = await scratchDatabase(engine);
    connection = openEngine(scratch.target, { poolSize: 2 });
    await connection.migrate();
    ({ users, posts, follows, tokens, messages, notifications, tasks, passwordResets } = connection.statements);
    connection.events.listen({ event: (event) => void heard.push(event), resync: async () => {} });
    // PostgreSQL: listening once its connection is up.
    for (let tries = 0; tries < 100 && !connection.events.isConnected(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 20));
  });

  afterAll(async () => {
    await connection?.close();
    await scratch?.destroy();
  });

  let sequence = 0;
  async function newUser(name = `user${++sequence}`) {
    const user = await users.insert({ username: name, email: `${name}@example.com`, passwordHash: "hash" });
    if (!user) throw new Error("insert returned no row");
    return user;
  }
  const summaryOf = ({ id, username, avatarHash, postCount, followerCount, followingCount }: UserRow) => ({
    id,
    username,
    avatarHash,
    postCount,
    followerCount,
    followingCount,
  });
  /** Each call's posts in a time of their own, later than every earlier call's. */
  let epoch = 0;
  const nextEpoch = () => (epoch += 1_000);

  describe("users", () => {
    it("insert returns the row with its defaults, and refuses a username or email taken in another case", async () => {
      const user = await users.insert({ username: "Casey", email: "casey@example.com", passwordHash: "h" });
      expect(user).toMatchObject({ username: "Casey", aboutMe: null, postCount: 0, followerCount: 0, followingCount: 0 });
      expect(user!.lastSeen).toBeInstanceOf(Date);
      const taken = (promise: Promise<unknown>) => promise.then(() => undefined, takenUserField);
      expect(await taken(users.insert({ username: "CASEY", email: "other@example.com", passwordHash: "h" }))).toBe("username");
      expect(await taken(users.insert({ username: "other", email: "Casey@Example.com", passwordHash: "h" }))).toBe("email");
    });

    it("byIds, byUsername (ignoring case) and count find what was inserted", async () => {
      const [a, b] = [await newUser(), await newUser()];
      expect((await users.byIds.all({ ids: [b.id, a.id, 424242] })).map((u) => u.id).sort()).toEqual([a.id, b.id].sort());
      expect(await users.byIds.all({ ids: [] })).toEqual([]);
      expect(await users.byUsername.get({ username: a.username.toUpperCase() })).toEqual(a);
      expect(await users.byUsername.get({ username: "nobody" })).toBeUndefined();
      expect((await users.count.get({}))!.n).toBe((await users.page.all({ limit: 1000 })).length);
    });

    it("page and pageAfter list users by lowercased username, after the key given", async () => {
      const names = (await users.page.all({ limit: 1000 })).map((u) => u.username.toLowerCase());
      expect(names).toEqual([...names].sort());
      const second = await users.pageAfter.all({ limit: 2, after: names[0]! });
      expect(second.map((u) => u.username.toLowerCase())).toEqual(names.slice(1, 3));
    });

    it("range lists users by lowercased username from `from` (included) to `to` (excluded)", async () => {
      const [a, b, c] = [await newUser("Rangeb"), await newUser("rangea"), await newUser("rangec")];
      await newUser("rangd");
      expect((await users.range.all({ from: "range", to: "range~", limit: 10 })).map((u) => u.id)).toEqual([b.id, a.id, c.id]);
      expect((await users.range.all({ from: "range", to: "range~", limit: 2 })).map((u) => u.id)).toEqual([b.id, a.id]);
      expect(await users.range.all({ from: "rangeb", to: "rangec", limit: 10 })).toEqual([summaryOf(a)]);
    });

    it("summariesByIds, page and range read a user's summary: no email, password hash, about-me or lastSeen", async () => {
      const a = await users.insert({ username: "Summed", email: "summed@example.com", passwordHash: "h", avatarHash: "d".repeat(32) });
      await users.update(a!.id, { aboutMe: "private enough" });
      const summary = { id: a!.id, username: "Summed", avatarHash: "d".repeat(32), postCount: 0, followerCount: 0, followingCount: 0 };
      expect(await users.summariesByIds.all({ ids: [a!.id, 424242] })).toEqual([summary]);
      expect(await users.summariesByIds.all({ ids: [] })).toEqual([]);
      expect(await users.range.all({ from: "summed", to: "summed~", limit: 10 })).toEqual([summary]);
      expect((await users.page.all({ limit: 1000 })).find((row) => row.id === a!.id)).toEqual(summary);
    });

    it("update returns the updated row, nothing for a missing user, and refuses a taken username", async () => {
      const [a, b] = [await newUser(), await newUser()];
      expect(await users.update(a.id, { aboutMe: "hello", username: `${a.username}x` })).toMatchObject({ aboutMe: "hello", username: `${a.username}x` });
      expect(await users.update(a.id, { aboutMe: null })).toMatchObject({ aboutMe: null, username: `${a.username}x` });
      expect(await users.update(424242, { aboutMe: "x" })).toBeUndefined();
      await expect(users.update(a.id, { username: b.username.toUpperCase() }).catch(takenUserField)).resolves.toBe("username");
    });

    it("recordSeen writes only when the last one is older than staleBefore, or was never recorded", async () => {
      const user = (await users.insert({ username: `seen${++sequence}`, email: `seen${sequence}@example.com`, passwordHash: "h", lastSeen: at(0) }))!;
      const other = await newUser();
      const lastSeen = async (id: number) => (await users.byIds.get({ ids: [id] }))!.lastSeen;
      await users.recordSeen.run({ userId: user.id, at: at(10), staleBefore: at(0) });
      expect(await lastSeen(user.id)).toEqual(at(0));
      await users.recordSeen.run({ userId: user.id, at: at(10), staleBefore: at(5) });
      expect(await lastSeen(user.id)).toEqual(at(10));
      // Users who registered before it was recorded have none.
      await beside(scratch.target, (side) => side.execute(`update users set last_seen = null where id = ${user.id}`));
      await users.recordSeen.run({ userId: user.id, at: at(20), staleBefore: at(0) });
      expect(await lastSeen(user.id)).toEqual(at(20));
      expect(await lastSeen(other.id)).not.toEqual(at(20));
    });

    it("replacePassword sets the hash and revokes every token of the user but the one kept; others' stay", async () => {
      const [user, other] = [await newUser(), await newUser()];
      const issue = async (owner: { id: number }, hash: string) =>
        (await tokens.insertForPassword.get({ userId: owner.id, tokenHash: hash, expiresAt: at(60), passwordHash: "hash" }))!.id;
      const kept = await issue(user, "k".repeat(64));
      await issue(user, "r".repeat(64));
      const others = await issue(other, "o".repeat(64));
      await users.replacePassword(user.id, "new hash", kept);
      expect((await users.byIds.get({ ids: [user.id] }))!.passwordHash).toBe("new hash");
      expect((await users.byIds.get({ ids: [other.id] }))!.passwordHash).toBe("hash");
      expect(await tokens.sessionByHash.get({ tokenHash: "k".repeat(64) })).toMatchObject({ tokenId: kept });
      expect(await tokens.sessionByHash.get({ tokenHash: "r".repeat(64) })).toBeUndefined();
      expect(await tokens.sessionByHash.get({ tokenHash: "o".repeat(64) })).toMatchObject({ tokenId: others });
    });
  });

  describe("posts", () => {
    it("insert takes the database's clock, insertAt the time given; byId finds either; delete tells what it deleted", async () => {
      const author = await newUser();
      const before = Date.now() - 5_000;
      const now = await posts.insert.get({ userId: author.id, body: "now", language: "en" });
      expect(now!.timestamp.getTime()).toBeGreaterThan(before);
      const then = await posts.insertAt.get({ userId: author.id, body: "then", language: null, timestamp: at(3) });
      expect(now).toMatchObject({ body: "now", language: "en" });
      expect(then).toMatchObject({ body: "then", timestamp: at(3), userId: author.id, language: null });
      expect(await posts.byId.get({ id: then!.id })).toEqual(then);
      expect(newestFirst(await posts.byIds.all({ ids: [then!.id, now!.id, 424242] }))).toEqual([then, now]);
      expect(await posts.byIds.all({ ids: [] })).toEqual([]);
      expect(await posts.delete.all({ id: then!.id })).toEqual([{ id: then!.id }]);
      expect(await posts.delete.all({ id: then!.id })).toEqual([]);
      expect(await posts.byId.get({ id: then!.id })).toBeUndefined();
    });

    /**
     * Three authors with five posts each, one a minute apart and interleaved, later than any post
     * before; two posts of the first author share a timestamp (the id breaks the tie). The reader
     * follows two of the authors.
     */
    async function authorsAndReader() {
      const base = nextEpoch();
      const authors = [await newUser(), await newUser(), await newUser()];
      const written = [];
      for (let i = 0; i < 15; i++) {
        const timestamp = at(base + (i === 3 ? 0 : i));
        written.push((await posts.insertAt.get({ userId: authors[i % 3]!.id, body: `p${i}`, language: null, timestamp }))!);
      }
      const reader = await newUser();
      for (const followed of authors.slice(0, 2)) expect(await follows.follow(reader.id, followed.id, 10)).toBe("followed");
      const newest = newestFirst(written);
      return { base, authors, reader, newest, byAuthor: (author: { id: number }) => newest.filter((p) => p.userId === author.id) };
    }

    it("page reads everyone's posts newest first, from the key given, ties broken by id; count counts them", async () => {
      const before = (await posts.count.get({}))!.n;
      const { newest } = await authorsAndReader();
      expect((await posts.count.get({}))!.n).toBe(before + 15);
      const first = await posts.page.first.all({ limit: 4 });
      expect(first).toEqual(newest.slice(0, 4));
      expect(await posts.page.after.all({ limit: 4, ...after(first[3]!) })).toEqual(newest.slice(4, 8));
      // The two posts of one timestamp: after the newer id comes the older one.
      const [tied, older] = newest.slice(-2);
      expect(tied!.timestamp).toEqual(older!.timestamp);
      expect(await posts.page.after.all({ limit: 1, ...after(tied!) })).toEqual([older]);
    });

    it("byAuthor and byAuthors read each author's page, newest first, from the key given", async () => {
      const { authors, byAuthor } = await authorsAndReader();
      const [a, b] = [authors[0]!, authors[1]!];
      expect(await posts.byAuthor.first.all({ authorId: a.id, limit: 2 })).toEqual(byAuthor(a).slice(0, 2));
      expect(await posts.byAuthor.after.all({ authorId: a.id, limit: 2, ...after(byAuthor(a)[1]!) })).toEqual(byAuthor(a).slice(2, 4));
      const both = newestFirst([...byAuthor(a).slice(0, 2), ...byAuthor(b).slice(0, 2)]);
      expect(await posts.byAuthors.first.all({ authorIds: [a.id, b.id], limit: 2 })).toEqual(both);
      const key = byAuthor(a)[3]!;
      // (the key is one of two posts that share a timestamp: the other, with the lower id, comes after it)
      const isPast = (p: { timestamp: Date; id: number }) =>
        p.timestamp < key.timestamp || (p.timestamp.getTime() === key.timestamp.getTime() && p.id < key.id);
      const pastKey = newestFirst([...byAuthor(a), ...byAuthor(b)].filter(isPast));
      const expected = [...pastKey.filter((p) => p.userId === a.id).slice(0, 1), ...pastKey.filter((p) => p.userId === b.id).slice(0, 1)];
      expect(await posts.byAuthors.after.all({ authorIds: [a.id, b.id], limit: 1, ...after(key) })).toEqual(newestFirst(expected));
    });

    it("feed reads the reader's and their followed authors' posts, newest first, page by page; feedCount counts them", async () => {
      const { base, authors, reader, newest } = await authorsAndReader();
      const own = (await posts.insertAt.get({ userId: reader.id, body: "mine", language: null, timestamp: at(base + 100) }))!;
      const followedIds = new Set([reader.id, authors[0]!.id, authors[1]!.id]);
      const expected = [own, ...newest.filter((p) => followedIds.has(p.userId))];
      const first = await posts.feed.first.all({ userId: reader.id, limit: 4 });
      expect(first).toEqual(expected.slice(0, 4));
      expect(await posts.feed.after.all({ userId: reader.id, limit: 4, ...after(first[3]!) })).toEqual(expected.slice(4, 8));
      expect(await posts.feed.after.all({ userId: reader.id, limit: 100, ...after(first[3]!) })).toEqual(expected.slice(4));
      // Pages no longer than the number of authors (3): each page is bounded by the cutoff.
      const walked = [];
      let page = await posts.feed.first.all({ userId: reader.id, limit: 2 });
      while (page.length > 0) {
        walked.push(...page);
        page = await posts.feed.after.all({ userId: reader.id, limit: 2, ...after(page.at(-1)!) });
      }
      expect(walked).toEqual(expected);
      expect((await posts.feedCount.get({ userId: reader.id }))!.n).toBe(expected.length);
      const loner = await newUser();
      expect(await posts.feed.first.all({ userId: loner.id, limit: 4 })).toEqual([]);
      expect((await posts.feedCount.get({ userId: loner.id }))!.n).toBe(0);
    });
  });

  describe("search", () => {
    const query = (...words: string[]) => ({ query: { all: words.map((word) => [[word]]), none: [] } });

    it("searchByRelevance and searchByNewest find posts by their words' stems, best or newest first, page by page; searchCount counts them", async () => {
      const author = await newUser();
      const write = async (body: string) => (await posts.insert.get({ userId: author.id, body, language: null }))!;
      const once = await write("Quokkas are smiling");
      const thrice = await write("quokka quokka quokka");
      const other = await write("Wombats only");
      const twice = await write("A quokka and another quokka");

      const best = await posts.searchByRelevance.first.all({ ...query("quokka"), limit: 10 });
      expect(best.map((row) => row.id)).toEqual([thrice.id, twice.id, once.id]);
      expect(best[0]).toEqual({ ...thrice, score: expect.any(Number) });
      expect(best[0]!.score).toBeGreaterThan(best[1]!.score);
      const [first] = await posts.searchByRelevance.first.all({ ...query("quokka"), limit: 1 });
      const rest = await posts.searchByRelevance.after.all({ ...query("quokka"), limit: 10, afterScore: first!.score, afterId: first!.id });
      expect(rest).toEqual(best.slice(1));

      const newest = await posts.searchByNewest.first.all({ ...query("QUOKKAS"), limit: 2 });
      expect(newest).toEqual([twice, thrice]);
      expect(await posts.searchByNewest.after.all({ ...query("quokka"), limit: 5, afterId: thrice.id })).toEqual([once]);
      expect((await posts.searchCount.get(query("quokka")))!.n).toBe(3);
      expect((await posts.searchCount.get(query("quokka", "smiles")))!.n).toBe(1);
      expect((await posts.searchCount.get({ query: { all: [[["quokka"]]], none: [["smile"]] } }))!.n).toBe(2);
      expect(await posts.searchByNewest.first.all({ ...query("wombat"), limit: 5 })).toEqual([other]);
    });
  });

  describe("follows", () => {
    it("follow follows once, says so again, and stops at the cap; delete unfollows", async () => {
      const [a, b, c] = [await newUser(), await newUser(), await newUser()];
      expect(await follows.follow(a.id, b.id, 1)).toBe("followed");
      expect(await follows.follow(a.id, b.id, 1)).toBe("already");
      expect(await follows.follow(a.id, c.id, 1)).toBe("limit");
      await follows.delete.run({ followerId: a.id, followedId: b.id });
      await follows.delete.run({ followerId: a.id, followedId: b.id });
      expect(await follows.follow(a.id, c.id, 1)).toBe("followed");
      expect((await users.byIds.get({ ids: [a.id] }))!.followingCount).toBe(1);
    });

    it("followedAmong tells which of the ids the follower follows", async () => {
      const [a, b, c] = [await newUser(), await newUser(), await newUser()];
      await follows.follow(a.id, c.id, 10);
      expect(await follows.followedAmong.all({ followerId: a.id, ids: [b.id, c.id] })).toEqual([{ id: c.id }]);
      expect(await follows.followedAmong.all({ followerId: a.id, ids: [] })).toEqual([]);
    });

    it("list reads each owner's followers or following, most recent first, the same page of each", async () => {
      const [a, b, c, d] = [await newUser(), await newUser(), await newUser(), await newUser()];
      for (const [follower, followed] of [[a, c], [b, c], [d, c], [a, d]] as const) await follows.follow(follower.id, followed.id, 10);
      const followersOfC = await follows.list("followers", [c.id, d.id], { limit: 2 });
      expect(followersOfC.map((row) => [row.ownerId, row.id])).toEqual(
        expect.arrayContaining([[c.id, d.id], [c.id, b.id], [d.id, a.id]]),
      );
      expect(followersOfC).toHaveLength(3);
      const page = followersOfC.filter((row) => row.ownerId === c.id);
      const rest = await follows.list("followers", [c.id], { limit: 2, after: { timestamp: page[1]!.followedAt, id: page[1]!.id } });
      expect(rest.map((row) => row.id)).toEqual([a.id]);
      const followingOfA = await follows.list("following", [a.id], { limit: 10 });
      expect(followingOfA.map((row) => row.id).sort()).toEqual([c.id, d.id].sort());
      expect(followingOfA[0]).toMatchObject({ ownerId: a.id, followedAt: expect.any(Date), username: expect.any(String) });
    });
  });

  describe("messages and notifications", () => {
    it("send stores the message, counts it unread and replaces the recipient's unread notification; markRead counts back to 0", async () => {
      const [a, b] = [await newUser(), await newUser()];
      const first = await messages.send({ senderId: a.id, recipientId: b.id, body: "one" });
      expect(first).toEqual({ id: expect.any(Number), senderId: a.id, recipientId: b.id, body: "one", timestamp: expect.any(Date) });
      await messages.send({ senderId: a.id, recipientId: b.id, body: "two" });
      expect((await users.byIds.get({ ids: [b.id] }))!.unreadMessageCount).toBe(2);
      const kept = await notifications.after.all({ userId: b.id, afterId: 0, since: new Date(0), limit: 10 });
      expect(kept).toEqual([{ id: expect.any(Number), userId: b.id, kind: "unread_messages", timestamp: expect.any(Date), count: 2, followerId: null, taskId: null }]);
      const read = await messages.markRead(b.id);
      expect(read).toMatchObject({ id: b.id, unreadMessageCount: 0 });
      const after = await notifications.after.all({ userId: b.id, afterId: 0, since: new Date(0), limit: 10 });
      expect(after).toEqual([expect.objectContaining({ kind: "unread_messages", count: 0 })]);
      expect(after[0]!.id).toBeGreaterThan(kept[0]!.id);
      expect(await messages.markRead(999_999)).toBeUndefined();
    });

    it("byIds finds messages; byIdsFor only those the viewer sent or received", async () => {
      const [a, b, c] = [await newUser(), await newUser(), await newUser()];
      const message = await messages.send({ senderId: a.id, recipientId: b.id, body: "private" });
      expect(await messages.byIds.all({ ids: [message.id, 999_999] })).toEqual([message]);
      for (const viewer of [a, b]) expect(await messages.byIdsFor.all({ viewerId: viewer.id, ids: [message.id] })).toEqual([message]);
      expect(await messages.byIdsFor.all({ viewerId: c.id, ids: [message.id] })).toEqual([]);
    });

    it("received and conversation read newest first, page by page, from the key given; their counts count them", async () => {
      const [a, b, c] = [await newUser(), await newUser(), await newUser()];
      const sent = [];
      for (const [from, to] of [[a, b], [b, a], [c, b], [a, b], [b, a]] as const) {
        sent.push(await messages.send({ senderId: from.id, recipientId: to.id, body: `${from.username}>${to.username}` }));
      }
      const inbox = newestFirst(sent.filter((message) => message.recipientId === b.id));
      expect(await messages.received.first.all({ userId: b.id, limit: 2 })).toEqual(inbox.slice(0, 2));
      expect(await messages.received.after.all({ userId: b.id, limit: 2, ...after(inbox[1]!) })).toEqual(inbox.slice(2));
      expect((await messages.receivedCount.get({ userId: b.id }))!.n).toBe(3);
      const between = newestFirst(sent.filter((message) => [message.senderId, message.recipientId].every((id) => id === a.id || id === b.id)));
      for (const [userId, otherId] of [[a.id, b.id], [b.id, a.id]] as const) {
        expect(await messages.conversation.first.all({ userId, otherId, limit: 3 })).toEqual(between.slice(0, 3));
        expect(await messages.conversation.after.all({ userId, otherId, limit: 3, ...after(between[2]!) })).toEqual(between.slice(3));
        expect((await messages.conversationCount.get({ userId, otherId }))!.n).toBe(4);
      }
      expect(await messages.conversation.first.all({ userId: a.id, otherId: c.id, limit: 3 })).toEqual([]);
    });

    it("a follow notifies the followed user; after reads past an id, from a time on, oldest first; sweep deletes the old", async () => {
      const [a, b, c] = [await newUser(), await newUser(), await newUser()];
      await follows.follow(a.id, c.id, 10);
      await follows.follow(a.id, c.id, 10); // already: no second notification
      await follows.follow(b.id, c.id, 10);
      const all = await notifications.after.all({ userId: c.id, afterId: 0, since: new Date(0), limit: 10 });
      expect(all.map((row) => [row.kind, row.followerId])).toEqual([["new_follower", a.id], ["new_follower", b.id]]);
      expect(await notifications.after.all({ userId: c.id, afterId: all[0]!.id, since: new Date(0), limit: 10 })).toEqual([all[1]]);
      expect(await notifications.after.all({ userId: c.id, afterId: 0, since: new Date(0), limit: 1 })).toEqual([all[0]]);
      expect(await notifications.byIds.all({ ids: [all[1]!.id] })).toEqual([all[1]]);
      expect(await notifications.after.all({ userId: c.id, afterId: 0, since: new Date(all[1]!.timestamp.getTime() + 1), limit: 10 })).toEqual([]);
      await notifications.sweep.run({ before: new Date(all[1]!.timestamp.getTime() + 1) });
      expect(await notifications.byIds.all({ ids: all.map((row) => row.id) })).toEqual([]);
    });

    it("followedBy lists everyone the follower follows", async () => {
      const [a, b, c] = [await newUser(), await newUser(), await newUser()];
      expect(await follows.followedBy.all({ followerId: a.id })).toEqual([]);
      await follows.follow(a.id, b.id, 10);
      await follows.follow(a.id, c.id, 10);
      expect((await follows.followedBy.all({ followerId: a.id })).map((row) => row.id).sort()).toEqual([b.id, c.id].sort());
    });
  });

  describe("events", () => {
    /** The events heard from here on, once `count` of them have come (PostgreSQL delivers them at commit, over a socket). */
    async function announced(count: number, write: () => Promise<unknown>): Promise<LiveEvent[]> {
      const from = heard.length;
      await write();
      for (let tries = 0; tries < 100 && heard.length < from + count; tries += 1) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, 50)); // and nothing more
      return heard.slice(from);
    }

    it("each committed write that a subscriber may wait for is announced, with ids, once", async () => {
      const [a, b] = [await newUser(), await newUser()];
      let post: { id: number } | undefined;
      expect(await announced(1, async () => (post = await posts.insert.get({ userId: a.id, body: "news", language: null })))).toEqual([
        { type: "post", id: post!.id, authorId: a.id },
      ]);
      const dated = () => posts.insertAt.get({ userId: a.id, body: "dated", language: null, timestamp: at(5) });
      expect(await announced(1, dated)).toEqual([{ type: "post", id: expect.any(Number), authorId: a.id }]);
      const followed = await announced(2, () => follows.follow(b.id, a.id, 10));
      const [notification] = await notifications.after.all({ userId: a.id, afterId: 0, since: new Date(0), limit: 1 });
      expect(followed).toEqual([
        { type: "follow", followerId: b.id, followedId: a.id },
        { type: "notification", id: notification!.id, userId: a.id },
      ]);
      expect(await announced(0, () => follows.follow(b.id, a.id, 10))).toEqual([]);
      expect(await announced(1, () => follows.delete.run({ followerId: b.id, followedId: a.id }))).toEqual([{ type: "unfollow", followerId: b.id, followedId: a.id }]);
      const sent = await announced(2, () => messages.send({ senderId: a.id, recipientId: b.id, body: "hi" }));
      expect(sent).toEqual([
        { type: "message", id: expect.any(Number), recipientId: b.id },
        { type: "notification", id: expect.any(Number), userId: b.id },
      ]);
      expect(await announced(1, () => messages.markRead(b.id))).toEqual([{ type: "notification", id: expect.any(Number), userId: b.id }]);
      const { task } = await tasks.start(a.id, "export_posts", "Exporting");
      const progressed = () => tasks.step({ taskId: task.id, fromDoneCount: 0, progress: 50, doneCount: 1, complete: false, notify: true });
      expect(await announced(1, progressed)).toEqual([{ type: "notification", id: expect.any(Number), userId: a.id }]);
      expect(await announced(0, () => tasks.step({ taskId: task.id, fromDoneCount: 1, progress: 60, doneCount: 2, complete: false, notify: false }))).toEqual([]);
      expect(await announced(1, () => tasks.fail(task.id, "broke"))).toEqual([{ type: "notification", id: expect.any(Number), userId: a.id }]);
    });

    it("a write that fails announces nothing", async () => {
      const a = await newUser();
      await expect(announced(0, () => messages.send({ senderId: a.id, recipientId: 999_999, body: "to nobody" }))).rejects.toThrow();
      await expect(announced(0, () => posts.insert.get({ userId: 999_999, body: "orphan", language: null }))).rejects.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(heard.filter((event) => "authorId" in event && event.authorId === 999_999)).toEqual([]);
      expect(heard.filter((event) => "recipientId" in event && event.recipientId === 999_999)).toEqual([]);
    });
  });

  describe("tasks", () => {
    /** A step from the task's doneCount as `tasks` last saw it, unless the test says otherwise. */
    const doneCounts = new Map<number, number>();
    const step = async (taskId: number, changes: Partial<Parameters<TaskStatements["step"]>[0]> = {}) => {
      const fromDoneCount = doneCounts.get(taskId) ?? 0;
      const doneCount = changes.doneCount ?? fromDoneCount;
      const stepped = await tasks.step({ taskId, fromDoneCount, progress: 0, complete: false, notify: false, ...changes, doneCount });
      if (stepped) doneCounts.set(taskId, doneCount);
      return stepped;
    };

    it("start makes one unfinished task of a name per user; asking again finds it; a finished one lets another start", async () => {
      const [a, b] = [await newUser(), await newUser()];
      const first = await tasks.start(a.id, "export_posts", "Exporting");
      expect(first).toEqual({
        created: true,
        task: {
          id: expect.any(Number), userId: a.id, name: "export_posts", description: "Exporting", progress: 0, complete: false, error: null,
          createdAt: expect.any(Date), completedAt: null, doneCount: 0, lastTimestamp: null, lastId: null,
        },
      });
      expect(await tasks.start(a.id, "export_posts", "again")).toEqual({ created: false, task: first.task });
      expect((await tasks.start(b.id, "export_posts", "theirs")).created).toBe(true);
      expect(await step(first.task.id, { progress: 100, doneCount: 0, complete: true, notify: true })).toBe(true);
      // Finished: no more steps, and another may start.
      expect(await step(first.task.id, { progress: 50 })).toBe(false);
      const second = await tasks.start(a.id, "export_posts", "Exporting");
      expect(second.created).toBe(true);
      await tasks.fail(second.task.id, "broke");
      expect((await tasks.byIds.all({ ids: [second.task.id] }))[0]).toMatchObject({ error: "broke", complete: false, completedAt: expect.any(Date) });
      expect((await tasks.start(a.id, "export_posts", "Exporting")).created).toBe(true);
    });

    it("byIds, byIdsFor (the owner's only), pages newest first, count, and unfinished", async () => {
      const [a, b] = [await newUser(), await newUser()];
      const made = [];
      for (let i = 0; i < 3; i += 1) {
        const { task } = await tasks.start(a.id, "export_posts", `task ${i}`);
        made.push(task);
        if (i < 2) await step(task.id, { complete: true, progress: 100 });
      }
      const ids = made.map((task) => task.id);
      expect((await tasks.byIds.all({ ids })).map((task) => task.id).sort()).toEqual([...ids].sort());
      expect(await tasks.byIdsFor.all({ userId: b.id, ids })).toEqual([]);
      expect((await tasks.byIdsFor.all({ userId: a.id, ids })).map((task) => task.id).sort()).toEqual([...ids].sort());
      const newest = newestFirst(made.map((task) => ({ ...task, timestamp: task.createdAt }))).map((task) => task.id);
      const page = await tasks.page.first.all({ userId: a.id, limit: 2 });
      expect(page.map((task) => task.id)).toEqual(newest.slice(0, 2));
      const rest = await tasks.page.after.all({ userId: a.id, limit: 10, afterTimestamp: page[1]!.createdAt, afterId: page[1]!.id });
      expect(rest.map((task) => task.id)).toEqual(newest.slice(2));
      expect((await tasks.count.get({ userId: a.id }))!.n).toBe(3);
      expect((await tasks.unfinished.all({})).map((task) => task.id)).toContain(made[2]!.id);
      expect((await tasks.unfinished.all({})).map((task) => task.id)).not.toContain(made[0]!.id);
    });

    it("step writes its piece of the result with the progress; chunks reads them back in order; a notification replaces the last", async () => {
      const a = await newUser();
      const { task } = await tasks.start(a.id, "export_posts", "Exporting");
      expect(await step(task.id, { chunk: { seq: 0, body: "zero" }, progress: 40, doneCount: 2, last: { timestamp: at(1), id: 7 }, notify: true })).toBe(true);
      const [firstNotice] = await notifications.after.all({ userId: a.id, afterId: 0, since: new Date(0), limit: 10 });
      expect(firstNotice).toMatchObject({ kind: "task_progress", taskId: task.id, count: null, followerId: null });
      expect(await step(task.id, { chunk: { seq: 2, body: "two" }, progress: 80, doneCount: 4, last: { timestamp: at(2), id: 9 } })).toBe(true);
      // A runner that lost the race (its step goes on from an older doneCount) writes nothing.
      expect(await step(task.id, { fromDoneCount: 2, chunk: { seq: 2, body: "again" }, progress: 90, doneCount: 5 })).toBe(false);
      // The same piece twice is refused, and the step with it.
      await expect(step(task.id, { chunk: { seq: 2, body: "again" }, progress: 90, doneCount: 5 })).rejects.toThrow();
      expect(await step(task.id, { progress: 100, doneCount: 4, complete: true, notify: true })).toBe(true);
      expect((await tasks.byIds.all({ ids: [task.id] }))[0]).toMatchObject({
        progress: 100, complete: true, doneCount: 4, lastTimestamp: at(2), lastId: 9, completedAt: expect.any(Date),
      });
      const kept = await notifications.after.all({ userId: a.id, afterId: 0, since: new Date(0), limit: 10 });
      expect(kept).toHaveLength(1);
      expect(kept[0]!.id).toBeGreaterThan(firstNotice!.id);
      expect(await tasks.chunks.all({ taskId: task.id, afterSeq: -1, limit: 10 })).toEqual([{ seq: 0, body: "zero" }, { seq: 2, body: "two" }]);
      expect(await tasks.chunks.all({ taskId: task.id, afterSeq: 0, limit: 1 })).toEqual([{ seq: 2, body: "two" }]);
    });

    it("postsOldestFirst pages an author's posts oldest first; sweep deletes tasks finished before a time, with their results", async () => {
      const [a, b] = [await newUser(), await newUser()];
      const base = nextEpoch();
      const written = [];
      for (const minute of [3, 1, 2, 2]) written.push((await posts.insertAt.get({ userId: a.id, body: `at ${minute}`, language: null, timestamp: at(base + minute) }))!);
      await posts.insertAt.get({ userId: b.id, body: "not a's", language: null, timestamp: at(base + 1) });
      const oldest = newestFirst(written).reverse().map((post) => ({ id: post.id, body: post.body, timestamp: post.timestamp }));
      const first = await tasks.postsOldestFirst.first.all({ authorId: a.id, limit: 2 });
      expect(first).toEqual(oldest.slice(0, 2));
      expect(await tasks.postsOldestFirst.after.all({ authorId: a.id, limit: 10, ...after(first[1]!) })).toEqual(oldest.slice(2));

      const { task } = await tasks.start(a.id, "export_posts", "Exporting");
      await step(task.id, { chunk: { seq: 0, body: "x" }, progress: 100, doneCount: 4, complete: true, notify: true });
      await tasks.sweep.run({ before: new Date(Date.now() - 60_000) });
      expect(await tasks.byIds.all({ ids: [task.id] })).toHaveLength(1);
      await tasks.sweep.run({ before: new Date(Date.now() + 60_000) });
      expect(await tasks.byIds.all({ ids: [task.id] })).toEqual([]);
      expect(await tasks.chunks.all({ taskId: task.id, afterSeq: -1, limit: 10 })).toEqual([]);
      expect(await notifications.after.all({ userId: a.id, afterId: 0, since: new Date(0), limit: 10 })).toEqual([]);
    });
  });

  describe("password resets", () => {
    it("replace keeps one token per user; userFor finds it until it expires; redeem uses it once, sets the password and revokes every session", async () => {
      const a = await newUser();
      await tokens.insertForPassword.get({ userId: a.id, tokenHash: "1".repeat(64), expiresAt: at(100), passwordHash: "hash" });
      await passwordResets.replace.run({ userId: a.id, tokenHash: "o".repeat(64), expiresAt: at(10) });
      await passwordResets.replace.run({ userId: a.id, tokenHash: "n".repeat(64), expiresAt: at(10) });
      expect(await passwordResets.userFor.get({ tokenHash: "o".repeat(64), now: at(0) })).toBeUndefined();
      expect(await passwordResets.userFor.get({ tokenHash: "n".repeat(64), now: at(0) })).toEqual({ userId: a.id });
      expect(await passwordResets.userFor.get({ tokenHash: "n".repeat(64), now: at(10) })).toBeUndefined();
      expect(await passwordResets.redeem("n".repeat(64), at(10), "late")).toBe(false);
      expect(await passwordResets.redeem("n".repeat(64), at(9), "new hash")).toBe(true);
      expect(await passwordResets.redeem("n".repeat(64), at(9), "again")).toBe(false);
      expect((await users.byIds.get({ ids: [a.id] }))!.passwordHash).toBe("new hash");
      expect(await tokens.sessionByHash.get({ tokenHash: "1".repeat(64) })).toBeUndefined();
    });

    it("byEmail finds a user ignoring case", async () => {
      const a = await newUser();
      expect(await users.byEmail.get({ email: a.email.toUpperCase() })).toEqual(a);
      expect(await users.byEmail.get({ email: "nobody@example.com" })).toBeUndefined();
    });
  });

  describe("tokens", () => {
    it("insertForPassword inserts only while the password hash is the one verified", async () => {
      const user = await newUser();
      const token = { userId: user.id, tokenHash: "a".repeat(64), expiresAt: at(60) };
      expect(await tokens.insertForPassword.all({ ...token, passwordHash: "stale" })).toEqual([]);
      expect(await tokens.insertForPassword.all({ ...token, passwordHash: "hash" })).toEqual([{ id: expect.any(Number) }]);
    });

    it("sessionByHash finds the token with its user; delete and deleteExpired forget tokens", async () => {
      const user = await newUser();
      const issue = async (hash: string, expiresAt: Date) =>
        (await tokens.insertForPassword.get({ userId: user.id, tokenHash: hash, expiresAt, passwordHash: "hash" }))!.id;
      const expired = await issue("e".repeat(64), at(1));
      const live = await issue("l".repeat(64), at(100));
      const doomed = await issue("d".repeat(64), at(100));
      expect(await tokens.sessionByHash.get({ tokenHash: "l".repeat(64) })).toEqual({ tokenId: live, expiresAt: at(100), user });
      await tokens.delete.run({ id: doomed });
      await tokens.deleteExpired.run({ userId: user.id, now: at(50) });
      expect(await tokens.sessionByHash.get({ tokenHash: "d".repeat(64) })).toBeUndefined();
      expect(await tokens.sessionByHash.get({ tokenHash: "e".repeat(64) })).toBeUndefined();
      expect((await tokens.sessionByHash.get({ tokenHash: "l".repeat(64) }))!.tokenId).toBe(live);
      expect(expired).not.toBe(live);
    });

    it("liveAmong tells which of the tokens are still there and unexpired", async () => {
      const user = await newUser();
      const issue = async (hash: string, expiresAt: Date) =>
        (await tokens.insertForPassword.get({ userId: user.id, tokenHash: hash, expiresAt, passwordHash: "hash" }))!.id;
      const [soon, later, revoked] = [await issue("s".repeat(64), at(10)), await issue("t".repeat(64), at(100)), await issue("r".repeat(64), at(100))];
      await tokens.delete.run({ id: revoked });
      const live = async (now: Date) => (await tokens.liveAmong.all({ ids: [soon, later, revoked], now })).map((row) => row.id).sort();
      expect(await live(at(5))).toEqual([soon, later].sort());
      expect(await live(at(10))).toEqual([later]);
      expect(await tokens.liveAmong.all({ ids: [], now: at(5) })).toEqual([]);
    });
  });
});
