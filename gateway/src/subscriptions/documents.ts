import {
  GraphQLError,
  Kind,
  print,
  visit,
  type ASTNode,
  type DefinitionNode,
  type DirectiveNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import type { SubscriptionRoute } from "./routes.js";

/** The two operations the gateway derives from a client's subscription. */
export interface SubscriptionPlan {
  route: SubscriptionRoute;
  /** Alias or field name: where the client expects the event in `data`. */
  responseKey: string;
  /** Sent to the owning subgraph: the same field and arguments, selecting only the event id. */
  upstream: { query: string; variables: Record<string, unknown> };
  /** Run through the gateway for each event: the twin with the client's selection, `idVariable` set per event. */
  twin: { query: string; variables: Record<string, unknown>; idVariable: string };
}

/** The one root field of a subscription operation, through fragments and @skip/@include. */
export function rootField(
  op: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): FieldNode {
  const fields: FieldNode[] = [];
  const seen = new Set<string>();
  const collect = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (!included(s.directives, variables)) continue;
      if (s.kind === Kind.FIELD) {
        if (s.name.value !== "__typename") fields.push(s);
      } else if (s.kind === Kind.INLINE_FRAGMENT) collect(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        const f = fragments.get(s.name.value);
        if (f) collect(f.selectionSet);
      }
    }
  };
  collect(op.selectionSet);
  const keys = new Set(fields.map((f) => (f.alias ?? f.name).value));
  if (keys.size !== 1) throw new GraphQLError("订阅操作必须恰好选择一个根字段 / a subscription must select exactly one root field");
  return fields[0]!;
}

function included(directives: readonly DirectiveNode[] | undefined, variables: Record<string, unknown>): boolean {
  for (const d of directives ?? []) {
    if (d.name.value !== "skip" && d.name.value !== "include") continue;
    const arg = d.arguments?.find((a) => a.name.value === "if")?.value;
    const value = arg ? literal(arg, variables) : undefined;
    if (d.name.value === "skip" && value === true) return false;
    if (d.name.value === "include" && value === false) return false;
  }
  return true;
}

function literal(v: ValueNode, variables: Record<string, unknown>): unknown {
  if (v.kind === Kind.BOOLEAN) return v.value;
  if (v.kind === Kind.VARIABLE) return variables[v.name.value];
  return undefined;
}

/** Names of the variables a set of nodes uses, following fragment spreads. */
function usedVariables(
  nodes: readonly ASTNode[],
  fragments: Map<string, FragmentDefinitionNode>,
): { variables: Set<string>; fragments: Set<string> } {
  const variables = new Set<string>();
  const usedFragments = new Set<string>();
  const queue: ASTNode[] = [...nodes];
  while (queue.length) {
    const node = queue.pop()!;
    visit(node, {
      Variable: (v) => {
        variables.add(v.name.value);
      },
      FragmentSpread: (s) => {
        if (!usedFragments.has(s.name.value)) {
          usedFragments.add(s.name.value);
          const f = fragments.get(s.name.value);
          if (f) queue.push(f);
        }
      },
    });
  }
  return { variables, fragments: usedFragments };
}

function pick(all: Record<string, unknown>, names: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const n of names) if (n in all) out[n] = all[n];
  return out;
}

/**
 * Splits a validated subscription into the upstream subscription (event ids only) and the twin query
 * (the client's selection on `Query.<twin>(id:)`), each with just the variables it uses.
 */
export function planSubscription(
  document: DocumentNode,
  op: OperationDefinitionNode,
  route: SubscriptionRoute,
  variables: Record<string, unknown>,
): SubscriptionPlan {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const field = rootField(op, fragments, variables);
  const responseKey = (field.alias ?? field.name).value;
  const varDefs = op.variableDefinitions ?? [];
  const idField = route.idField ?? "id";

  const argVars = usedVariables(field.arguments ?? [], fragments).variables;
  const upstreamOp: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: op.operation,
    name: { kind: Kind.NAME, value: "GatewayUpstream" },
    variableDefinitions: varDefs.filter((v) => argVars.has(v.variable.name.value)),
    directives: [],
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [
        {
          kind: Kind.FIELD,
          name: field.name,
          arguments: field.arguments,
          directives: [],
          selectionSet: { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: idField } }] },
        },
      ],
    },
  };

  const selection = field.selectionSet!;
  const used = usedVariables([selection], fragments);
  let idVariable = "gatewayEventId";
  while (used.variables.has(idVariable) || varDefs.some((v) => v.variable.name.value === idVariable)) idVariable += "_";
  const twinOp: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: "query" as OperationDefinitionNode["operation"],
    name: { kind: Kind.NAME, value: "GatewayEvent" },
    variableDefinitions: [
      {
        kind: Kind.VARIABLE_DEFINITION,
        variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: idVariable } },
        type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: "ID" } } },
      },
      ...varDefs.filter((v) => used.variables.has(v.variable.name.value)),
    ],
    directives: [],
    selectionSet: {
      kind: Kind.SELECTION_SET,
      selections: [
        {
          kind: Kind.FIELD,
          alias: { kind: Kind.NAME, value: responseKey },
          name: { kind: Kind.NAME, value: route.twin },
          arguments: [
            {
              kind: Kind.ARGUMENT,
              name: { kind: Kind.NAME, value: "id" },
              value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: idVariable } },
            },
          ],
          directives: [],
          selectionSet: selection,
        },
      ],
    },
  };
  const twinDefs: DefinitionNode[] = [
    twinOp,
    ...[...used.fragments].map((n) => fragments.get(n)).filter((f): f is FragmentDefinitionNode => !!f),
  ];

  return {
    route,
    responseKey,
    upstream: { query: print({ kind: Kind.DOCUMENT, definitions: [upstreamOp] }), variables: pick(variables, argVars) },
    twin: { query: print({ kind: Kind.DOCUMENT, definitions: twinDefs }), variables: pick(variables, used.variables), idVariable },
  };
}
