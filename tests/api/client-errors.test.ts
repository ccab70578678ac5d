import { connect } from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "../../src/server.ts";
import { graphql } from "../generated/gql.ts";
import { testConfig, useTestApi } from "../helpers/api.ts";
import { engines, migratedDatabase } from "../helpers/database.ts";
import { registerUser } from "../helpers/factories.ts";

const REGISTER = graphql(`mutation ClientErrorsRegister($input: RegisterInput!) { register(input: $input) { token } }`);
const UPDATE_PROFILE = graphql(`mutation ClientErrorsUpdateProfile($input: UpdateProfileInput!) { updateProfile(input: $input) { username } }`);
const CHANGE_PASSWORD = graphql(`mutation ClientErrorsChangePassword($current: String!, $new: String!) {
  changePassword(currentPassword: $current, newPassword: $new)
}`);
const LOGIN = graphql(`mutation ClientErrorsLogin($username: String!, $password: String!) { login(username: $username, password: $password) { token } }`);

/** Only what a GraphQL client reads: each error's message and extensions, nothing of Fastify's shape. */
function expectGraphQLShaped(body: unknown, code: string) {
  expect(body).toEqual({ errors: [{ message: expect.any(String), extensions: { code } }] });
}

describe.each(engines)("errors a client can act on, on %s", (engine) => {
  const api = useTestApi(engine, { env: { BODY_LIMIT_BYTES: "2048", CORS_ORIGINS: "https://app.example" } });
  const post = (headers: Record<string, string>, payload: string) =>
    api.server.app.inject({ method: "POST", url: "/graphql", headers, payload });

  describe("what HTTP refuses before GraphQL runs", () => {
    it("when the body is not JSON, or empty, then HTTP 400 BAD_REQUEST, GraphQL-shaped", async () => {
      for (const payload of ["{oops", ""]) {
        const response = await post({ "content-type": "application/json" }, payload);
        expect(response.statusCode).toBe(400);
        expect(response.headers["content-type"]).toMatch(/^application\/json/);
        expectGraphQLShaped(response.json(), "BAD_REQUEST");
      }
    });

    it("when the body is of a type the server does not read, then HTTP 415 UNSUPPORTED_MEDIA_TYPE", async () => {
      const response = await post({ "content-type": "text/xml" }, "<query/>");
      expect(response.statusCode).toBe(415);
      expectGraphQLShaped(response.json(), "UNSUPPORTED_MEDIA_TYPE");
      expect(response.json().errors[0].message).toContain("application/json");
    });

    it("when the body is one byte over the limit, then HTTP 413 PAYLOAD_TOO_LARGE naming the limit; at the limit, it runs", async () => {
      const payload = (size: number) => {
        const empty = JSON.stringify({ query: "{ me { id } }\n#" });
        return JSON.stringify({ query: `{ me { id } }\n#${"x".repeat(size - empty.length)}` });
      };
      expect((await post({ "content-type": "application/json" }, payload(2048))).statusCode).toBe(200);
      const response = await post({ "content-type": "application/json" }, payload(2049));
      expect(response.statusCode).toBe(413);
      expectGraphQLShaped(response.json(), "PAYLOAD_TOO_LARGE");
      expect(response.json().errors[0].message).toContain("2048 bytes");
    });

    it("when /graphql is asked with another method, then HTTP 405 METHOD_NOT_ALLOWED with the methods it answers", async () => {
      const response = await api.server.app.inject({ method: "PUT", url: "/graphql", payload: "{}" });
      expect(response.statusCode).toBe(405);
      expect(response.headers.allow).toBe("GET, POST, OPTIONS");
      expectGraphQLShaped(response.json(), "METHOD_NOT_ALLOWED");
    });

    it("when a subscription is sent over HTTP, then HTTP 400 BAD_REQUEST saying so, not an internal error", async () => {
      const response = await api.gql(`subscription { feedPostAdded { id } }`);
      expect(response.status).toBe(400);
      expect(response.errors).toEqual([
        expect.objectContaining({ message: expect.stringContaining("Subscriptions are not served over HTTP"), extensions: { code: "BAD_REQUEST" } }),
      ]);
    });

    it("when operationName names no operation of the document, then HTTP 400 OPERATION_RESOLUTION_FAILURE and nothing runs, by POST or GET, however often", async () => {
      const query = `mutation Named { register(input: { username: "ghost", email: "ghost@example.com", password: "password1" }) { token } }`;
      // Three times: operations run on graphql-js first, then compiled.
      for (let attempt = 0; attempt < 3; attempt++) {
        const byPost = await post({ "content-type": "application/json" }, JSON.stringify({ query, operationName: "Nope" }));
        expect(byPost.statusCode).toBe(400);
        expect(byPost.json()).toEqual({ errors: [{ message: 'Unknown operation named "Nope".', extensions: { code: "OPERATION_RESOLUTION_FAILURE" } }] });
        const byGet = await api.server.app.inject({
          method: "GET",
          url: `/graphql?${new URLSearchParams({ query, operationName: "Nope" })}`,
          headers: { "apollo-require-preflight": "true" },
        });
        expect(byGet.statusCode).toBe(400);
        expect(byGet.json().errors[0].extensions.code).toBe("OPERATION_RESOLUTION_FAILURE");
      }
      const login = await api.gql(LOGIN, { variables: { username: "ghost", password: "password1" } });
      expect(login.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    });

    it("when an operation is sent again and again, then it answers the same on graphql-js (its first run) and compiled (after), errors included", async () => {
      const token = (await api.gql(REGISTER, { variables: { input: { username: "again", email: "again@example.com", password: "password1" } } })).data!.register.token;
      const answers = [];
      for (let attempt = 0; attempt < 3; attempt++) {
        answers.push(await api.gql(UPDATE_PROFILE, { variables: { input: { username: "no spaces allowed", aboutMe: "x".repeat(141) } }, token }));
      }
      expect(answers[0]!.errors?.map((error) => error.extensions)).toEqual([
        { code: "BAD_USER_INPUT", field: "username" },
        { code: "BAD_USER_INPUT", field: "aboutMe" },
      ]);
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    });

    it("when a path that is not served is asked for, then a plain JSON 404 naming it, without its query string", async () => {
      const response = await api.server.app.inject({ method: "GET", url: "/nope?token=secret" });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ message: "Nothing at GET /nope." });
    });

    it("when the server's root is opened, then a short JSON pointer to /graphql", async () => {
      const response = await api.server.app.inject({ method: "GET", url: "/" });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ graphql: "/graphql" });
    });
  });

  describe("every invalid field at once, in input order", () => {
    it("when register gets three invalid fields, then three BAD_USER_INPUT errors: username, email, password", async () => {
      const response = await api.gql(REGISTER, { variables: { input: { username: "no spaces", email: "nope", password: "short" } } });
      expect(response.status).toBe(200);
      expect(response.data).toBeNull();
      expect(response.errors?.map((error) => error.extensions)).toEqual([
        { code: "BAD_USER_INPUT", field: "username" },
        { code: "BAD_USER_INPUT", field: "email" },
        { code: "BAD_USER_INPUT", field: "password" },
      ]);
      expect(response.errors?.every((error) => error.path?.[0] === "register")).toBe(true);
    });

    it("when register gets one invalid field among valid ones, then that one error", async () => {
      const response = await api.gql(REGISTER, { variables: { input: { username: "fine_name", email: "fine@example.com", password: "short" } } });
      expect(response.errors?.map((error) => error.extensions)).toEqual([{ code: "BAD_USER_INPUT", field: "password" }]);
    });

    it("when updateProfile gets an invalid username and about-me, then both, username first", async () => {
      const user = await registerUser(api);
      const response = await api.gql(UPDATE_PROFILE, { variables: { input: { username: "no spaces", aboutMe: "x".repeat(141) } }, token: user.token });
      expect(response.errors?.map((error) => error.extensions)).toEqual([
        { code: "BAD_USER_INPUT", field: "username" },
        { code: "BAD_USER_INPUT", field: "aboutMe" },
      ]);
    });

    it("when changePassword gets a wrong current password and a refused new one, then both, the current one first; nothing changes", async () => {
      const user = await registerUser(api);
      const response = await api.gql(CHANGE_PASSWORD, { variables: { current: "not my password", new: "short" }, token: user.token });
      expect(response.errors?.map((error) => [error.extensions?.field, error.message])).toEqual([
        ["currentPassword", "The current password is incorrect."],
        ["newPassword", expect.any(String)],
      ]);
      const login = await api.gql(LOGIN, { variables: { username: user.username, password: user.password } });
      expect(login.errors).toBeUndefined();
    });
  });

  describe("what a browser's code may read", () => {
    it("when a response is read from an allowed origin, then Retry-After and WWW-Authenticate are exposed to it", async () => {
      const response = await api.server.app.inject({
        method: "POST",
        url: "/graphql",
        headers: { "content-type": "application/json", origin: "https://app.example" },
        payload: JSON.stringify({ query: "{ me { id } }" }),
      });
      expect(response.headers["access-control-allow-origin"]).toBe("https://app.example");
      const exposed = String(response.headers["access-control-expose-headers"]).toLowerCase().split(/,\s*/);
      expect(exposed).toEqual(expect.arrayContaining(["retry-after", "www-authenticate"]));
    });
  });
});

