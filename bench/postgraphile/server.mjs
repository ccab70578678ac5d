// PostGraphile v4 as a peer of the microblog API, on a plain node:http server, serving the same
// PostgreSQL database. `DATABASE_URL=postgres://... node server.mjs` prints the address it listens on.
import { createHash } from "node:crypto";
import http from "node:http";
import pg from "pg";
// CommonJS: its re-exports of graphile-utils are not visible as ESM named exports.
import postgraphileModule from "postgraphile";

const { embed, gql, makeAddPgTableOrderByPlugin, makeExtendSchemaPlugin, makeJSONPgSmartTagsPlugin, orderByAscDesc, postgraphile } =
  postgraphileModule;

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error("DATABASE_URL names the PostgreSQL database to serve");
const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10);

/** What a real deployment must not expose: secrets, private rows, internal bookkeeping. */
const HideSecretsPlugin = makeJSONPgSmartTagsPlugin({
  version: 1,
  config: {
    class: {
      users: {
        attribute: Object.fromEntries(
          ["email", "password_hash", "avatar_hash", "unread_message_count", "last_seen"].map((column) => [column, { tags: { omit: true } }]),
        ),
      },
      tokens: { tags: { omit: true } },
      password_resets: { tags: { omit: true } },
      messages: { tags: { omit: true } },
      notifications: { tags: { omit: true } },
      tasks: { tags: { omit: true } },
      task_result_chunks: { tags: { omit: true } },
      posts: { attribute: { search: { tags: { omit: true } } } },
    },
    // the full-text search helpers (used by the generated posts.search column and our search queries)
    procedure: Object.fromEntries(
      ["any", "configuration", "document", "position", "query", "readings", "tag", "tagged"].map((name) => [`posts_search_${name}`, { tags: { omit: true } }]),
    ),
  },
});

/** Users in our API's order: the case-folded username, bytewise (the users_username_lower_key index). */
const UsernameKeyOrderPlugin = makeAddPgTableOrderByPlugin("public", "users", ({ pgSql: sql }) => {
  const key = (helpers) => sql.fragment`(lower(${helpers.queryBuilder.getTableAlias()}.username) collate "C")`;
  return orderByAscDesc("USERNAME_KEY", key, { unique: true });
});

/**
 * What PostGraphile cannot derive from the tables: a user by case-insensitive username (the unique
 * index is on an expression, so no userByUsername is generated), the avatar (from the stored
 * Gravatar key, as our API does, without exposing it) and viewerIsFollowing (the viewer from the request).
 */
const MicroblogPlugin = makeExtendSchemaPlugin((build) => {
  const { pgSql: sql } = build;
  return {
    typeDefs: gql`
      extend type Query {
        userByUsername(username: String!): User
      }
      extend type User {
        avatar(size: Int = 128): String! @requires(columns: ["avatar_hash"])
        viewerIsFollowing: Boolean! @pgQuery(fragment: ${embed((queryBuilder) => {
          const viewer = queryBuilder.context.viewerId;
          if (viewer == null) return sql.fragment`false`;
          return sql.fragment`exists(select 1 from public.followers f where f.follower_id = ${sql.value(viewer)} and f.followed_id = ${queryBuilder.getTableAlias()}.id)`;
        })})
      }
    `,
    resolvers: {
      Query: {
        async userByUsername(_parent, { username }, _context, resolveInfo) {
          const [row] = await resolveInfo.graphile.selectGraphQLResultFromTable(sql.fragment`public.users`, (alias, queryBuilder) => {
            queryBuilder.where(sql.fragment`(lower(${alias}.username) collate "C") = lower(${sql.value(username)})`);
            queryBuilder.limit(1);
          });
          return row ?? null;
        },
      },
      User: {
        // The email's Gravatar key, stored with the user: the column our API and the baseline read.
        avatar: (user, { size }) => `https://www.gravatar.com/avatar/${user.avatarHash}?d=identicon&s=${size}`,
      },
    },
  };
});

const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });

/**
 * The viewer, as our API finds it: the bearer token's SHA-256 looked up in our tokens table (one
 * statement, like ours and the baseline's). A missing or unknown token is anonymous here (ours
 * refuses it); the benchmark only sends good ones.
 */
async function viewerOf(authorization) {
  const token = /^Bearer ([A-Za-z0-9_-]{43})$/.exec(authorization ?? "")?.[1];
  if (!token) return null;
  const { rows } = await pool.query("select user_id from tokens where token_hash = $1 and expires_at > now()", [
    createHash("sha256").update(token).digest("hex"),
  ]);
  return rows[0]?.user_id ?? null;
}

const handler = postgraphile(pool, "public", {
  // production: no GraphiQL, no schema watching, no per-query log, no stacks in errors
  graphiql: false,
  enhanceGraphiql: false,
  watchPg: false,
  disableQueryLog: true,
  showErrorStack: false,
  extendedErrors: [],
  retryOnInitFail: false,
  // the recommended schema options
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  ignoreRBAC: false,
  ignoreIndexes: false,
  legacyRelations: "omit",
  disableDefaultMutations: true,
  appendPlugins: [HideSecretsPlugin, UsernameKeyOrderPlugin, MicroblogPlugin],
  // The viewer, for viewerIsFollowing (pgSettings would instead cost a transaction and set_config per request).
  async additionalGraphQLContextFromRequest(req) {
    return { viewerId: await viewerOf(req.headers.authorization) };
  },
});

const server = http.createServer(handler);
server.listen(Number(process.env.PORT ?? 0), "127.0.0.1", () => {
  const { address, port } = server.address();
  console.log(`http://${address}:${port}/graphql`);
});
