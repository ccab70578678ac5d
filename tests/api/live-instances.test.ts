import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { openDatabase, type Database } from "../../src/db/database.ts";
import { createServer, type Server } from "../../src/server.ts";
import { graphql } from "../generated/gql.ts";
import { testConfig } from "../helpers/api.ts";
import { engines, executeBeside, migratedDatabase } from "../helpers/database.ts";
import { connect, subscribe, untilSubscribed, type LiveClient } from "../helpers/live.ts";
import { startRelay, throughRelay, type Relay } from "../helpers/proxy.ts";

const Register = graphql(`mutation InstancesRegister ($input: RegisterInput!) { register(input: $input) { token user { id username } } }`);
const Post = graphql(`mutation InstancesPost ($body: String!) { createPost(body: $body) { id } }`);
const Feed = graphql(`subscription InstancesFeed { feedPostAdded { body author { username } } }`);
const Follow = graphql(`mutation InstancesFollow ($username: String!) { follow(username: $username) { user { id } } }`);

/** Another instance of the service: a server of its own, with a pool of its own, over the same database. */
async function instance(database: Database): Promise<{ server: Server; url: string }> {
  const server = await createServer({ config: testConfig(), database });
  const address = await server.app.listen({ host: "127.0.0.1", port: 0 });
  return { server, url: `${address.replace(/^http/, "ws")}/graphql` };
}

async function gql<Data>(server: Server, document: { toString(): string }, variables: object, token?: string): Promise<Data> {
  const response = await server.app.inject({
    method: "POST",
    url: "/graphql",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    payload: { query: document.toString(), variables },
  });
  const body = response.json();
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

let sequence = 0;
async function register(server: Server) {
  sequence += 1;
  const input = { username: `live${sequence}`, email: `live${sequence}@example.com`, password: "correct horse battery" };
  return (await gql<{ register: { token: string; user: { id: string; username: string } } }>(server, Register, { input })).register;
}

describe.runIf(engines.includes("postgres"))("live updates across instances on postgres", () => {
  let a: { server: Server; url: string };
  let b: { server: Server; url: string };
  let relay: Relay;
  let relayed: Database;
  let c: { server: Server; url: string };
  let target: { dialect: "postgres"; url: string };
  let destroy: () => Promise<void>;
  const clients: LiveClient[] = [];

  beforeAll(async () => {
    const migrated = await migratedDatabase("postgres");
    destroy = migrated.destroy;
    target = migrated.target as typeof target;
    a = await instance(migrated.database);
    b = await instance(openDatabase(target));
    const upstream = new URL(target.url);
    relay = await startRelay({ host: upstream.hostname, port: Number(upstream.port || 5432) });
    relayed = openDatabase({ dialect: "postgres", url: throughRelay(target.url, relay) }, { timeouts: loadConfig({}).databaseTimeouts });
    c = await instance(relayed);
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    for (const { server } of [a, b, c].filter(Boolean)) await server.app.close();
    await relay?.close();
    await relayed?.close();
    await destroy?.();
  });

  it("delivers to a subscriber on instance A what a writer on instance B writes; a write that rolls back delivers nothing", async () => {
    const [reader, author] = [await register(a.server), await register(b.server)];
    await gql(b.server, Follow, { username: author.user.username }, reader.token);
    const live = await connect(a.url, { token: reader.token });
    clients.push(live);
    const feed = subscribe(live, Feed);
    await untilSubscribed(a.server, (counts) => counts.feeds === 1);

    await gql(b.server, Post, { body: "written on B" }, author.token);
    expect((await feed.next()).data).toEqual({ feedPostAdded: { body: "written on B", author: { username: author.user.username } } });

    const authorId = Number(Buffer.from(author.user.id, "base64url").toString().split(":")[1]);
    // Statements sent together run in one transaction: the division by zero rolls the insert back.
    await expect(executeBeside(target, `insert into posts (body, user_id) values ('rolled back', ${authorId}); select 1 / 0;`)).rejects.toThrow(/division by zero/);
    await executeBeside(target, `insert into posts (body, user_id) values ('committed beside the API', ${authorId});`);
    // Whoever writes, a committed post is announced; the rolled-back one, written first, never is.
    expect((await feed.next()).data?.feedPostAdded.body).toBe("committed beside the API");
  });

  it("when an instance loses its listening connection, /readyz says so; back, it delivers what was posted meanwhile", async () => {
    const [reader, author] = [await register(c.server), await register(a.server)];
    await gql(a.server, Follow, { username: author.user.username }, reader.token);
    const live = await connect(c.url, { token: reader.token });
    clients.push(live);
    const feed = subscribe(live, Feed);
    await untilSubscribed(c.server, (counts) => counts.feeds === 1);
    const ready = async () => (await c.server.app.inject({ method: "GET", url: "/readyz" })).json();
    expect(await ready()).toMatchObject({ status: "ready", events: "connected" });

    await relay.down();
    const until = Date.now() + 5_000;
    while (relayed.events.isConnected() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
    // /readyz gives the listener a moment to come back before it answers: it is not back.
    expect(await ready()).toMatchObject({ status: "unavailable", events: "disconnected" });

    await gql(a.server, Post, { body: "while C was away" }, author.token);
    await relay.up();
    expect((await feed.next(10_000)).data?.feedPostAdded.body).toBe("while C was away");
    expect(await ready()).toMatchObject({ status: "ready", events: "connected" });
  }, 20_000);
});
