import { parse, specifiedRules, validate, type DocumentNode, type GraphQLError, type GraphQLSchema, type ValidationRule } from "graphql";
import type { SubscriptionPlan } from "./documents.js";

/** How many distinct texts (and plans) are kept per schema before the cache is emptied and refilled. */
const LIMIT = 1000;

/**
 * Parsed and validated documents, and subscription plans, shared by every subscriber that sends the same
 * text (and, for a plan, the same operation name and variables). A thousand browsers of one page send
 * one document: parsing it per socket kept a thousand equal ASTs (each with its token list) and a
 * thousand equal plans alive for as long as the subscriptions lasted (docs/subscriptions.md, "Memory").
 * Documents and plans are never changed once built, so sharing them is safe; what is per subscriber —
 * context, identity, its queue — stays per subscriber. Kept per schema (a supergraph update starts anew)
 * and bounded: when full, emptied (as the sharding planner's document cache).
 */
export class SharedDocuments {
  private readonly documents = new WeakMap<GraphQLSchema, Map<string, DocumentNode>>();
  private readonly plans = new WeakMap<GraphQLSchema, Map<string, SubscriptionPlan>>();

  constructor(private readonly limits: { validationRules?: readonly ValidationRule[]; maxTokens?: number } = {}) {}

  /** The parsed document of `query` if it is valid against `schema`; parse or validation errors otherwise (not kept). */
  checked(
    schema: GraphQLSchema,
    query: string,
  ): { document: DocumentNode } | { parseError: unknown } | { invalid: readonly GraphQLError[] } {
    const known = this.documents.get(schema)?.get(query);
    if (known) return { document: known };
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: this.limits.maxTokens });
    } catch (e) {
      return { parseError: e };
    }
    const invalid = validate(schema, document, [...specifiedRules, ...(this.limits.validationRules ?? [])]);
    if (invalid.length) return { invalid };
    bounded(this.documents, schema).set(query, document);
    return { document };
  }

  /** The plan under `key` (query text, operation name, variables), made by `make` the first time. */
  plan(schema: GraphQLSchema, key: string, make: () => SubscriptionPlan): SubscriptionPlan {
    const known = this.plans.get(schema)?.get(key);
    if (known) return known;
    const plan = make();
    bounded(this.plans, schema).set(key, plan);
    return plan;
  }
}

function bounded<T>(bySchema: WeakMap<GraphQLSchema, Map<string, T>>, schema: GraphQLSchema): Map<string, T> {
  let map = bySchema.get(schema);
  if (!map) bySchema.set(schema, (map = new Map()));
  if (map.size >= LIMIT) map.clear();
  return map;
}
