// The PostgreSQL listener when its connection is lost: it comes back by itself, and what was
// committed meanwhile is handed out once, even while new events keep coming.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { openEngine } from "../../src/db/database.ts";
import type { EngineConnection } from "../../src/db/contract.ts";
import type { LiveEvent } from "../../src/events/events.ts";
import { engines, executeBeside, migratedDatabase, selectBeside } from "../helpers/database.ts";
import { startRelay, throughRelay, type Relay } from "../helpers/proxy.ts";

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.runIf(engines.includes("postgres"))("the listener on postgres", () => {
  let target: { dialect: "postgres"; url: string };
  let destroy: () => Promise<void>;
  let relay: Relay;
  let engine: EngineConnection;
  let author: number;
  const heard: LiveEvent[] = [];
  let duringResync: (() => Promise<void>) | undefined;
  let resyncs = 0;

  beforeAll(async () => {
    const migrated = await migratedDatabase("postgres");
    target = migrated.target as typeof target;
    destroy = async () => {
      await migrated.database.close();
      await migrated.destroy();
    };
    await executeBeside(target, `insert into users (username, email) values ('author', 'author@example.com')`);
    author = Number((await selectBeside(target, `select id from users where username = 'author'`))[0]!.id);
    const upstream = new URL(target.url);
    relay = await startRelay({ host: upstream.hostname, port: Number(upstream.port || 5432) });
    engine = openEngine({ dialect: "postgres", url: throughRelay(target.url, relay) }, { timeouts: loadConfig({}).databaseTimeouts });
    engine.events.listen({
      event: (event) => void heard.push(event),
      async resync() {
        resyncs += 1;
        await duringResync?.();
      },
    });
    await until(() => engine.events.isConnected());
  });

  afterAll(async () => {
    await engine?.close();
    await relay?.close();
    await destroy?.();
  });

  const post = async (body: string) => {
    await executeBeside(target, `insert into posts (body, user_id) values ('${body}', ${author})`);
    return Number((await selectBeside(target, `select id from posts where body = '${body}'`))[0]!.id);
  };
  const postsHeard = () => heard.filter((event) => event.type === "post").map((event) => event.id);

  it("hands out once what was committed while it was away, and what comes while it catches up", async () => {
    const before = await post("before");
    await until(() => postsHeard().includes(before));
    await relay.down();
    await until(() => !engine.events.isConnected());
    const missed = [await post("missed 1"), await post("missed 2")];
    let live: number | undefined;
    // While the listeners resync, a new post is committed and heard live: the replay still starts
    // from where the connection was lost.
    duringResync = async () => {
      live = await post("while catching up");
      await until(() => postsHeard().includes(live!));
    };
    await relay.up();
    await until(() => engine.events.isConnected());
    duringResync = undefined;
    expect(resyncs).toBe(1);
    expect(postsHeard()).toEqual([before, live, ...missed]);
  });

  it("after being away, when nothing was missed, hears on as before", async () => {
    await relay.down();
    await until(() => !engine.events.isConnected());
    await relay.up();
    await until(() => engine.events.isConnected());
    const after = await post("after");
    await until(() => postsHeard().includes(after));
    expect(postsHeard().filter((id) => id === after)).toHaveLength(1);
  });
});
