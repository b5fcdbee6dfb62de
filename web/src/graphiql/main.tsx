/** GraphiQL from local assets (React, GraphiQL and its fonts bundled): no CDN, works offline. */

import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/graphiql.css";
import { createElement } from "react";
import { createRoot } from "react-dom/client";

const DEFAULT_QUERY = `# Interviewers: add your key under Headers: {"Authorization": "Bearer dbk_…"}
query Interview($key: String!) {
  interview(key: $key) {
    title
    questions { position text }
    sessions(first: 5) { nodes { id status candidateName } }
  }
}
`;

const fetcher = createGraphiQLFetcher({ url: "/graphql" });
const root = document.getElementById("graphiql");
if (root) {
  createRoot(root).render(
    createElement(GraphiQL, {
      fetcher,
      defaultQuery: DEFAULT_QUERY,
      shouldPersistHeaders: false,
    }),
  );
}
