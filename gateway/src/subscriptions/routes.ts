import { getNamedType, isNonNullType, isScalarType, parse, type GraphQLSchema } from "graphql";

/**
 * How the gateway serves one subscription field. Apollo Gateway plans no subscriptions, so each
 * `Subscription` field of the supergraph is listed here: which subgraph owns it (the gateway subscribes
 * there, over graphql-ws, for event ids only) and its query twin, `Query.<twin>(id: ID!)`, which returns
 * the same type by event id — the gateway completes every event by running the subscriber's selection
 * on the twin through its own query path.
 */
export interface SubscriptionRoute {
  /** The `Subscription` field, e.g. `departmentChanged`. */
  field: string;
  /** The owning subgraph's name in the supergraph (`county`). */
  subgraph: string;
  /** The `Query` field taking `id: ID!` that returns one event of the same type, e.g. `departmentChange`. */
  twin: string;
  /** The field of the event type holding its id (default `id`). */
  idField?: string;
}

/** Every subscription of the platform. Add a line when a subgraph adds a `Subscription` field. */
export const SUBSCRIPTION_ROUTES: readonly SubscriptionRoute[] = [
  { field: "departmentChanged", subgraph: "county", twin: "departmentChange" },
  { field: "drawChanged", subgraph: "county", twin: "drawChange" },
  { field: "visitChanged", subgraph: "county", twin: "visitChange" },
];

/**
 * Checks the routes against the supergraph: every `Subscription` field has a route, each route's
 * owner is the subgraph that composition says resolves the field, and each twin exists, takes
 * `id: ID!` and returns the same type. Returns the problems found (empty when all is well).
 */
export function checkRoutes(apiSchema: GraphQLSchema, supergraphSdl: string, routes: readonly SubscriptionRoute[]): string[] {
  const problems: string[] = [];
  const subscriptionFields = apiSchema.getSubscriptionType()?.getFields() ?? {};
  const queryFields = apiSchema.getQueryType()?.getFields() ?? {};
  const owners = subscriptionOwners(supergraphSdl);
  for (const name of Object.keys(subscriptionFields)) {
    if (!routes.some((r) => r.field === name))
      problems.push(`Subscription.${name} has no route: add it to SUBSCRIPTION_ROUTES (gateway/src/subscriptions/routes.ts)`);
  }
  for (const r of routes) {
    const field = subscriptionFields[r.field];
    if (!field) {
      problems.push(`route ${r.field}: the supergraph has no Subscription.${r.field}`);
      continue;
    }
    const owner = owners.get(r.field);
    if (owner && !owner.includes(r.subgraph))
      problems.push(`route ${r.field}: owned by ${owner.join(", ")} in the supergraph, not ${r.subgraph}`);
    const twin = queryFields[r.twin];
    if (!twin) {
      problems.push(`route ${r.field}: no query twin Query.${r.twin}(id: ID!)`);
      continue;
    }
    const idArg = twin.args.find((a) => a.name === "id");
    if (
      !idArg ||
      !isNonNullType(idArg.type) ||
      !isScalarType(idArg.type.ofType) ||
      idArg.type.ofType.name !== "ID" ||
      twin.args.some((a) => a.name !== "id" && isNonNullType(a.type) && a.defaultValue === undefined)
    ) {
      problems.push(`route ${r.field}: Query.${r.twin} must take exactly one required argument id: ID!`);
    }
    if (getNamedType(twin.type).name !== getNamedType(field.type).name) {
      problems.push(
        `route ${r.field}: Query.${r.twin} returns ${getNamedType(twin.type).name}, Subscription.${r.field} returns ${getNamedType(field.type).name}`,
      );
    }
  }
  return problems;
}

/** Subscription field → the subgraph names that resolve it, read from the supergraph's join directives. */
export function subscriptionOwners(supergraphSdl: string): Map<string, string[]> {
  const doc = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  const owners = new Map<string, string[]>();
  let typeOwners: string[] = [];
  for (const def of doc.definitions) {
    if (def.kind === "EnumTypeDefinition" && def.name.value === "join__Graph") {
      for (const v of def.values ?? []) {
        const name = v.directives?.find((d) => d.name.value === "join__graph")?.arguments?.find((a) => a.name.value === "name")?.value;
        if (name?.kind === "StringValue") graphNames.set(v.name.value, name.value);
      }
    }
  }
  const graphArg = (d: { arguments?: readonly { name: { value: string }; value: { kind: string; value?: unknown } }[] }) => {
    const g = d.arguments?.find((a) => a.name.value === "graph")?.value;
    return g?.kind === "EnumValue" ? (graphNames.get(String(g.value)) ?? String(g.value)) : undefined;
  };
  for (const def of doc.definitions) {
    if (def.kind !== "ObjectTypeDefinition" || def.name.value !== "Subscription") continue;
    typeOwners = (def.directives ?? [])
      .filter((d) => d.name.value === "join__type")
      .map((d) => graphArg(d))
      .filter((g): g is string => !!g);
    for (const f of def.fields ?? []) {
      const fieldOwners = (f.directives ?? [])
        .filter((d) => d.name.value === "join__field")
        .map((d) => graphArg(d))
        .filter((g): g is string => !!g);
      owners.set(f.name.value, fieldOwners.length ? fieldOwners : typeOwners);
    }
  }
  return owners;
}
