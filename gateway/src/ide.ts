import express, { type Express } from "express";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const dir = (pkg: string) => dirname(require.resolve(`${pkg}/package.json`));

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8" />
  <title>双随机、一公开 · GraphQL</title>
  <link rel="stylesheet" href="/ide/assets/graphiql.min.css" />
  <style>body { margin: 0; height: 100vh; } #ide { height: 100vh; }</style>
</head>
<body>
  <div id="ide">正在加载…</div>
  <script src="/ide/assets/react.production.min.js"></script>
  <script src="/ide/assets/react-dom.production.min.js"></script>
  <script src="/ide/assets/graphiql.min.js"></script>
  <script>
    const fetcher = GraphiQL.createFetcher({ url: "/graphql", headers: { "apollo-require-preflight": "true" } });
    ReactDOM.createRoot(document.getElementById("ide")).render(
      React.createElement(GraphiQL, {
        fetcher,
        defaultEditorToolsVisibility: true,
        defaultQuery: "# 各部门：已公布事项数、检查人员状态、名录风险分类\\nquery Departments {\\n  departments {\\n    nodes {\\n      code\\n      name\\n      publishedMatterCount\\n      inspectorCountsByStatus { status count }\\n      subjectCountsByRiskClass { riskClass count }\\n    }\\n  }\\n}\\n",
      }),
    );
  </script>
</body>
</html>`;

/**
 * The GraphQL IDE at `/ide`: GraphiQL served from our own node_modules, so it works on a machine with
 * no internet access (a county intranet), unlike IDE pages that load from a CDN.
 */
export function mountIde(app: Express): void {
  const assets = express.Router();
  const files: Record<string, string> = {
    "graphiql.min.css": join(dir("graphiql"), "graphiql.min.css"),
    "graphiql.min.js": join(dir("graphiql"), "graphiql.min.js"),
    "react.production.min.js": join(dir("react"), "umd/react.production.min.js"),
    "react-dom.production.min.js": join(dir("react-dom"), "umd/react-dom.production.min.js"),
  };
  for (const [name, file] of Object.entries(files)) assets.get(`/${name}`, (_req, res) => res.sendFile(file, { maxAge: "1d" }));
  app.use("/ide/assets", assets);
  app.get("/ide", (_req, res) => {
    res.type("html").send(PAGE);
  });
}
