/**
 * The compatibility suite's `products` schema (its products.graphql) as type-graphql classes.
 *
 * Federation directives that the federation @link imports (the shared helper's import list: @key,
 * @shareable, @external, @requires, @provides, @inaccessible, @tag) are written by their short
 * names, the others by their namespaced names (@federation__override, @federation__interfaceObject,
 * @federation__extends). The suite accepts both spellings.
 */
import { Directive, Field, Float, ID, Int, ObjectType } from "type-graphql";

@ObjectType()
export class ProductVariation {
  @Field(() => ID)
  id!: string;
}

@ObjectType()
export class CaseStudy {
  @Field(() => ID)
  caseNumber!: string;

  @Field(() => String, { nullable: true })
  description?: string | null;
}

@ObjectType()
@Directive('@key(fields: "study { caseNumber }")')
export class ProductResearch {
  @Field(() => CaseStudy)
  study!: CaseStudy;

  @Field(() => String, { nullable: true })
  outcome?: string | null;
}

@ObjectType()
@Directive("@shareable")
export class ProductDimension {
  @Field(() => String, { nullable: true })
  size?: string | null;

  @Field(() => Float, { nullable: true })
  weight?: number | null;

  @Field(() => String, { nullable: true })
  @Directive("@inaccessible")
  unit?: string | null;
}

/**
 * A user of the `users` subgraph, extended here (`extend type User` in the suite's SDL; type-graphql
 * prints no type extensions, so @extends says it: the @external key field stays resolvable).
 */
@ObjectType()
@Directive("@federation__extends")
@Directive('@key(fields: "email")')
export class User {
  @Field(() => Int, { nullable: true })
  @Directive('@requires(fields: "totalProductsCreated yearsOfEmployment")')
  averageProductsCreatedPerYear?: number | null;

  @Field(() => ID)
  @Directive("@external")
  email!: string;

  @Field(() => String, { nullable: true })
  @Directive('@federation__override(from: "users")')
  name?: string | null;

  @Field(() => Int, { nullable: true })
  @Directive("@external")
  totalProductsCreated?: number | null;

  @Field(() => Int)
  @Directive("@external")
  yearsOfEmployment!: number;
}

@ObjectType()
@Directive("@custom")
@Directive('@key(fields: "id")')
@Directive('@key(fields: "sku package")')
@Directive('@key(fields: "sku variation { id }")')
export class Product {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  sku?: string | null;

  @Field(() => String, { nullable: true })
  package?: string | null;

  @Field(() => ProductVariation, { nullable: true })
  variation?: ProductVariation | null;

  @Field(() => ProductDimension, { nullable: true })
  dimensions?: ProductDimension | null;

  @Field(() => User, { nullable: true })
  @Directive('@provides(fields: "totalProductsCreated")')
  createdBy?: User | null;

  @Field(() => String, { nullable: true })
  @Directive('@tag(name: "internal")')
  notes?: string | null;

  @Field(() => [ProductResearch])
  research!: ProductResearch[];
}

@ObjectType()
@Directive('@key(fields: "sku package")')
export class DeprecatedProduct {
  @Field(() => String)
  sku!: string;

  @Field(() => String)
  package!: string;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => User, { nullable: true })
  createdBy?: User | null;
}

/** The `Inventory` interface of the `inventory` subgraph, seen here as an object type. */
@ObjectType()
@Directive("@federation__interfaceObject")
@Directive('@key(fields: "id")')
export class Inventory {
  @Field(() => ID)
  id!: string;

  @Field(() => [DeprecatedProduct])
  deprecatedProducts!: DeprecatedProduct[];
}
