import { describe, expect, it } from "vitest";
import { useTestApi } from "../helpers/api.ts";
import { engines, selectBeside } from "../helpers/database.ts";
import { registerUser } from "../helpers/factories.ts";
import { graphql } from "../generated/gql.ts";

const LOGIN = graphql(`mutation SessionsLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }`);
const CHANGE_PASSWORD = graphql(`mutation SessionsChangePassword ($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }`);

describe.each(engines)("sessions and password changes on %s", (engine) => {
  const api = useTestApi(engine);

  it("when 50 logins with the old password race a password change, then none of them is left with a working session", async () => {
    const user = await registerUser(api, { password: "the old password" });
    const logins = Array.from({ length: 50 }, (_, i) =>
      new Promise((resolve) => setTimeout(resolve, i * 3)).then(() =>
        api.gql(LOGIN, { variables: { username: user.username, password: "the old password" } }),
      ),
    );
    const change = api.gql(CHANGE_PASSWORD, { variables: { current: "the old password", next: "the new password" }, token: user.token });
    const [changed, ...answers] = await Promise.all([change, ...logins]);
    expect(changed.data).toEqual({ changePassword: true });
    // Some logins finish before the change and some after; which is a matter of timing. What is not:
    expect(answers.every((answer) => answer.data?.login || answer.errors?.[0]?.extensions?.code === "UNAUTHENTICATED")).toBe(true);
    const tokens = answers.flatMap((answer) => (answer.data?.login ? [answer.data.login.token as string] : []));
    for (const token of tokens) {
      expect((await api.gql(graphql(`query SessionsMe { me { id } }`), { token })).status).toBe(401);
    }
    // The token that changed the password is the user's only session.
    expect(await selectBeside(api.target, `select count(*) as n from tokens where user_id = ${user.rowId}`)).toEqual([{ n: engine === "postgres" ? "1" : 1 }]);
    expect((await api.gql(graphql(`query SessionsMe { me { id } }`), { token: user.token })).status).toBe(200);
    expect((await api.gql(LOGIN, { variables: { username: user.username, password: "the new password" } })).data?.login.token).toBeTruthy();
  }, 30_000);
});
