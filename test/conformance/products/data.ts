/**
 * The fixed data the compatibility suite (@apollo/federation-subgraph-compatibility-tests 1.2.1)
 * expects from its `products` subgraph, as in the suite's reference implementations.
 */

export interface UserRecord {
  email: string;
  name?: string;
  totalProductsCreated?: number;
  yearsOfEmployment?: number;
}

export interface ProductDimensionRecord {
  size: string;
  weight: number;
  unit: string;
}

export interface CaseStudyRecord {
  caseNumber: string;
  description: string;
}

export interface ProductResearchRecord {
  study: CaseStudyRecord;
  outcome: string | null;
}

export interface ProductRecord {
  id: string;
  sku: string;
  package: string;
  variation: { id: string };
  dimensions: ProductDimensionRecord;
  research: ProductResearchRecord[];
  notes: string | null;
}

export interface DeprecatedProductRecord {
  sku: string;
  package: string;
  reason: string;
}

/** Our own count of the products the user created, which @provides lets us return (not the users subgraph's). */
export const PROVIDED_TOTAL_PRODUCTS_CREATED = 1337;

export const USER: Required<UserRecord> = {
  email: "support@apollographql.com",
  // @override(from: "users"): this subgraph, not `users`, answers User.name.
  name: "Jane Smith",
  totalProductsCreated: PROVIDED_TOTAL_PRODUCTS_CREATED,
  yearsOfEmployment: 10,
};

const DIMENSION: ProductDimensionRecord = { size: "small", weight: 1, unit: "kg" };

export const RESEARCH: ProductResearchRecord[] = [
  { study: { caseNumber: "1234", description: "Federation Study" }, outcome: null },
  { study: { caseNumber: "1235", description: "Studio Study" }, outcome: null },
];

export const PRODUCTS: ProductRecord[] = [
  {
    id: "apollo-federation",
    sku: "federation",
    package: "@apollo/federation",
    variation: { id: "OSS" },
    dimensions: DIMENSION,
    research: [RESEARCH[0]!],
    notes: null,
  },
  {
    id: "apollo-studio",
    sku: "studio",
    package: "",
    variation: { id: "platform" },
    dimensions: DIMENSION,
    research: [RESEARCH[1]!],
    notes: null,
  },
];

export const DEPRECATED_PRODUCT: DeprecatedProductRecord = {
  sku: "apollo-federation-v1",
  package: "@apollo/federation-v1",
  reason: "Migrate to Federation V2",
};

export const INVENTORY = { id: "apollo-oss", deprecatedProducts: [DEPRECATED_PRODUCT] };
