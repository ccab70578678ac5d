import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import type { FastifyInstance } from "fastify";

/** Where `npm run build` puts the self-hosted GraphiQL (explorer/build.mjs). */
const BUILT = fileURLToPath(new URL("../dist/graphiql/", import.meta.url));

const FILES = {
  "/graphiql": { file: "index.html", type: "text/html; charset=utf-8" },
  "/graphiql/graphiql.js": { file: "graphiql.js", type: "text/javascript; charset=utf-8" },
  "/graphiql/graphiql.css": { file: "graphiql.css", type: "text/css; charset=utf-8" },
};

/**
 * Only this server's own files: what the page would fetch from anywhere else (a CDN, a font) the
 * browser refuses, so the explorer works offline or it visibly does not.
 */
const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'";

/**
 * Serves the GraphiQL explorer built from its npm packages at /graphiql: for developing offline,
 * behind a proxy or in an air-gapped network, where Apollo Sandbox (loaded from Apollo's CDN) cannot
 * load. Read once at start-up; when it has not been built, /graphiql says how to build it.
 */
export function serveExplorer(app: FastifyInstance): void {
  const built = existsSync(`${BUILT}index.html`);
  const contents = new Map(
    built ? Object.entries(FILES).map(([path, { file, type }]) => [path, { body: readFileSync(`${BUILT}${file}`), type }]) : [],
  );
  for (const path of Object.keys(FILES)) {
    app.get(path, async (_, reply) => {
      const content = contents.get(path);
      if (!content) return reply.code(404).send({ message: "The explorer is not built: run `npm run build`." });
      return reply.type(content.type).header("content-security-policy", CONTENT_SECURITY_POLICY).header("cache-control", "no-cache").send(content.body);
    });
  }
}

/**
 * Shown on the Sandbox page, which loads from Apollo's CDN: where to go when it cannot. Styled
 * under the nonce of the page's own styles, which its Content-Security-Policy requires.
 */
function withOfflineLink(html: string): string {
  const nonce = /nonce=["']?([\w+/=-]+)/.exec(html)?.[1];
  const style =
    "#offline-explorer{position:fixed;right:12px;bottom:12px;z-index:2147483647;font:13px system-ui,sans-serif;" +
    "color:#fff;background:#15252d;padding:6px 10px;border-radius:4px;text-decoration:none}";
  const link = `<style${nonce ? ` nonce="${nonce}"` : ""}>${style}</style><a id="offline-explorer" href="/graphiql">Offline? Open GraphiQL</a>`;
  const end = html.lastIndexOf("</body>");
  return end === -1 ? html + link : html.slice(0, end) + link + html.slice(end);
}

/**
 * Apollo Sandbox as the development landing page, without Apollo's telemetry, and with a link to
 * /graphiql for when its CDN cannot be reached.
 */
export function sandboxLandingPage(): ApolloServerPlugin {
  const sandbox = ApolloServerPluginLandingPageLocalDefault({ embed: { runTelemetry: false } });
  return {
    async serverWillStart(service) {
      const listener = await sandbox.serverWillStart!(service);
      return {
        async renderLandingPage() {
          const page = await listener!.renderLandingPage!();
          // Rendered per request, as Apollo's page is: each answer gets a nonce of its own.
          return { html: async () => withOfflineLink(typeof page.html === "string" ? page.html : await page.html()) };
        },
      };
    },
  };
}
