import { GraphQLError, GraphQLScalarType, Kind } from "graphql";

const ISO_UTC_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function parse(value: unknown): Date {
  const date = typeof value === "string" && ISO_UTC_MILLIS.test(value) ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new GraphQLError('DateTime must be ISO-8601 UTC with milliseconds, e.g. "2026-11-21T09:30:00.000Z".', {
      extensions: { code: "BAD_USER_INPUT" },
    });
  }
  return date;
}

/** ISO-8601 in UTC with milliseconds: "2026-11-21T09:30:00.000Z". */
export const DateTime = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    throw new GraphQLError("DateTime cannot represent a value that is not a Date.");
  },
  parseValue: parse,
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
});
