// Bundle the client and GraphiQL into the Python package (debrief/http/web/static), minified
// and deterministic, so `make test` can rebuild them and compare with what is committed.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { readFileSync, rmSync } from "node:fs";

const outdir = process.env.DEBRIEF_WEB_OUTDIR ?? "../debrief/http/web/static";
rmSync(outdir, { recursive: true, force: true });

const common = {
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2022"],
  legalComments: "none",
  charset: "utf8",
  logLevel: "warning",
  outdir,
  metafile: true,
};

const results = await Promise.all([
  build({
    ...common,
    entryPoints: { app: "src/main.tsx", "app-style": "src/style.css" },
    jsx: "automatic",
    jsxImportSource: "preact",
  }),
  build({
    ...common,
    entryPoints: { graphiql: "src/graphiql/main.tsx" },
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
  }),
]);

for (const result of results) {
  for (const path of Object.keys(result.metafile.outputs).sort()) {
    const bytes = readFileSync(path);
    console.log(`${path}\t${bytes.length} B\t${gzipSync(bytes, { level: 9 }).length} B gzip`);
  }
}
