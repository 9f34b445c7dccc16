/**
 * Writes the composed API schema (what clients of the gateway see: the supergraph without the federation
 * machinery) to src/graphql/api.graphql, the input of GraphQL Code Generator. `--check` fails when the
 * file is stale, as `npm run schema:check` does for schema/.
 */
import { Supergraph } from "@apollo/federation-internals";
import { printSchema, lexicographicSortSchema } from "graphql";
import { readFileSync, writeFileSync, existsSync } from "node:fs";

const supergraph = readFileSync(new URL("../../schema/supergraph.graphql", import.meta.url), "utf8");
const api = printSchema(lexicographicSortSchema(Supergraph.build(supergraph).apiSchema().toGraphQLJSSchema())) + "\n";
const out = new URL("../src/graphql/api.graphql", import.meta.url);
if (process.argv.includes("--check")) {
  if (!existsSync(out) || readFileSync(out, "utf8") !== api) {
    console.error("web/src/graphql/api.graphql is stale: run npm run codegen -w web");
    process.exit(1);
  }
} else writeFileSync(out, api);