describe.each(engines)("RATE_LIMITED on %s", (engine) => {
  const api = useTestApi(engine, { env: { LOGIN_USERNAME_RATE_LIMIT: "2" } });

  it("when sign-ins are limited, then the error carries retryAfterSeconds, the same as Retry-After", async () => {
    const user = await registerUser(api);
    const attempt = () => api.gql(LOGIN, { variables: { username: user.username, password: "wrong password" } });
    await attempt();
    await attempt();
    const limited = await attempt();
    expect(limited.status).toBe(429);
    const extensions = limited.errors?.[0]?.extensions as { code?: string; retryAfterSeconds?: number } | undefined;
    expect(extensions?.code).toBe("RATE_LIMITED");
    expect(extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(extensions?.retryAfterSeconds).toBe(Number(limited.headers["retry-after"]));
  });
});

describe.each(engines)("a WebSocket upgrade on %s, over a real socket", (engine) => {
  let server: Server;
  let destroy: () => Promise<void>;
  let port: number;
  const logged: string[] = [];

  beforeAll(async () => {
    const migrated = await migratedDatabase(engine);
    destroy = migrated.destroy;
    server = await createServer({
      config: testConfig({ LOG_LEVEL: "info" }),
      database: migrated.database,
      logDestination: { write: (line) => void logged.push(line) },
    });
    await server.app.listen({ host: "127.0.0.1", port: 0 });
    port = (server.app.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await server?.app.close();
    await destroy?.();
  });

  it.each(["/", "/graphiql"])("when a client asks %s to upgrade to a WebSocket, then HTTP 400 saying where sockets are served, and no fault is logged", async (path) => {
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.write(
          [
            `GET ${path} HTTP/1.1`,
            `Host: 127.0.0.1:${port}`,
            "Connection: Upgrade",
            "Upgrade: websocket",
            "Sec-WebSocket-Version: 13",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
            "Sec-WebSocket-Protocol: graphql-transport-ws",
            "",
            "",
          ].join("\r\n"),
        );
      });
      let received = "";
      socket.on("data", (chunk) => {
        received += chunk.toString();
        if (received.includes("\r\n\r\n") && received.trimEnd().endsWith("}")) socket.end();
      });
      socket.on("end", () => resolve(received));
      socket.on("error", reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    const body = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4));
    expect(body).toEqual({ errors: [{ message: expect.stringContaining("served at /graphql only"), extensions: { code: "BAD_REQUEST" } }] });
    expect(logged.filter((line) => /"level":(50|60)/.test(line))).toEqual([]);
  });
});
