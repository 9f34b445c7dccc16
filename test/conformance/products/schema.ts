import "reflect-metadata";
import { buildFederatedSchema, type FederatedSchema } from "@ssj/shared";
import { DirectiveLocation, GraphQLDirective, specifiedDirectives } from "graphql";
import { DeprecatedProductResolver, ProductResolver, referenceResolvers, UserResolver } from "./resolvers.js";
import { Inventory, ProductResearch, User } from "./types.js";

/** `directive @custom on OBJECT`: the suite's custom directive, applied to Product. */
export const CUSTOM_DIRECTIVE = new GraphQLDirective({ name: "custom", locations: [DirectiveLocation.OBJECT] });

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
  );
}
