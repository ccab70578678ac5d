// GraphiQL, built from its npm packages into dist/graphiql/ (explorer/build.mjs) and served by the
// server itself at /graphiql in development: an explorer that needs no CDN, no fonts from elsewhere,
// and no network but this server's.
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { createElement } from "react";
import { createRoot } from "react-dom/client";

const fetcher = createGraphiQLFetcher({ url: new URL("/graphql", window.location.href).toString() });
// ?query=… opens with that query (a link from elsewhere can share one).
const query = new URLSearchParams(window.location.search).get("query") ?? undefined;

createRoot(document.getElementById("graphiql")).render(createElement(GraphiQL, { fetcher, query, defaultEditorToolsVisibility: true }));
