import Sqlite from "better-sqlite3";
import { spawn } from "node:child_process";
import { WORST } from "./bench/operations.ts";
const path = "bench/data/u10000_p100000_f50_s1.db";
const which = process.argv[2] ?? "feeds";
const raw = new Sqlite(path);
raw.exec("delete from users where username = 'prof_whale'");
const child = spawn(process.execPath, ["--cpu-prof", "--cpu-prof-dir=/tmp/exp/prof", "dist/main.js"], { env: { ...process.env, NODE_ENV: "production", DATABASE_URL: `file:${path}`, PORT: "0", HOST: "127.0.0.1" }, stdio: ["ignore", "pipe", "pipe"] });
let out = ""; child.stdout.on("data", (d) => (out += d));
for (;;) { await new Promise((r) => setTimeout(r, 100)); if (/GraphQL API on/.test(out)) break; }
const address = /GraphQL API on (http:\/\/[^/\s]+)/.exec(out)![1];
const gql = async (query: string, variables = {}, token?: string) => (await (await fetch(`${address}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) })).json()) as any;
const reg = await gql(`mutation ($i: RegisterInput!) { register(input: $i) { token user { id } } }`, { i: { username: "prof_whale", email: "pw@example.com", password: "whale password" } });
const { token, user } = reg.data.register;
raw.exec(`insert into followers (follower_id, followed_id) select ${user.id}, id from users where id <> ${user.id} order by id limit 5000`);
const op = WORST.find((o) => o.name === which)!;
const t = performance.now();
for (let i = 0; i < 40; i++) { const r = await gql(op.query, {}, op.signedIn ? token : undefined); if (r.errors) throw new Error(JSON.stringify(r.errors)); }
console.log(which, ((performance.now() - t) / 40).toFixed(1), "ms each");
child.kill("SIGTERM"); await new Promise((r) => child.once("exit", r));
raw.exec("delete from users where username = 'prof_whale'"); raw.close();
