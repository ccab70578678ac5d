import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import {
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
  visit,
  type GraphQLSchema,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import { getComplexity, type ComplexityEstimator } from "graphql-query-complexity";
import type { RequestLimits } from "../config.ts";
import { MAX_NODE_IDS } from "../domain/nodes.ts";
import { pageSize } from "../domain/pagination.ts";

/**
 * What a list's `totalCount` costs beyond its own field, by the list: the counts of whole tables
 * read an index of every row, a search's counts every match (a third of all posts, for a common word),
 * and the feed's adds up the post counts of everyone the viewer follows
 * (at most `maxFollowing` of them). Lists of one user's posts or follows count nothing: their totals
 * are columns of that user's row. Each count runs once per request however often it is asked for.
 */
function countCosts(maxFollowing: number): Record<string, number> {
  return { "Query.posts": 1_000, "Query.users": 1_000, "Query.searchPosts": 1_000, "Query.feed": Math.ceil(maxFollowing / 10) };
}

/** Whether a selection asks for `name` at its own level, through fragments too. */
function selects(selectionSet: SelectionSetNode | undefined, name: string, fragments: Map<string, FragmentDefinitionNode>): boolean {
  return (selectionSet?.selections ?? []).some((selection) => {
    if (selection.kind === Kind.FIELD) return selection.name.value === name;
    if (selection.kind === Kind.INLINE_FRAGMENT) return selects(selection.selectionSet, name, fragments);
    return selects(fragments.get(selection.name.value)?.selectionSet, name, fragments);
  });
}

/**
 * A field costs 1 plus what it holds, and a list holds `first` of what is under it: so
 * `users(first: 100) { followers(first: 100) { … } }` costs ten thousand times its leaves. `first`
 * is read by the same function the resolvers read it with (null or absent: the default page size),
 * so an operation is costed at exactly the size it will be served. A list whose `totalCount` is
 * selected adds what that count costs.
 */
/**
 * Whether a page of this list scores every match before it knows the best: a relevance-ordered
 * search, whose work grows with the matches (a third of all posts, for a common word), not the page.
 */
function ranksEveryMatch(list: string, args: Record<string, unknown>): boolean {
  return list === "Query.searchPosts" && args.order !== "NEWEST";
}

function paginationAwareCost(document: DocumentNode, counts: Record<string, number>, rankingCost: number): ComplexityEstimator {
  const fragments = new Map(
    document.definitions
      .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  return ({ type, field, node, args, childComplexity }) => {
    // A list of objects by id holds as many as it names (more than MAX_NODE_IDS is refused as input).
    if (Array.isArray(args.ids)) return 1 + childComplexity * Math.min(Math.max(args.ids.length, 1), MAX_NODE_IDS);
    if (!field.args.some((argument) => argument.name === "first")) return 1 + childComplexity;
    const list = `${type.name}.${field.name}`;
    const count = counts[list] ?? 0;
    const counted = count > 0 && selects(node.selectionSet, "totalCount", fragments) ? count : 0;
    const ranked = ranksEveryMatch(list, args) ? rankingCost : 0;
    return 1 + counted + ranked + childComplexity * Math.max(pageSize(args.first), 1);
  };
}

/** The arguments a field's cost depends on. */
const COST_ARGUMENTS = new Set(["first", "ids", "order"]);

/**
 * The variables an operation's cost can depend on: those given to `first`, `ids` or `order`, and to directives
 * (`@include(if: $x)` decides whether a field counts at all). Any other variable (a cursor, a
 * username) leaves the cost as it is.
 */
function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (value: ValueNode) => visit(value, { Variable: (variable) => void names.add(variable.name.value) });
  visit(document, {
    Field: (field) =>
      field.arguments
        ?.filter((argument) => COST_ARGUMENTS.has(argument.name.value))
        .forEach((argument) => collect(argument.value)),
    Directive: (directive) => directive.arguments?.forEach((argument) => collect(argument.value)),
  });
  return [...names].sort();
}

/** How many differently-valued costs are kept per document before the cache starts afresh. */
const COSTS_PER_DOCUMENT = 64;

/** Operations that cost more than this share of MAX_COST are heavy: they run one at a time. */
const HEAVY_SHARE_OF_MAX = 1 / 10;

/** How long a heavy operation lets the light ones under way finish before it starts regardless. */
const LIGHT_FIRST_MS = 50;

/**
 * Heavy operations one at a time, first come first served; light ones run freely, and those under
 * way when a heavy one's turn comes are let finish first (for a little while at most), so that a
 * light request waits for one heavy operation at most, not for one at each of its steps.
 */
function heavyLane() {
  let tail: Promise<void> = Promise.resolve();
  let light = 0;
  return {
    /** Resolves, once the heavy operations before have left, with the function that leaves. */
    async enter(): Promise<() => void> {
      let leave!: () => void;
      const turn = tail;
      tail = new Promise((resolve) => (leave = resolve));
      await turn;
      const until = performance.now() + LIGHT_FIRST_MS;
      do await new Promise((resolve) => setImmediate(resolve));
      while (light > 0 && performance.now() < until);
      return leave;
    },
    /** A light operation starts: returns the function that says it ended. */
    light(): () => void {
      light += 1;
      return () => void (light -= 1);
    },
  };
}

/** An operation's pagination-aware cost (see paginationAwareCost); throws for variables that do not fit it. */
function operationCost(max: number, counts: Record<string, number>) {
  return (schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName: string | undefined): number =>
    getComplexity({
      schema,
      query: document,
      variables,
      operationName,
      // A relevance-ordered search alone is heavy: it takes its turn in the heavy lane.
      estimators: [paginationAwareCost(document, counts, Math.ceil(max * HEAVY_SHARE_OF_MAX))],
    });
}

/** The error with the code Apollo gives its kind over HTTP, unless it has one. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  if (error.extensions.code) return error;
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } });
}

function tooCostly(cost: number, max: number): GraphQLError {
  return new GraphQLError(`The operation costs ${cost}, more than the ${max} allowed; ask for fewer items (\`first\`, \`ids\`).`, {
    extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 } },
  });
}

/**
 * Refuses, before it runs, an operation whose pagination-aware cost is over `max`; one that costs
 * more than a tenth of it is heavy, and takes its turn in the heavy lane. However many heavy
 * operations arrive at once, only one runs at a time in an instance, so the event loop keeps turning
 * for everyone else.
 */
function costLimit(max: number, costOf: ReturnType<typeof operationCost>): ApolloServerPlugin {
  // Apollo hands every request of the same query text the same parsed document, so a document's
  // costs are computed once per distinct value of the variables they depend on, not per request.
  const costs = new WeakMap<DocumentNode, { variables: string[]; byValues: Map<string, number> }>();
  const lane = heavyLane();
  return {
    async requestDidStart() {
      let leave: (() => void) | undefined;
      return {
        async willSendResponse() {
          leave?.();
        },
        async didResolveOperation({ request, document, schema, operationName }) {
          let known = costs.get(document);
          if (!known) costs.set(document, (known = { variables: costVariables(document), byValues: new Map() }));
          const values = request.variables ?? {};
          // A list of ids costs by its length: lists of the same length share an entry.
          const key = `${operationName ?? ""}:${JSON.stringify(known.variables.map((name) => (Array.isArray(values[name]) ? values[name].length : values[name])))}`;
          let cost = known.byValues.get(key);
          if (cost === undefined) {
            try {
              cost = costOf(schema, document, values, operationName ?? undefined);
            } catch {
              return; // variables that do not fit the operation: execution refuses them with BAD_USER_INPUT
            }
            if (known.byValues.size >= COSTS_PER_DOCUMENT) known.byValues.clear();
            known.byValues.set(key, cost);
          }
          if (cost > max) throw tooCostly(cost, max);
          leave = cost > max * HEAVY_SHARE_OF_MAX ? await lane.enter() : lane.light();
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
export function requestLimits(limits: RequestLimits, maxFollowing: number) {
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
  const costOf = operationCost(limits.cost, countCosts(maxFollowing));
  return {
    parseOptions: { maxTokens: limits.tokens },
    validationRules: armor.validationRules,
    plugins: [...armorPlugins, costLimit(limits.cost, costOf)],
    /**
     * The same limits for a document that does not come through Apollo (a subscription over a
     * WebSocket): parsed within the token limit, validated with the same rules, costed the same.
     * The document, or the errors that refuse it.
     */
    check(schema: GraphQLSchema, query: unknown, variables: Record<string, unknown>, operationName: string | undefined): DocumentNode | readonly GraphQLError[] {
      if (typeof query !== "string") return [new GraphQLError("The operation has no query.", { extensions: { code: "BAD_REQUEST" } })];
      let document: DocumentNode;
      try {
        document = parse(query, { maxTokens: limits.tokens });
      } catch (error) {
        return [withCode(error instanceof GraphQLError ? error : new GraphQLError("The query could not be parsed."), "GRAPHQL_PARSE_FAILED")];
      }
      const invalid = validate(schema, document, [...specifiedRules, ...armor.validationRules]);
      if (invalid.length > 0) return invalid.map((error) => withCode(error, "GRAPHQL_VALIDATION_FAILED"));
      let cost: number;
      try {
        cost = costOf(schema, document, variables, operationName);
      } catch (error) {
        return [error instanceof GraphQLError ? error : new GraphQLError("The variables do not fit the operation.", { extensions: { code: "BAD_USER_INPUT" } })];
      }
      return cost > limits.cost ? [tooCostly(cost, limits.cost)] : document;
    },
  };
}
