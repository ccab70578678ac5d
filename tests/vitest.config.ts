import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("..", import.meta.url)),
  resolve: {
    // graphql 16 ships CommonJS ("main") and ESM ("module") copies. Node, and so Apollo, loads the
    // CommonJS one; Vite would hand our code the other, and two copies of GraphQLError break
    // `instanceof`. Resolve it as Node does, so the tests run what production runs.
    alias: [{ find: /^graphql$/, replacement: createRequire(import.meta.url).resolve("graphql") }],
  },
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    hookTimeout: 30_000,
  },
});
