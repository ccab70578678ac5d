import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { GraphQLError } from "graphql";
import { getComplexity, type ComplexityEstimator } from "graphql-query-complexity";
import type { RequestLimits } from "../config.ts";

/**
 * A field costs 1 plus what it holds, and a list holds `first` of what is under it: so
 * `users(first: 100) { followers(first: 100) { … } }` costs ten thousand times its leaves.
 * `first` takes its schema default (20) when a query leaves it out.
 */
const paginationAwareCost: ComplexityEstimator = ({ args, childComplexity }) =>
  1 + childComplexity * (typeof args.first === "number" ? Math.max(args.first, 1) : 1);

/** Refuses, before it runs, an operation whose pagination-aware cost is over `max`. */
function costLimit(max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: document,
              variables: request.variables ?? {},
              operationName: operationName ?? undefined,
              estimators: [paginationAwareCost],
            });
          } catch {
            return; // variables that do not fit the operation: execution refuses them with BAD_USER_INPUT
          }
          if (cost > max) {
            throw new GraphQLError(`The operation costs ${cost}, more than the ${max} allowed; ask for fewer items with \`first\`.`, {
              extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/**
 * What guards the executor from expensive operations (OWASP's GraphQL cheat sheet): graphql-js's
 * token limit, GraphQL Armor's depth, alias and directive limits, and a cost limit that understands
 * our `first` arguments.
 */
export function requestLimits(limits: RequestLimits) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.depth, flattenFragments: true },
    maxAliases: { n: limits.aliases },
    maxDirectives: { n: limits.directives },
    // Armor's token counter throws from a plugin hook, which Apollo answers with a 500; graphql-js
    // counts tokens itself (parseOptions below), failing as the 400 a parse error is.
    maxTokens: { enabled: false },
    // Armor's own cost rule does not know that `first` multiplies; ours above does.
    costLimit: { enabled: false },
    // Apollo's hideSchemaDetailsFromClientErrors does this, in production only.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  // Armor's types come from @apollo/server's CommonJS build, ours from its ES module build: the same
  // plugin shape, declared twice.
  const armorPlugins = armor.plugins as unknown as ApolloServerPlugin[];
  return {
    parseOptions: { maxTokens: limits.tokens },
    validationRules: armor.validationRules,
    plugins: [...armorPlugins, costLimit(limits.cost)],
  };
}
