import { auditServer } from "graphql-http";
import { describe, expect, it } from "vitest";
import { useTestApi } from "../helpers/api.ts";
import { engines } from "../helpers/database.ts";

/**
 * What the audits flag and we keep, each on purpose:
 * - 572B, FDE2, 7B9B (warnings): for the legacy `application/json` response type the spec says a
 *   request that fails to parse, validate or coerce its variables SHOULD still get HTTP 200. Apollo
 *   Server answers 400, as the spec requires for `application/graphql-response+json`; clients read
 *   the body either way, and our request limits rely on being a 4xx.
 * - 5A70, D6D5, 6A70 (notices: "MAY accept" plain GETs, with variables): CSRF prevention refuses a
 *   GET that carries no header a browser form could not send (`apollo-require-preflight`, or a
 *   JSON content type).
 */
const KNOWN = { warn: ["572B", "7B9B", "FDE2"], notice: ["5A70", "6A70", "D6D5"] };

describe.each(engines)("GraphQL over HTTP conformance on %s", (engine) => {
  const api = useTestApi(engine);

  it("when graphql-http's server audits run against the real HTTP server, then none fails and every warning is a known choice", async () => {
    const address = await api.server.app.listen({ host: "127.0.0.1", port: 0 });
    const results = await auditServer({ url: `${address}/graphql` });
    const ids = (status: string) => results.filter((result) => result.status === status).map((result) => result.id).sort();
    expect(results.filter((result) => result.status === "error").map((result) => `${result.id} ${result.name}`)).toEqual([]);
    expect(ids("warn")).toEqual(KNOWN.warn);
    expect(KNOWN.notice).toEqual(expect.arrayContaining(ids("notice")));
  });
});
