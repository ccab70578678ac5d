import { beforeAll, describe, expect, it } from "vitest";
import { useTestApi } from "../helpers/api.ts";
import { engines } from "../helpers/database.ts";
import { registerUser, type RegisteredUser } from "../helpers/factories.ts";
import { graphql } from "../generated/gql.ts";

const UPDATE = graphql(`mutation ProfileUpdateProfile ($input: UpdateProfileInput!) { updateProfile(input: $input) { username aboutMe } }`);
const PROFILE = graphql(`query ProfileUser ($username: String!) { user(username: $username) { username aboutMe lastSeen } }`);
const CHANGE_PASSWORD = graphql(`mutation ProfileChangePassword ($currentPassword: String!, $newPassword: String!) {
  changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
}`);
const LOGIN = graphql(`mutation ProfileLogin ($username: String!, $password: String!) { login(username: $username, password: $password) { token } }`);
const ME = graphql(`query ProfileMe { me { username lastSeen } }`);

describe.each(engines)("profiles on %s", (engine) => {
  const api = useTestApi(engine);
  let user: RegisteredUser;
  let other: RegisteredUser;

  beforeAll(async () => {
    user = await registerUser(api, { username: "Writer" });
    other = await registerUser(api, { username: "Taken.Name" });
  });

  const update = (input: Record<string, unknown>, token = user.token) => api.gql(UPDATE, { token, variables: { input } });

  it("when about me is set, then it is trimmed, kept and shown to everyone", async () => {
    const response = await update({ aboutMe: "  I write short things.\nMostly.  " });
    expect(response.data!.updateProfile).toEqual({ username: "Writer", aboutMe: "I write short things.\nMostly." });
    const profile = await api.gql(PROFILE, { variables: { username: "writer" } });
    expect(profile.data!.user!.aboutMe).toBe("I write short things.\nMostly.");
  });

  it("when about me is absent, then it is left as it is", async () => {
    await update({ aboutMe: "still here" });
    const response = await update({});
    expect(response.data!.updateProfile.aboutMe).toBe("still here");
  });

  it.each([null, "", "   "])("when about me is %j, then it is cleared", async (aboutMe) => {
    await update({ aboutMe: "something" });
    const response = await update({ aboutMe });
    expect(response.data!.updateProfile.aboutMe).toBeNull();
  });

  it("when about me has 140 characters, then it is kept; 141 or a control character is BAD_USER_INPUT on aboutMe", async () => {
    const exactly = "é".repeat(139) + "😀";
    expect((await update({ aboutMe: exactly })).data!.updateProfile.aboutMe).toBe(exactly);
    for (const aboutMe of ["x".repeat(141), "nul \u0000 byte", "bell \u0007"]) {
      const response = await update({ aboutMe });
      expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "aboutMe" });
    }
    const profile = await api.gql(PROFILE, { variables: { username: "writer" } });
    expect(profile.data!.user!.aboutMe).toBe(exactly);
  });

  it("when the username changes, then the user is found by the new name and not the old", async () => {
    const response = await update({ username: "Novelist" });
    expect(response.data!.updateProfile.username).toBe("Novelist");
    expect((await api.gql(PROFILE, { variables: { username: "novelist" } })).data!.user!.username).toBe("Novelist");
    expect((await api.gql(PROFILE, { variables: { username: "writer" } })).data!.user).toBeNull();
    await update({ username: "Writer" });
  });

  it("when the username is kept, changes only its case, or is null, then it is accepted", async () => {
    expect((await update({ username: "Writer" })).data!.updateProfile.username).toBe("Writer");
    expect((await update({ username: "WRITER" })).data!.updateProfile.username).toBe("WRITER");
    expect((await update({ username: null, aboutMe: "x" })).data!.updateProfile.username).toBe("WRITER");
    await update({ username: "Writer" });
  });

  it("when the username is someone else's in any case, then it is BAD_USER_INPUT on username and nothing changes", async () => {
    const response = await update({ username: "taken.NAME", aboutMe: "not saved" });
    expect(response.errors?.[0]).toMatchObject({
      message: "Please use a different username.",
      extensions: { code: "BAD_USER_INPUT", field: "username" },
    });
    const profile = await api.gql(PROFILE, { variables: { username: "writer" } });
    expect(profile.data!.user!.aboutMe).not.toBe("not saved");
    expect((await api.gql(PROFILE, { variables: { username: other.username } })).data!.user!.username).toBe("Taken.Name");
  });

  it("when the username breaks the registration rules, then it is BAD_USER_INPUT on username", async () => {
    for (const username of ["", "has space", "x".repeat(65), "émile"]) {
      const response = await update({ username });
      expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "username" });
    }
  });

  it("when an anonymous request updates a profile, then it is UNAUTHENTICATED", async () => {
    const response = await api.gql(UPDATE, { variables: { input: { aboutMe: "hi" } } });
    expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe.each(engines)("changing a password on %s", (engine) => {
  const api = useTestApi(engine);

  it("when the current password is right, then the new one works, the old does not, and only the presented token survives", async () => {
    const user = await registerUser(api);
    const otherDevice = (await api.gql(LOGIN, { variables: { username: user.username, password: user.password } })).data!.login.token;
    const response = await api.gql(CHANGE_PASSWORD, {
      token: user.token,
      variables: { currentPassword: user.password, newPassword: "a brand new passphrase" },
    });
    expect(response.data).toEqual({ changePassword: true });
    expect((await api.gql(ME, { token: user.token })).data!.me!.username).toBe(user.username);
    const revoked = await api.gql(ME, { token: otherDevice });
    expect(revoked.status).toBe(401);
    const withOld = await api.gql(LOGIN, { variables: { username: user.username, password: user.password } });
    expect(withOld.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const withNew = await api.gql(LOGIN, { variables: { username: user.username, password: "a brand new passphrase" } });
    expect(withNew.errors).toBeUndefined();
  });

  it("when the current password is wrong, then it is BAD_USER_INPUT on currentPassword and nothing changes", async () => {
    const user = await registerUser(api);
    const otherDevice = (await api.gql(LOGIN, { variables: { username: user.username, password: user.password } })).data!.login.token;
    const response = await api.gql(CHANGE_PASSWORD, {
      token: user.token,
      variables: { currentPassword: "not my password", newPassword: "a brand new passphrase" },
    });
    expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "currentPassword" });
    expect((await api.gql(ME, { token: otherDevice })).status).toBe(200);
    const login = await api.gql(LOGIN, { variables: { username: user.username, password: user.password } });
    expect(login.errors).toBeUndefined();
  });

  it("when the new password breaks the registration rule, then it is BAD_USER_INPUT on newPassword", async () => {
    const user = await registerUser(api);
    for (const newPassword of ["short", "x".repeat(129)]) {
      const response = await api.gql(CHANGE_PASSWORD, { token: user.token, variables: { currentPassword: user.password, newPassword } });
      expect(response.errors?.[0]?.extensions).toEqual({ code: "BAD_USER_INPUT", field: "newPassword" });
    }
  });

  it("when an anonymous request changes a password, then it is UNAUTHENTICATED", async () => {
    const response = await api.gql(CHANGE_PASSWORD, { variables: { currentPassword: "whatever1", newPassword: "whatever2" } });
    expect(response.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe.each(engines)("last seen on %s", (engine) => {
  const api = useTestApi(engine);

  it("when a user registers, then they were last seen then", async () => {
    const before = Date.now();
    const user = await registerUser(api);
    const { lastSeen } = (await api.gql(PROFILE, { variables: { username: user.username } })).data!.user!;
    expect(Date.parse(lastSeen!)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(lastSeen!)).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it("when a signed-in user keeps making requests, then last seen is written once a minute at most", async () => {
    const user = await registerUser(api);
    const seenAt = async () => Date.parse((await api.gql(ME, { token: user.token })).data!.me!.lastSeen!);
    const registered = await seenAt();
    // Within the minute: the token lookup and nothing else.
    expect(await api.countStatements(graphql(`query ProfileMe2 { me { id } }`), { token: user.token })).toEqual({ statements: 1, errors: undefined });
    expect(await seenAt()).toBe(registered);

    api.advanceClock(61_000);
    // A minute on: one write, then none again for the next minute.
    expect(await api.countStatements(graphql(`query ProfileMe2 { me { id } }`), { token: user.token })).toEqual({ statements: 2, errors: undefined });
    const refreshed = await seenAt();
    expect(refreshed).toBeGreaterThanOrEqual(registered + 61_000);
    expect(await api.countStatements(graphql(`query ProfileMe2 { me { id } }`), { token: user.token })).toEqual({ statements: 1, errors: undefined });
    const profile = await api.gql(PROFILE, { variables: { username: user.username } });
    expect(Date.parse(profile.data!.user!.lastSeen!)).toBe(refreshed);
  });

  it("when anonymous requests read a profile, then last seen does not move", async () => {
    const user = await registerUser(api);
    const first = (await api.gql(PROFILE, { variables: { username: user.username } })).data!.user!.lastSeen;
    api.advanceClock(120_000);
    expect(await api.countStatements(PROFILE, { variables: { username: user.username } })).toEqual({ statements: 1, errors: undefined });
    expect((await api.gql(PROFILE, { variables: { username: user.username } })).data!.user!.lastSeen).toBe(first);
  });
});
