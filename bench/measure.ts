// Driving a server with load and timing single requests: what every benchmark below measures with.
import { Agent, request as httpRequest } from "node:http";
import autocannon from "autocannon";
import type { TypedDocumentString } from "../tests/generated/graphql.ts";

export interface Load {
  /** Under load: `connections` clients at once (autocannon's latencies are whole milliseconds). */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** One client, one request at a time, timed to the microsecond: what each request costs alone. */
  serialP50Ms: number;
}

/** One HTTP request, sent again and again; `Data` is what its answer's `data` holds. */
export interface Request<Data = unknown> {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Only a type: what `once` returns. */
  readonly answer?: Data;
}

/** A POST to /graphql: of a typed document, whose answer is then typed, or of a plain query. */
export function graphql<Data, Variables>(
  document: TypedDocumentString<Data, Variables> | string,
  variables?: Variables,
  token?: string,
): Request<Data> {
  return {
    method: "POST",
    path: "/graphql",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: String(document), variables: variables ?? {} }),
  };
}

export function rest(path: string, token?: string): Request {
  return { method: "GET", path, headers: token ? { authorization: `Bearer ${token}` } : {} };
}

/** The answer's data for one request; refuses anything but a 200 without errors. */
export async function once<Data>(address: string, request: Request<Data>): Promise<Data> {
  const response = await fetch(address + request.path, { method: request.method, headers: request.headers, body: request.body });
  const body = (await response.json()) as { data?: Data; errors?: unknown };
  if (response.status !== 200 || body.errors || body.data === undefined) {
    throw new Error(`${request.path}: ${response.status} ${JSON.stringify(body)}`);
  }
  return body.data;
}

export const autocannonOptions = (address: string, request: Request, connections: number) => ({
  url: address + request.path,
  method: request.method,
  headers: request.headers,
  body: request.body,
  connections,
});

/** Loads the server for `seconds`; refuses any answer but a 2xx, an error or a time-out. */
export async function drive(options: ReturnType<typeof autocannonOptions>, seconds: number) {
  const result = await autocannon({ ...options, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${options.url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} time-outs`);
  }
  return result;
}

export async function load(address: string, request: Request, { seconds, connections }: { seconds: number; connections: number }): Promise<Load> {
  const options = autocannonOptions(address, request, connections);
  await drive(options, 1); // warm up: JIT, statement caches, connections
  const result = await drive(options, seconds);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    serialP50Ms: (await serialP50s([{ address, request }]))[0]!,
  };
}

/** A server and what it is asked, as one side of an interleaved measurement. */
export interface Side {
  address: string;
  request: Request;
  /** The server process's CPU time so far (user and system), in seconds. */
  cpuSeconds(): number;
}

/** One side's figures over the rounds: each round's, and their median. */
export interface RoundsLoad extends Load {
  /** Req/s in each round, in the order the rounds ran (unrounded: the ratios are taken from them). */
  rounds: number[];
  /** The server process's CPU time per request (median of the rounds), in µs: its own work, not the database server's. */
  cpuMicrosPerRequest: number;
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * The sides (the API, the baseline, a peer: all up at once) loaded in turn, `rounds` times, each
 * round starting one further along, so that whatever else the machine does over the run weighs on
 * every side alike; then their one-client p50s, taken in turn. Ratios are taken round by round.
 */
export async function interleaved(sides: Side[], { rounds, seconds, connections }: { rounds: number; seconds: number; connections: number }): Promise<RoundsLoad[]> {
  const options = sides.map(({ address, request }) => autocannonOptions(address, request, connections));
  for (const option of options) await drive(option, 1); // warm up: JIT, statement caches, connections
  const figures = sides.map(() => ({ rps: [] as number[], cpu: [] as number[], p50: [] as number[], p99: [] as number[], requests: 0 }));
  for (let round = 0; round < rounds; round++) {
    for (let turn = 0; turn < sides.length; turn++) {
      const index = (round + turn) % sides.length;
      const cpuBefore = sides[index]!.cpuSeconds();
      const result = await drive(options[index]!, seconds);
      const cpu = sides[index]!.cpuSeconds() - cpuBefore;
      const figure = figures[index]!;
      figure.rps[round] = result.requests.average;
      figure.cpu.push((cpu * 1e6) / result.requests.total);
      figure.p50.push(result.latency.p50);
      figure.p99.push(result.latency.p99);
      figure.requests += result.requests.total;
    }
  }
  const serial = await serialP50s(sides.map(({ address, request }) => ({ address, request })));
  return figures.map((figure, index) => ({
    requestsPerSecond: Math.round(median(figure.rps)),
    rounds: figure.rps,
    p50Ms: median(figure.p50),
    p99Ms: median(figure.p99),
    requests: figure.requests,
    serialP50Ms: serial[index]!,
    cpuMicrosPerRequest: Math.round(median(figure.cpu)),
  }));
}

/** The median of the rounds' ratios of `ours` to `floor`, and their spread. */
export function roundRatios(ours: RoundsLoad, floor: RoundsLoad): { ratio: number; low: number; high: number } {
  const ratios = ours.rounds.map((rps, round) => rps / floor.rounds[round]!);
  return { ratio: round(median(ratios)), low: round(Math.min(...ratios)), high: round(Math.max(...ratios)) };
}

/**
 * The median time of each request, sent one at a time for `seconds`, each over a kept-alive
 * connection of its own. Given several, it takes them in turn, so that whatever else the machine
 * does meanwhile weighs on each alike: what their ratio needs.
 */
export async function serialP50s(targets: { address: string; request: Request }[], seconds = 2): Promise<number[]> {
  const clients = targets.map(({ address, request }) => ({
    url: new URL(address + request.path),
    request,
    agent: new Agent({ keepAlive: true, maxSockets: 1 }),
    times: [] as number[],
  }));
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    for (const { url, request, agent, times } of clients) {
      const started = performance.now();
      await new Promise<void>((resolve, reject) => {
        const outgoing = httpRequest(
          { host: url.hostname, port: url.port, path: url.pathname + url.search, method: request.method, headers: request.headers, agent },
          (response) => {
            response.resume();
            response.once("end", () => (response.statusCode === 200 ? resolve() : reject(new Error(`${request.path}: ${response.statusCode}`))));
          },
        );
        outgoing.once("error", reject);
        outgoing.end(request.body);
      });
      times.push(performance.now() - started);
    }
  }
  return clients.map(({ times, agent }) => {
    agent.destroy();
    times.sort((a, b) => a - b);
    return round(times[Math.floor(times.length / 2)]!, 3);
  });
}

/** Sends `request` over and over until `until`, one at a time; the latency of each, in ms. */
export async function loop(address: string, request: Request, until: number): Promise<number[]> {
  const times: number[] = [];
  while (performance.now() < until) {
    const started = performance.now();
    await once(address, request);
    times.push(performance.now() - started);
  }
  return times;
}

export function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0, 1);
}

export function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}
