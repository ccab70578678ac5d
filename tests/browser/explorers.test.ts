// The explorers a developer opens, in real headless Chromium (Debian's; .ci/run installs it): GraphiQL
// from this server's own files, with every other host unreachable; Apollo Sandbox without telemetry.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "../../src/server.ts";
import { testConfig } from "../helpers/api.ts";
import { engines, migratedDatabase } from "../helpers/database.ts";

const run = promisify(execFile);
const projectRoot = new URL("../..", import.meta.url).pathname;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

describe.runIf(existsSync(CHROMIUM)).each(engines)("the explorers in Chromium on %s", (engine) => {
  let server: Server;
  let destroy: () => Promise<void>;
  let address: string;
  let browser: Browser;

  beforeAll(async () => {
    // As `npm run build` builds it: the page is served from what the build wrote.
    await run(process.execPath, ["explorer/build.mjs"], { cwd: projectRoot });
    const migrated = await migratedDatabase(engine);
    destroy = migrated.destroy;
    server = await createServer({ config: testConfig({ NODE_ENV: "development" }), database: migrated.database });
    await server.app.listen({ host: "127.0.0.1", port: 0 });
    address = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.app.close();
    await destroy?.();
  });

  /** A page whose requests to any host but this server fail, each one kept in `elsewhere`. */
  async function offlinePage() {
    const context = await browser.newContext();
    const elsewhere: string[] = [];
    const problems: string[] = [];
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.origin === address) return route.continue();
      elsewhere.push(url.href);
      return route.abort("internetdisconnected");
    });
    const page = await context.newPage();
    page.on("console", (message) => void (message.type() === "error" && problems.push(message.text())));
    page.on("pageerror", (error) => void problems.push(error.message));
    return { context, page, elsewhere, problems };
  }

  it("when GraphiQL is opened with the network closed to all but this server, then it loads, runs { posts { totalCount } } and shows the answer", async () => {
    const { context, page, elsewhere, problems } = await offlinePage();
    try {
      const response = await page.goto(`${address}/graphiql?query=${encodeURIComponent("{ posts { totalCount } }")}`);
      expect(response?.status()).toBe(200);
      expect(response?.headers()["content-security-policy"]).toContain("default-src 'self'");
      await page.locator(".graphiql-execute-button").click();
      const result = page.locator(".result-window");
      await result.getByText('"totalCount": 0').waitFor({ timeout: 15_000 });
      expect(await result.innerText()).toContain('"posts"');
      expect(elsewhere).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it("when the landing page (Apollo Sandbox) is opened offline, then it is served with telemetry off, and its link leads to GraphiQL", async () => {
    const { context, page } = await offlinePage();
    try {
      const response = await page.goto(`${address}/graphql`);
      expect(response?.status()).toBe(200);
      const html = await response!.text();
      expect(html).toContain("EmbeddedSandbox");
      expect(html).toContain('"runTelemetry":false');
      expect(html).not.toContain('"runTelemetry":true');
      // A nonce of its own for each answer, as the page's Content-Security-Policy needs.
      const nonce = (page: string) => /nonce=["']?([\w+/=-]+)/.exec(page)?.[1];
      const again = await (await fetch(`${address}/graphql`, { headers: { accept: "text/html" } })).text();
      expect(nonce(html)).toBeDefined();
      expect(nonce(again)).toBeDefined();
      expect(nonce(again)).not.toBe(nonce(html));
      await page.getByRole("link", { name: "Offline? Open GraphiQL" }).click();
      await page.locator(".graphiql-execute-button").waitFor({ timeout: 15_000 });
      expect(new URL(page.url()).pathname).toBe("/graphiql");
    } finally {
      await context.close();
    }
  }, 60_000);

  it("when the server's root is opened, then it points to both explorers", async () => {
    const root = await (await fetch(`${address}/`)).json();
    expect(root).toMatchObject({ graphql: "/graphql", explorer: "/graphql", offlineExplorer: "/graphiql" });
  });
});
