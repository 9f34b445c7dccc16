import type { CodegenConfig } from "@graphql-codegen/cli";

/** Typed documents from the composed API schema (scripts/api-schema.mjs writes it from schema/supergraph.graphql). */
const config: CodegenConfig = {
  schema: "src/graphql/api.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { DateTimeISO: "string", JSON: "unknown" } },
      presetConfig: { fragmentMasking: false },
    },
  },
};
export default config;
