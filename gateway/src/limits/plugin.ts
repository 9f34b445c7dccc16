import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { checkLimits, type QueryLimits } from "./rules.js";

/** Applies the query limits to every operation, once its document and variables are known. */
export function limitsPlugin<C extends BaseContext>(limits: QueryLimits): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const error = checkLimits(document, operation, (request.variables ?? {}) as Record<string, unknown>, limits);
          if (error) throw error;
        },
      };
    },
  };
}
