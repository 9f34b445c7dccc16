import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { checkCost } from "./cost.js";
import type { QueryLimits } from "./limits.js";

/**
 * The cost limit, once the operation and its variables are known (a `first: $n` costs what `$n` says) and
 * before the gateway plans it. Depth, aliases and size are validation rules (rules.ts).
 */
export function costPlugin<C extends BaseContext>(limits: QueryLimits): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, request, schema }) {
          const error = checkCost(schema, document, operationName, (request.variables ?? {}) as Record<string, unknown>, limits);
          if (error) throw error;
        },
      };
    },
  };
}
