// Compiled by `npm run typecheck`, never run: what typed documents promise the tests. Each expected
// error below fails the typecheck the day the test client stops catching that mistake.
import { graphql } from "../generated/gql.ts";
import type { TestApi } from "./api.ts";

const PROFILE = graphql(`query TypedCheckProfile($username: String!) { user(username: $username) { username postCount } }`);

export async function typedDocumentsCheck(api: TestApi): Promise<number | undefined> {
  // @ts-expect-error a required variable left out
  await api.gql(PROFILE);
  // @ts-expect-error a variable that the document does not declare
  await api.gql(PROFILE, { variables: { name: "x" } });
  // @ts-expect-error a variable of the wrong type
  await api.gql(PROFILE, { variables: { username: 1 } });
  const answer = await api.gql(PROFILE, { variables: { username: "x" } });
  // @ts-expect-error a field the document does not select
  void answer.data?.user?.email;
  // Plain strings stay possible (for what is not a valid operation), with data unknown.
  const plain = await api.gql(`{ posts { `);
  // @ts-expect-error unknown data must be narrowed before use
  void plain.data.posts;
  return answer.data?.user?.postCount;
}
