/** GraphiQL from local assets (React, GraphiQL and its fonts bundled): no CDN, works offline. */

import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/graphiql.css";
import "./accessible.css";
import { createElement } from "react";
import { createRoot } from "react-dom/client";

const DEFAULT_QUERY = `# Interviewers: add your key under Headers: {"Authorization": "Bearer dbk_…"}
query ($key: String!) {
  interview(key: $key) {
    title
    questions { position text }
    sessions(first: 5) { nodes { id status candidateName } }
  }
}
`;

/** CodeMirror's hidden textareas carry no label; name each after the editor it drives. */
function labelEditors(container: HTMLElement): void {
  const name = (textarea: HTMLTextAreaElement): string => {
    if (textarea.closest(".graphiql-query-editor")) return "Query editor";
    if (textarea.closest(".result-window")) return "Response";
    const tools = [...container.querySelectorAll(".graphiql-editor-tool .graphiql-editor")];
    const index = tools.findIndex((tool) => tool.contains(textarea));
    return index === 0 ? "Variables (JSON)" : index === 1 ? "Headers (JSON)" : "Editor";
  };
  const label = () => {
    for (const textarea of container.querySelectorAll<HTMLTextAreaElement>("textarea:not([aria-label])")) {
      textarea.setAttribute("aria-label", name(textarea));
    }
  };
  new MutationObserver(label).observe(container, { childList: true, subtree: true });
  label();
}

const fetcher = createGraphiQLFetcher({ url: "/graphql" });
const root = document.getElementById("graphiql");
if (root) {
  labelEditors(root);
  createRoot(root).render(
    createElement(GraphiQL, {
      fetcher,
      defaultQuery: DEFAULT_QUERY,
      shouldPersistHeaders: false,
    }),
  );
}
