import type { GraphQLFormattedError } from "graphql";

/**
 * Merges what several department instances answered for the same place in a response: objects
 * field by field, lists concatenated (in registry order of the departments), and for a scalar the
 * first non-null answer. This is how `Subject.records` gathers every department's record.
 */
export function mergeValues(a: unknown, b: unknown): unknown {
  if (a === null || a === undefined) return b;
  if (b === null || b === undefined) return a;
  if (Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
    for (const [k, v] of Object.entries(b as Record<string, unknown>)) out[k] = mergeValues(out[k], v);
    return out;
  }
  return a;
}

export interface ShardResult {
  shard: string;
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
  entityIndexes?: number[];
}

/** Assembles the answer of one planner fetch from the answers of the department instances. */
export function mergeShardResults(
  results: ShardResult[],
  entityCount: number | null,
): { data: Record<string, unknown> | null; errors: GraphQLFormattedError[] } {
  const errors: GraphQLFormattedError[] = [];
  if (entityCount !== null) {
    const entities: unknown[] = new Array(entityCount).fill(null);
    for (const r of results) {
      const got = (r.data?._entities as unknown[] | undefined) ?? [];
      r.entityIndexes?.forEach((original, j) => {
        entities[original] = mergeValues(entities[original], got[j] ?? null);
      });
      for (const e of r.errors ?? []) {
        const path =
          e.path && e.path[0] === "_entities" && typeof e.path[1] === "number" && r.entityIndexes
            ? ["_entities", r.entityIndexes[e.path[1]] ?? e.path[1], ...e.path.slice(2)]
            : e.path;
        errors.push({ ...e, path, extensions: { department: r.shard, ...e.extensions } });
      }
    }
    return { data: { _entities: entities }, errors };
  }
  let data: Record<string, unknown> | null = null;
  for (const r of results) {
    if (r.data) data = mergeValues(data, r.data) as Record<string, unknown>;
    for (const e of r.errors ?? []) errors.push({ ...e, extensions: { department: r.shard, ...e.extensions } });
  }
  return { data, errors };
}
