// Queries and mutations over HTTP run compiled by graphql-jit: each document (and operation in it)
// is compiled once into one function that resolves its fields without graphql-js's per-field
// interpretation, argument coercion and promise per field. Apollo Server 5 has no executor option;
// its `gateway` option is the documented place for one (a gateway whose `load()` gives an
// executor), so this is a gateway that serves our one schema. Apollo still parses, validates,
// caches documents, runs the plugins (limits, errors) and writes the response; only execution is
// graphql-jit's. Subscriptions stay on graphql-js (graphql-ws runs them).
import type { ApolloServerOptionsWithGateway, BaseContext } from "@apollo/server";
import {
  getVariableValues,
  GraphQLError,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";

type Gateway = ApolloServerOptionsWithGateway<BaseContext>["gateway"];
type Compiled = CompiledQuery | ExecutionResult;

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
  // Compiled once per document (Apollo's document cache hands the same DocumentNode back for the
  // same query text) and operation name.
  const compiled = new WeakMap<DocumentNode, Map<string | null, Compiled>>();
  const compiledFor = (document: DocumentNode, operationName: string | null): Compiled => {
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map()));
    let query = byOperation.get(operationName);
    if (!query) {
      query = compileQuery(schema, document, operationName ?? undefined, { disablingCapturingStackErrors: true });
      byOperation.set(operationName, query);
    }
    return query;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => {};
    },
    async load() {
      return {
        async executor({ document, request, operation, operationName, context }) {
          const query = compiledFor(document, operationName);
          if (!isCompiledQuery(query)) return { errors: query.errors?.map(asGraphQLError) };
          const variables = request.variables ?? {};
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
