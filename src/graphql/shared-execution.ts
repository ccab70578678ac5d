import {
  createSourceEventStream,
  execute,
  getNamedType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from "graphql";
import type { Context } from "./context.ts";

/**
 * The fields whose values depend on who asks. A subscription that selects none of them gets the
 * same result as every other subscriber of the same document for the same event.
 */
export const VIEWER_FIELDS = new Set(["User.email", "User.isViewer", "User.viewerIsFollowing", "User.unreadMessageCount", "User.tasks"]);

function selectsViewerFields(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let found = false;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (parent && VIEWER_FIELDS.has(`${getNamedType(parent).name}.${node.name.value}`)) found = true;
      },
    }),
  );
  return found;
}

/** `source`, each value mapped by `map`; ending it ends the source. */
function mapped<In, Out>(source: AsyncIterator<In> & AsyncIterable<In>, map: (value: In) => Promise<Out>): AsyncIterableIterator<Out> {
  return {
    async next() {
      const result = await source.next();
      return result.done ? { done: true, value: undefined } : { done: false, value: await map(result.value) };
    },
    async return() {
      await source.return?.();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown) {
      if (source.throw) await source.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * Each live event's results, by what they depend on: the live hub hands every subscriber of an
 * event on this instance the same row object, so the first subscriber with a given document (and,
 * when it selects viewer-dependent fields, a given viewer) executes it, and the others share the
 * result. A post reaching a hundred feeds on an instance is executed once per distinct document,
 * not a hundred times.
 */
const resultsByEvent = new WeakMap<object, Map<string, Promise<ExecutionResult>>>();

/** graphql-js's subscribe, with the results of each event shared between subscribers that would get the same. */
export async function subscribeSharingResults(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream;
  const viewer = (args.contextValue as Context).viewer;
  const dependsOn = selectsViewerFields(args.schema, args.document) ? `viewer ${viewer?.user.id ?? "anonymous"}` : "anyone";
  const key = JSON.stringify([dependsOn, args.document.loc?.source.body, args.operationName ?? null, args.variableValues ?? null]);
  return mapped(stream as AsyncIterableIterator<unknown>, (event) => {
    if (typeof event !== "object" || event === null) return Promise.resolve(execute({ ...args, rootValue: event }));
    let results = resultsByEvent.get(event);
    if (!results) resultsByEvent.set(event, (results = new Map()));
    let result = results.get(key);
    if (!result) results.set(key, (result = Promise.resolve(execute({ ...args, rootValue: event }))));
    return result;
  });
}
