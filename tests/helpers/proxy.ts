import { createServer, connect, type Server, type Socket } from "node:net";

/**
 * A TCP relay on a port of its own to a real server (PostgreSQL), which a test can take down and
 * bring back: what a client sees when the database restarts or is not up yet, without stopping the
 * server other test files use.
 */
export interface Relay {
  port: number;
  /** Accepts connections again and relays them. */
  up(): Promise<void>;
  /** Refuses new connections and breaks every open one, as a server that stopped would. */
  down(): Promise<void>;
  close(): Promise<void>;
}

/** A relay to `target`, reserving a free port; it starts down unless `up` is true. */
export async function startRelay(target: { host: string; port: number }, { up = true } = {}): Promise<Relay> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  const reserve = createServer();
  const port = await new Promise<number>((resolve) =>
    reserve.listen(0, "127.0.0.1", () => resolve((reserve.address() as { port: number }).port)),
  );
  await new Promise((resolve) => reserve.close(resolve));

  const relay: Relay = {
    port,
    async up() {
      if (server) return;
      server = createServer((client) => {
        const upstream = connect(target.port, target.host);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => {});
        }
        client.pipe(upstream).pipe(client);
        client.on("close", () => upstream.destroy());
        upstream.on("close", () => client.destroy());
      });
      await new Promise<void>((resolve) => server!.listen(port, "127.0.0.1", resolve));
    },
    async down() {
      const stopping = server;
      server = undefined;
      for (const socket of sockets) socket.destroy();
      if (stopping) await new Promise((resolve) => stopping.close(resolve));
    },
    close: () => relay.down(),
  };
  if (up) await relay.up();
  return relay;
}

/** The URL of `url`'s database reached through the relay. */
export function throughRelay(url: string, relay: Relay): string {
  const relayed = new URL(url);
  relayed.hostname = "127.0.0.1";
  relayed.port = String(relay.port);
  return relayed.toString();
}
