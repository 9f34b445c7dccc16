import { Arg, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { DEPRECATED_PRODUCT, INVENTORY, PRODUCTS, RESEARCH, USER, type ProductRecord, type UserRecord } from "./data.js";
import { DeprecatedProduct, Product, User } from "./types.js";

@Resolver(() => Product)
export class ProductResolver {
  @Query(() => Product, { nullable: true })
  product(@Arg("id", () => ID) id: string): ProductRecord | undefined {
    return PRODUCTS.find((p) => p.id === id);
  }

  @FieldResolver()
  createdBy(): UserRecord {
    return USER;
  }
}

@Resolver(() => DeprecatedProduct)
export class DeprecatedProductResolver {
  @Query(() => DeprecatedProduct, { nullable: true, deprecationReason: "Use product query instead" })
  // type-graphql lists arguments last parameter first: this order prints `(sku: String!, package: String!)`.
  deprecatedProduct(@Arg("package", () => String) pkg: string, @Arg("sku", () => String) sku: string) {
    return sku === DEPRECATED_PRODUCT.sku && pkg === DEPRECATED_PRODUCT.package ? DEPRECATED_PRODUCT : null;
  }

  @FieldResolver()
  createdBy(): UserRecord {
    return USER;
  }
}

@Resolver(() => User)
export class UserResolver {
  /** @requires(fields: "totalProductsCreated yearsOfEmployment"): computed from the fields the gateway fetched from `users`. */
  @FieldResolver(() => Int, { nullable: true })
  averageProductsCreatedPerYear(@Root() user: UserRecord): number | null {
    if (user.totalProductsCreated == null || !user.yearsOfEmployment) return null;
    return Math.round(user.totalProductsCreated / user.yearsOfEmployment);
  }
}

/** Reference resolvers, for the `_entities` field: one per entity and per @key of the entity. */
export const referenceResolvers = {
  Product: {
    __resolveReference(ref: { id?: string; sku?: string; package?: string; variation?: { id?: string } }) {
      if (ref.id !== undefined) return PRODUCTS.find((p) => p.id === ref.id) ?? null;
      if (ref.sku !== undefined && ref.package !== undefined)
        return PRODUCTS.find((p) => p.sku === ref.sku && p.package === ref.package) ?? null;
      if (ref.sku !== undefined && ref.variation?.id !== undefined)
        return PRODUCTS.find((p) => p.sku === ref.sku && p.variation.id === ref.variation?.id) ?? null;
      return null;
    },
  },
  DeprecatedProduct: {
    __resolveReference(ref: { sku: string; package: string }) {
      return ref.sku === DEPRECATED_PRODUCT.sku && ref.package === DEPRECATED_PRODUCT.package ? DEPRECATED_PRODUCT : null;
    },
  },
  ProductResearch: {
    __resolveReference(ref: { study: { caseNumber: string } }) {
      return RESEARCH.find((r) => r.study.caseNumber === ref.study.caseNumber) ?? null;
    },
  },
  User: {
    __resolveReference(ref: UserRecord): UserRecord | null {
      if (ref.email !== USER.email) return null;
      // Fields the gateway fetched for @requires come with the reference and win over our own.
      return {
        ...USER,
        totalProductsCreated: ref.totalProductsCreated ?? USER.totalProductsCreated,
        yearsOfEmployment: ref.yearsOfEmployment ?? USER.yearsOfEmployment,
      };
    },
  },
  Inventory: {
    __resolveReference(ref: { id: string }) {
      return ref.id === INVENTORY.id ? INVENTORY : null;
    },
  },
};
