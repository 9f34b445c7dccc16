/**
 * The public endpoint's query limits (docs/architecture.md, "Query limits"). Each one bounds the work a single
 * request can cause before any of it is planned, so that one anonymous caller cannot stall the gateway.
 */
export interface QueryLimits {
  /** Bytes of query text; checked before parsing (the HTTP body cap stays larger for CSV variables). */
  maxQueryBytes: number;
  /** Tokens graphql-js reads before it gives up parsing (`parse(…, { maxTokens })`). */
  maxTokens: number;
  maxDepth: number;
  /** Aliases, counted as executed: an alias inside a fragment spread twice counts twice. */
  maxAliases: number;
  /** Field selections once every fragment is expanded: bounds the cost walker below. */
  maxFields: number;
  /** Estimated cost (graphql-query-complexity, page-aware: a connection costs `first` × its nodes). */
  maxCost: number;
  /** Bytes of one graphql-ws message. */
  maxWsPayload: number;
}

/**
 * Why these figures: the cost budget is what the demo data answers in about a second (one connection of
 * 1,000 subjects with a few fields each, not sixty of them); depth 15 and 60 aliases leave room for every
 * screen of the portal; 100 KB of query text is a hundred times the largest query the portal sends.
 */
export const DEFAULT_LIMITS: QueryLimits = {
  maxQueryBytes: 100_000,
  maxTokens: 5_000,
  maxDepth: 15,
  maxAliases: 60,
  maxFields: 2_000,
  maxCost: 20_000,
  maxWsPayload: 256 * 1024,
};
