import { rowIdOf } from "../../src/domain/ids.ts";
import type { TestApi } from "./api.ts";
import { graphql } from "../generated/gql.ts";

let sequence = 0;

export interface RegisteredUser {
  /** As the API shows it (a global id). */
  id: string;
  /** The row's id, for writing to the database beside the API. */
  rowId: number;
  username: string;
  email: string;
  password: string;
  token: string;
}

/** Registers a user through the API; every field can be overridden. */
export async function registerUser(
  api: TestApi,
  overrides: Partial<Pick<RegisteredUser, "username" | "email" | "password">> = {},
): Promise<RegisteredUser> {
  sequence += 1;
  const input = {
    username: overrides.username ?? `user${sequence}_${process.pid}`,
    email: overrides.email ?? `user${sequence}_${process.pid}@example.com`,
    password: overrides.password ?? "correct horse battery staple",
  };
  const response = await api.gql(
    graphql(`mutation FactoriesRegister ($input: RegisterInput!) { register(input: $input) { token user { id username } } }`),
    { variables: { input } },
  );
  if (!response.data) throw new Error(`register failed: ${JSON.stringify(response.errors)}`);
  const { token, user } = response.data.register;
  return { id: user.id, rowId: rowIdOf(user.id, "User")!, username: user.username, email: input.email.toLowerCase(), password: input.password, token };
}

export async function createPost(api: TestApi, token: string, body: string): Promise<{ id: string; timestamp: string }> {
  const response = await api.gql(graphql(`mutation FactoriesCreatePost ($body: String!) { createPost(body: $body) { id timestamp } }`), {
    variables: { body },
    token,
  });
  if (!response.data) throw new Error(`createPost failed: ${JSON.stringify(response.errors)}`);
  return response.data.createPost;
}

export async function follow(api: TestApi, token: string, username: string): Promise<void> {
  const response = await api.gql(graphql(`mutation FactoriesFollow ($username: String!) { follow(username: $username) { user { id } } }`), {
    variables: { username },
    token,
  });
  if (!response.data) throw new Error(`follow failed: ${JSON.stringify(response.errors)}`);
}
