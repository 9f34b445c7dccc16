import {
  Kind,
  parse,
  type FragmentDefinitionNode,
  type DocumentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

/**
 * Which subgraph each Mutation field belongs to, from the supergraph's `@join__field(graph:)` (or the
 * one `@join__type` of Mutation), as subgraph names ("county", "department").
 */
export function mutationOwners(coreSupergraphSdl: string): Map<string, string> {
  const doc = parse(coreSupergraphSdl);
  const graphNames = new Map<string, string>();
  const owners = new Map<string, string>();
  for (const def of doc.definitions) {
    if (def.kind !== "EnumTypeDefinition" || def.name.value !== "join__Graph") continue;
    for (const v of def.values ?? []) {
      const name = v.directives?.find((d) => d.name.value === "join__graph")?.arguments?.find((a) => a.name.value === "name")?.value;
      if (name?.kind === Kind.STRING) graphNames.set(v.name.value, name.value);
    }
  }
  const graphOf = (value: ValueNode | undefined) => (value?.kind === Kind.ENUM ? graphNames.get(value.value) : undefined);
  for (const def of doc.definitions) {
    if ((def.kind !== "ObjectTypeDefinition" && def.kind !== "ObjectTypeExtension") || def.name.value !== "Mutation") continue;
    const typeGraphs = (def.directives ?? []).filter((d) => d.name.value === "join__type");
    for (const field of def.fields ?? []) {
      const joins = (field.directives ?? []).filter((d) => d.name.value === "join__field");
      const graph =
        joins.length === 1
          ? graphOf(joins[0]!.arguments?.find((a) => a.name.value === "graph")?.value)
          : typeGraphs.length === 1
            ? graphOf(typeGraphs[0]!.arguments?.find((a) => a.name.value === "graph")?.value)
            : undefined;
      if (graph) owners.set(field.name.value, graph);
    }
  }
  return owners;
}

/**
 * Where an operation writes: one target per subgraph, and for the sharded department subgraph one
 * per department named by the field's `department` argument (e.g. `county`, `department:market`).
 */
export function writeTargets(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  owners: Map<string, string>,
): string[] {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const targets = new Set<string>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const s of set.selections) {
      if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (s.kind === Kind.FRAGMENT_SPREAD) {
        if (seen.has(s.name.value)) continue;
        seen.add(s.name.value);
        const f = fragments.get(s.name.value);
        if (f) walk(f.selectionSet);
      } else if (!s.name.value.startsWith("__")) {
        const owner = owners.get(s.name.value) ?? "?";
        if (owner !== "department") {
          targets.add(owner);
          continue;
        }
        const arg = s.arguments?.find((a) => a.name.value === "department")?.value;
        const department = arg?.kind === Kind.STRING ? arg.value : arg?.kind === Kind.VARIABLE ? variables[arg.name.value] : undefined;
        targets.add(`department:${typeof department === "string" ? department : "?"}`);
      }
    }
  };
  walk(operation.selectionSet);
  return [...targets];
}
