import "reflect-metadata";
import { buildFederatedSchema, type FederatedSchema } from "@ssj/shared";
import { DirectiveLocation, GraphQLDirective, specifiedDirectives } from "graphql";
import { DeprecatedProductResolver, ProductResolver, referenceResolvers, UserResolver } from "./resolvers.js";
import { Inventory, ProductResearch, User } from "./types.js";

/** `directive @custom on OBJECT`: the suite's custom directive, applied to Product. */
export const CUSTOM_DIRECTIVE = new GraphQLDirective({ name: "custom", locations: [DirectiveLocation.OBJECT] });

/**
 * The suite's schema-level directives: a federation @link of a version it knows (2.0–2.3), the
 * custom directive's own @link, and @composeDirective so that @custom reaches the supergraph.
 * Federation directives not imported here are written with their namespaced names (types.ts).
 */
export const PRODUCTS_LINK = `extend schema
  @link(
    url: "https://specs.apollo.dev/federation/v2.3"
    import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"]
  )
  @link(url: "https://myspecs.dev/myCustomDirective/v1.0", import: ["@custom"])
  @federation__composeDirective(name: "@custom")`;

/** The suite's `products` subgraph, built as every subgraph of the platform is: with the shared helper. */
export function buildProductsSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema(
    {
      resolvers: [ProductResolver, DeprecatedProductResolver, UserResolver],
      // Reached only through `_entities`, so named here to be emitted.
      orphanedTypes: [User, ProductResearch, Inventory],
      directives: [...specifiedDirectives, CUSTOM_DIRECTIVE],
      validate: false,
    },
    referenceResolvers,
    PRODUCTS_LINK,
  );
}
