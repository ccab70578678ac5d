// Builds the self-hosted GraphiQL (explorer/entry.mjs) into dist/graphiql/: `npm run build` runs it.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const out = fileURLToPath(new URL("../dist/graphiql/", import.meta.url));
mkdirSync(out, { recursive: true });
await build({
  entryPoints: { graphiql: fileURLToPath(new URL("entry.mjs", import.meta.url)) },
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2022",
  outdir: out,
  // Only with a subscriptionUrl, which this page does not pass, would the fetcher load graphql-ws.
  external: ["graphql-ws"],
  define: { "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});
writeFileSync(
  `${out}index.html`,
  `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>GraphiQL · microblog</title>
    <link rel="stylesheet" href="/graphiql/graphiql.css">
    <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script type="module" src="/graphiql/graphiql.js"></script>
  </body>
</html>
`,
);
