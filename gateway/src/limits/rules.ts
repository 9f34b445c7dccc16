import {
  GraphQLError,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/** Query limits of the public endpoint; the same rules apply to subscription documents. */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  /** Estimated fields resolved, with list fields multiplied by their `first` argument. */
  maxCost: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 15, maxAliases: 60, maxCost: 200_000 };
/** The page size a connection field costs when the query does not say `first`. */
const DEFAULT_PAGE = 50;

const refuse = (message: string, code: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

function pageOf(field: FieldNode, variables: Record<string, unknown>): number | null {
  const arg = field.arguments?.find((a) => a.name.value === "first");
  if (!arg) return field.arguments?.some((a) => a.name.value === "after") ? DEFAULT_PAGE : null;
  if (arg.value.kind === Kind.INT) return Number(arg.value.value);
  if (arg.value.kind === Kind.VARIABLE) {
    const v = variables[arg.value.name.value];
    return typeof v === "number" ? v : DEFAULT_PAGE;
  }
  return DEFAULT_PAGE;
}

interface Measure {
  depth: number;
  aliases: number;
  cost: number;
}

/**
 * Measures one operation, following fragments: depth, aliases, and a cost where a paginated field
 * (`first: n`) multiplies the cost of what is below it, so `first: 1000` of something heavy costs
 * what it will cost.
 */
export function measure(doc: DocumentNode, op: OperationDefinitionNode, variables: Record<string, unknown>): Measure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const walk = (set: SelectionSetNode, depth: number, seen: ReadonlySet<string>): Measure => {
    const out: Measure = { depth, aliases: 0, cost: 0 };
    const add = (m: Measure, multiplier = 1) => {
      out.depth = Math.max(out.depth, m.depth);
      out.aliases += m.aliases;
      out.cost += m.cost * multiplier;
    };
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (sel.alias) out.aliases++;
        out.cost += 1;
        if (sel.selectionSet) add(walk(sel.selectionSet, depth + 1, seen), Math.max(1, pageOf(sel, variables) ?? 1));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        add(walk(sel.selectionSet, depth, seen));
      } else {
        const f = fragments.get(sel.name.value);
        if (f && !seen.has(f.name.value)) add(walk(f.selectionSet, depth, new Set([...seen, f.name.value])));
      }
    }
    return out;
  };
  return walk(op.selectionSet, 1, new Set());
}

/** The first limit a document breaks, as a GraphQL error a clerk can read; null when within limits. */
export function checkLimits(
  doc: DocumentNode,
  op: OperationDefinitionNode,
  variables: Record<string, unknown>,
  limits: QueryLimits,
): GraphQLError | null {
  const m = measure(doc, op, variables);
  if (m.depth > limits.maxDepth) return refuse(`查询嵌套过深（${m.depth} 层，最多 ${limits.maxDepth} 层）`, "QUERY_TOO_DEEP");
  if (m.aliases > limits.maxAliases)
    return refuse(`查询使用的别名过多（${m.aliases} 个，最多 ${limits.maxAliases} 个）`, "TOO_MANY_ALIASES");
  if (m.cost > limits.maxCost) return refuse(`查询过于复杂（估算 ${m.cost} 个字段，最多 ${limits.maxCost} 个）`, "QUERY_TOO_COMPLEX");
  return null;
}
