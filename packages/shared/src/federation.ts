import "reflect-metadata";
import { buildSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives, type IResolvers } from "@graphql-tools/utils";
import { parse, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { buildSchema, createResolversMap, type BuildSchemaOptions, type PubSub } from "type-graphql";
import { auditedMutationField } from "./audit/mutation-audit.js";

/** The Federation 2 features every subgraph of the platform may use. */
export const FEDERATION_LINK = `extend schema
  @link(
    url: "https://specs.apollo.dev/federation/v2.7"
    import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"]
  )`;

export interface FederatedSchema {
  /** The executable subgraph schema (with `_entities` and `_service`). */
  schema: GraphQLSchema;
  /** The subgraph SDL as composition reads it; written to `schema/<name>.graphql`. */
  sdl: string;
}

/**
 * type-graphql wants a `pubSub` as soon as a schema has a `@Subscription`. Ours take their stream from the
 * request context's `EventBus` (`@Subscription({ subscribe: ({ context }) => context.bus.subscribe(…) })`),
 * because one schema serves every instance and each instance has its own bus; the topics form is refused.
 */
const CONTEXT_BUS_ONLY: PubSub = {
  publish() {
    throw new Error("publish through the service's EventBus, not type-graphql's pubSub");
  },
  subscribe() {
    throw new Error(
      "@Subscription({ topics }) is not supported: use @Subscription({ subscribe: ({ context }) => context.bus.subscribe(topic) })",
    );
  },
};

/**
 * Builds a Federation 2 subgraph from type-graphql classes.
 *
 * type-graphql knows nothing of federation, so we let it build a plain schema (skipCheck: a subgraph
 * may have no root query of its own), print it with its directives, put the federation `@link` in
 * front and hand SDL plus resolvers to `buildSubgraphSchema`. Reference resolvers are merged into
 * the resolver map here, because any transform after `buildSubgraphSchema` would drop them.
 *
 * `link` replaces that front matter: another federation version or import list, or schema-level
 * directives type-graphql cannot print (further @link, @composeDirective).
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, "skipCheck">,
  referenceResolvers: IResolvers = {},
  link: string = FEDERATION_LINK,
): Promise<FederatedSchema> {
  const plain = await buildSchema({ pubSub: CONTEXT_BUS_ONLY, ...options, skipCheck: true });
  const sdl = `${link}\n\n${printSchemaWithDirectives(plain)}\n`;
  const resolvers = createResolversMap(plain) as IResolvers;
  // every mutation field's committed changes carry their audit entry (docs/deployment.md, "Audit log")
  const mutation = resolvers.Mutation as Record<string, unknown> | undefined;
  for (const [name, resolve] of Object.entries(mutation ?? {}))
    if (typeof resolve === "function") mutation![name] = auditedMutationField(resolve as GraphQLFieldResolver<unknown, object>);
  for (const [typeName, fields] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(fields as object) };
  }
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl), resolvers: resolvers as never });
  return { schema, sdl };
}
