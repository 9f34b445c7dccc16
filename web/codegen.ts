import type { CodegenConfig } from "@graphql-codegen/cli";

const config = { useTypeImports: true, enumsAsTypes: true, scalars: { DateTimeISO: "string", JSON: "unknown" } };

/** Typed documents from the composed API schema (scripts/api-schema.mjs writes it from schema/supergraph.graphql). */
const codegen: CodegenConfig = {
  schema: "src/graphql/api.graphql",
  ignoreNoDocuments: false,
  generates: {
    // Every page but the portal: graphql(`…`) in the page's code (the client preset).
    "src/gql/": {
      documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*", "!src/**/*.generated.ts"],
      preset: "client",
      config,
      presetConfig: { fragmentMasking: false },
    },
    // The public portal, the first load: its own small module of documents. The preset's module holds every
    // page's documents in one piece, which would all land in the first load (docs/performance.md, "Web").
    "src/pages/portal/portal.generated.ts": {
      documents: ["src/pages/portal/portal.graphql"],
      plugins: ["typescript-operations", "typed-document-node"],
      config,
    },
  },
};
export default codegen;
