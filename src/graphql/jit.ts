// Queries and mutations over HTTP run compiled by graphql-jit: an operation asked again is compiled
// once into one function that resolves its fields without graphql-js's per-field interpretation,
// argument coercion (literal arguments are coerced as it compiles) and promise per field. Apollo Server 5 has no executor option;
// its `gateway` option is the documented place for one (a gateway whose `load()` gives an
// executor), so this is a gateway that serves our one schema. Apollo still parses, validates,
// caches documents, runs the plugins (limits, errors) and writes the response; only execution is
// graphql-jit's. Subscriptions stay on graphql-js (graphql-ws runs them).
import type { ApolloServerOptionsWithGateway, BaseContext } from "@apollo/server";
import {
  execute,
  getVariableValues,
  GraphQLError,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";

type Gateway = ApolloServerOptionsWithGateway<BaseContext>["gateway"];

/**
 * An operation is compiled on its second execution: compiling costs about a millisecond (more for
 * a large document) and keeps ~5–15 KB of generated code, which a document sent once (by a client
 * that inlines its values, or an attacker) would never earn back. The first runs on graphql-js.
 */
const COMPILE_AFTER = 1;
/** How many compiled operations are kept (least recently used go first): their memory is bounded whatever clients send. */
const MAX_COMPILED = 1_000;

/**
 * graphql-jit's errors are its own (extensions only from the original error, none for what a
 * variable fails on): they become graphql-js errors as graphql-js would have made them, so that
 * Apollo and formatError treat them alike. Only on the error path.
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const original = error.originalError;
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    // An error a resolver threw is carried as graphql-js carries it; one graphql-jit raised itself
    // (a null in a non-null field, a value a scalar cannot serialize) is its own original.
    originalError: original ?? undefined,
    extensions: error.extensions,
  });
  // graphql-jit knows where in the document the field was, not its AST nodes.
  if (error.locations) Object.defineProperty(rebuilt, "locations", { value: error.locations, enumerable: true });
  return rebuilt;
}

/**
 * The errors graphql-js would give for variables that do not fit their definitions: with the
 * variable's definition as their node, which is how Apollo knows to answer 400 BAD_USER_INPUT.
 */
function variableErrors(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): readonly GraphQLError[] | undefined {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
  return coerced.errors;
}

export function jitGateway(schema: GraphQLSchema): Gateway {
  // Keyed by the operation's node: Apollo's document cache hands the same parsed document back for
  // the same query text, so an operation is compiled once however often it is asked.
  const compiled = new Map<OperationDefinitionNode, CompiledQuery>();
  const executions = new WeakMap<OperationDefinitionNode, number>();
  /** The operation compiled, once it has earned it; undefined: run it on graphql-js. */
  const compiledFor = (document: DocumentNode, operation: OperationDefinitionNode): CompiledQuery | undefined => {
    const query = compiled.get(operation);
    if (query) {
      // Most recently used last: a Map keeps insertion order, so the first key is the one to drop.
      compiled.delete(operation);
      compiled.set(operation, query);
      return query;
    }
    const runs = executions.get(operation) ?? 0;
    executions.set(operation, runs + 1);
    if (runs < COMPILE_AFTER) return undefined;
    const made = compileQuery(schema, document, operation.name?.value, { disablingCapturingStackErrors: true });
    // What graphql-jit cannot compile, graphql-js runs, and it is not tried again.
    if (!isCompiledQuery(made)) {
      executions.set(operation, -Infinity);
      return undefined;
    }
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    compiled.set(operation, made);
    return made;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => {};
    },
    async load() {
      return {
        async executor({ document, request, operation, context }) {
          const variables = request.variables ?? {};
          // No operation resolved (an operationName the document does not hold, or none given for
          // several): graphql-js tells why, as it would without the compiler.
          const query = operation && compiledFor(document, operation);
          if (!query) return execute({ schema, document, operationName: request.operationName, variableValues: variables, contextValue: context });
          const result = await query.query(undefined, context, variables);
          if (!result.errors) return result;
          if (result.data === undefined) {
            const errors = variableErrors(schema, operation, variables);
            if (errors) return { errors };
          }
          return { ...result, errors: result.errors.map(asGraphQLError) };
        },
      };
    },
    async stop() {},
  };
}
