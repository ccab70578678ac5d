import { readFileSync } from "node:fs";

/** The SDL, read relative to this module so that the working directory does not matter. */
export const typeDefs = readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8");
