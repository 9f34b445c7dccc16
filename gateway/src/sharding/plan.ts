import {
  Kind,
  parse,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
  type SelectionNode,
} from "graphql";
import { DEPARTMENT_ARGUMENT, shardOfRepresentation } from "./shard-key.js";

/** One request to one department instance. */
export interface ShardRequest {
  shard: string;
  query: string;
  variables: Record<string, unknown>;
  /** For an `_entities` fetch: where each representation sent sits in the original list. */
  entityIndexes?: number[];
  /** For an `_entities` fetch: the type of each representation sent. */
  entityTypes?: string[];
}

export interface ShardPlan {
  requests: ShardRequest[];
  /** Refusals decided before sending anything (unknown department, mutation without department). */
  errors: GraphQLFormattedError[];
  /** Number of representations of an `_entities` fetch, or null for a root fetch. */
  entityCount: number | null;
}

function unknownDepartment(code: string, path: (string | number)[]): GraphQLFormattedError {
  return { message: `未登记的部门：「${code}」`, path, extensions: { code: "UNKNOWN_DEPARTMENT", department: code } };
}

/** Parsed fetch documents: the query planner sends the same few documents again and again (bounded, emptied when full). */
const documents = new Map<string, DocumentNode>();
function parsed(query: string): DocumentNode {
  let doc = documents.get(query);
  if (!doc) {
    if (documents.size >= 1000) documents.clear();
    documents.set(query, (doc = parse(query)));
  }
  return doc;
}

function operationOf(doc: DocumentNode, operationName?: string | null): OperationDefinitionNode {
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops[0];
  if (!op) throw new Error(`operation ${operationName ?? ""} not found in subgraph fetch`);
  return op;
}

function argumentValue(field: FieldNode, name: string, variables: Record<string, unknown>): unknown {
  const arg = field.arguments?.find((a) => a.name.value === name);
  if (!arg) return undefined;
  const v = arg.value;
  if (v.kind === Kind.VARIABLE) return variables[v.name.value];
  if (v.kind === Kind.STRING) return v.value;
  return undefined;
}

/** Keeps only the variables and fragments the trimmed operation still uses (GraphQL validation forbids unused ones). */
function trimmedDocument(doc: DocumentNode, op: OperationDefinitionNode, selections: readonly SelectionNode[]): string {
  const fragments = new Map(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const usedVariables = new Set<string>();
  const usedFragments = new Set<string>();
  const work: SelectionNode[] = [...selections];
  while (work.length) {
    visit(work.pop()!, {
      Variable: (v) => {
        usedVariables.add(v.name.value);
      },
      FragmentSpread: (spread) => {
        const name = spread.name.value;
        if (usedFragments.has(name)) return;
        usedFragments.add(name);
        work.push(...(fragments.get(name)?.selectionSet.selections ?? []));
      },
    });
  }
  const trimmedOp: OperationDefinitionNode = {
    ...op,
    variableDefinitions: op.variableDefinitions?.filter((d) => usedVariables.has(d.variable.name.value)),
    selectionSet: { ...op.selectionSet, selections },
  };
  return print({ kind: Kind.DOCUMENT, definitions: [trimmedOp, ...[...usedFragments].map((n) => fragments.get(n)!).filter(Boolean)] });
}

/**
 * Splits one fetch the query planner made for the department subgraph into fetches for department
 * instances. An `_entities` fetch is split by the department each representation names (those that
 * name none go to every department). A root field goes to the department of its `department`
 * argument; a query field without one goes to every department; a mutation must name one.
 */
export function planShardRequests(
  query: string,
  variables: Record<string, unknown>,
  operationName: string | null | undefined,
  shards: readonly string[],
  isKnown: (code: string) => boolean,
): ShardPlan {
  const doc = parsed(query);
  const op = operationOf(doc, operationName);
  const errors: GraphQLFormattedError[] = [];
  const fields = op.selectionSet.selections;
  const entitiesField = fields.find((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === "_entities");

  if (entitiesField) {
    const argName = entitiesField.arguments?.find((a) => a.name.value === "representations");
    const reps = (argName?.value.kind === Kind.VARIABLE ? variables[argName.value.name.value] : undefined) as
      Record<string, unknown>[] | undefined;
    const varName = argName?.value.kind === Kind.VARIABLE ? argName.value.name.value : "representations";
    const byShard = new Map<string, number[]>();
    (reps ?? []).forEach((rep, i) => {
      const shard = shardOfRepresentation(rep);
      const targets = shard === null ? shards : isKnown(shard) ? [shard] : [];
      if (shard !== null && !targets.length) errors.push(unknownDepartment(shard, ["_entities", i]));
      for (const t of targets) {
        const list = byShard.get(t);
        if (list) list.push(i);
        else byShard.set(t, [i]);
      }
    });
    const requests = shards
      .filter((s) => byShard.has(s))
      .map((shard) => {
        const indexes = byShard.get(shard)!;
        const sent = indexes.map((i) => reps![i]!);
        return {
          shard,
          query,
          variables: { ...variables, [varName]: sent },
          entityIndexes: indexes,
          entityTypes: sent.map((r) => String(r.__typename)),
        };
      });
    return { requests, errors, entityCount: reps?.length ?? 0 };
  }

  const perShard = new Map<string, SelectionNode[]>();
  const add = (shard: string, sel: SelectionNode) => {
    const list = perShard.get(shard);
    if (list) list.push(sel);
    else perShard.set(shard, [sel]);
  };
  for (const sel of fields) {
    if (sel.kind !== Kind.FIELD) {
      for (const s of shards) add(s, sel);
      continue;
    }
    const key = sel.alias?.value ?? sel.name.value;
    if (sel.name.value === "__typename" || sel.name.value === "_service") {
      if (shards[0]) add(shards[0], sel);
      continue;
    }
    const department = argumentValue(sel, DEPARTMENT_ARGUMENT, variables);
    if (typeof department === "string") {
      if (isKnown(department)) add(department, sel);
      else errors.push(unknownDepartment(department, [key]));
    } else if (op.operation === "mutation") {
      errors.push({
        message: `操作 ${sel.name.value} 必须指定部门（department 参数）`,
        path: [key],
        extensions: { code: "BAD_USER_INPUT" },
      });
    } else {
      for (const s of shards) add(s, sel);
    }
  }
  const requests = shards
    .filter((s) => perShard.has(s))
    .map((shard) => {
      const selections = perShard.get(shard)!;
      const whole = selections.length === fields.length;
      return { shard, query: whole ? query : trimmedDocument(doc, op, selections), variables };
    });
  return { requests, errors, entityCount: null };
}
