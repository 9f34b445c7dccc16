import type { GraphQLResolveInfo } from "graphql";
import resolveInfo from "graphql-parse-resolve-info";
import { RECORD_COLUMNS, type RecordColumn } from "./record-rows.js";

/**
 * The columns a field of the `SupervisionRecord` GraphQL type reads. `department` reads the instance's
 * code, not the row; `history` reads the records' changes by the row's `id`; `subject` is keyed by `uscc`. A field missing here (one
 * added later, or a field another subgraph contributes) selects every column, so no resolver ever reads a
 * property its row lacks.
 */
const FIELD_COLUMNS: Readonly<Record<string, readonly RecordColumn[]>> = {
  ...Object.fromEntries(RECORD_COLUMNS.map((c) => [c, [c]])),
  department: [],
  history: ["id"],
  subject: ["uscc"],
  __typename: [],
};

/** One computation per selection: every subject of an entity fetch shares the same field nodes. */
const cache = new WeakMap<object, readonly RecordColumn[]>();

/**
 * The columns the query asks for of the `SupervisionRecord` objects under a field: `records` of
 * `Subject` (`path` empty), or `subjects` of `Department` (`path` ["nodes"] and ["edges", "node"]).
 * Reading only these is most of what a 1,000-subject query costs a department: each column of each row
 * is decoded from SQLite and built as a JavaScript value (docs/performance.md, "The cross-department
 * query"). Fragments, aliases and `@skip`/`@include` are resolved by graphql-parse-resolve-info.
 */
export function selectedRecordColumns(info: GraphQLResolveInfo, paths: readonly (readonly string[])[] = [[]]): readonly RecordColumn[] {
  const cached = cache.get(info.fieldNodes);
  if (cached) return cached;
  const tree = resolveInfo.parseResolveInfo(info) as resolveInfo.ResolveTree | null | undefined;
  const columns = new Set<RecordColumn>();
  const visit = (node: resolveInfo.ResolveTree, path: readonly string[]): void => {
    for (const [typeName, fields] of Object.entries(node.fieldsByTypeName)) {
      for (const field of Object.values(fields)) {
        if (path.length) {
          if (field.name === path[0]) visit(field, path.slice(1));
          continue;
        }
        if (typeName !== "SupervisionRecord") continue;
        for (const c of FIELD_COLUMNS[field.name] ?? RECORD_COLUMNS) columns.add(c);
      }
    }
  };
  if (tree) for (const path of paths) visit(tree, path);
  const result = RECORD_COLUMNS.filter((c) => columns.has(c));
  cache.set(info.fieldNodes, result);
  return result;
}
