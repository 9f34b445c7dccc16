import { defineConfig } from "vitest/config";
import swc from "unplugin-swc";
import { fileURLToPath } from "node:url";

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * Tests run the TypeScript sources through SWC, because esbuild does not emit the decorator metadata
 * that type-graphql and MikroORM read. Workspace packages resolve to their sources, not their dist.
 */
export default defineConfig({
  plugins: [
    swc.vite({
      jsc: {
        target: "es2022",
        parser: { syntax: "typescript", decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      },
    }),
  ],
  resolve: {
    alias: [
      { find: /^@ssj\/shared$/, replacement: src("./packages/shared/src/index.ts") },
      { find: /^@ssj\/draw-engine$/, replacement: src("./packages/draw-engine/src/index.ts") },
      { find: /^@ssj\/working-days$/, replacement: src("./packages/working-days/src/index.ts") },
      { find: /^@ssj\/department$/, replacement: src("./subgraphs/department/src/index.ts") },
      { find: /^@ssj\/county$/, replacement: src("./subgraphs/county/src/index.ts") },
      { find: /^@ssj\/gateway$/, replacement: src("./gateway/src/index.ts") },
      // One graphql-js, as under Node: Vite would pick graphql's "module" build (index.mjs) for our sources
      // while Apollo and type-graphql load index.js; schemas from one are refused by the other.
      { find: /^graphql$/, replacement: src("./node_modules/graphql/index.js") },
    ],
  },
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "subgraphs/*/src/**/*.test.ts",
      "gateway/src/**/*.test.ts",
      "scripts/src/**/*.test.ts",
      "web/src/**/*.test.ts",
      "test/**/*.test.ts",
    ],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
