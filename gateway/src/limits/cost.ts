import { DEFAULT_PAGE_SIZE } from "@ssj/shared";
import type { DocumentNode, GraphQLError, GraphQLSchema } from "graphql";
import type * as QueryComplexity from "graphql-query-complexity";
import type { ComplexityEstimator } from "graphql-query-complexity";
import { createRequire } from "node:module";
import type { QueryLimits } from "./limits.js";
import { limitError } from "./rules.js";

// The package's ESM build imports graphql/index.mjs, a second graphql-js beside the index.js that Apollo and
// this code use (schemas from one are refused by the other); its CommonJS build requires the same index.js.
const { getComplexity, simpleEstimator } = createRequire(import.meta.url)("graphql-query-complexity") as typeof QueryComplexity;

/**
 * A connection (a field with a `first` argument, packages/shared/src/pagination.ts) resolves up to `first`
 * nodes, each costing what is selected below it; without `first` it returns the default page.
 */
export const pageEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!field.args.some((a) => a.name === "first")) return undefined;
  const first = typeof args.first === "number" ? args.first : DEFAULT_PAGE_SIZE;
  return 1 + Math.max(1, first) * childComplexity;
};

/**
 * Fields whose resolver does far more work than reading a row: `Draw.verification` recomputes the whole draw
 * from what is stored (every stratum, every pick, every hash), so it costs about what a page of a thousand
 * subjects costs — a public caller can ask for a few in one query, never for a page of them
 * (docs/architecture.md, "Query limits"). It is not cached: verification must see tampering at once.
 */
export const COSTLY_FIELDS: Readonly<Record<string, number>> = {
  "Draw.verification": 2_000,
  "Visit.verification": 200,
};

export const costlyFieldEstimator: ComplexityEstimator = ({ type, field, childComplexity }) => {
  const cost = COSTLY_FIELDS[`${type.name}.${field.name}`];
  return cost === undefined ? undefined : cost + childComplexity;
};

/**
 * The estimated cost of one operation with its variables, by graphql-query-complexity; a GraphQL error when it
 * is over the limit. Runs after the validation rules, which already bound the expanded size of the document,
 * so this walk is bounded too.
 */
export function checkCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  operationName: string | undefined | null,
  variables: Record<string, unknown>,
  limits: QueryLimits,
): GraphQLError | null {
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query,
      operationName: operationName ?? undefined,
      variables,
      estimators: [costlyFieldEstimator, pageEstimator, simpleEstimator({ defaultComplexity: 1 })],
      maxQueryNodes: limits.maxFields * 2,
    });
  } catch (e) {
    return limitError(`查询过于复杂，无法估算（${(e as Error).message}）`, "QUERY_TOO_COMPLEX");
  }
  if (cost > limits.maxCost) return limitError(`查询过于复杂（估算代价 ${cost}，最多 ${limits.maxCost}）`, "QUERY_TOO_COMPLEX");
  return null;
}
