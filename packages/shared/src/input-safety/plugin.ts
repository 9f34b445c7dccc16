import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { checkInputSafety } from "./document.js";

/**
 * Refuses unsafe text and numbers (see `checkInputSafety`) in every operation, once its document is
 * parsed and before it is planned (gateway) or executed (subgraphs): one place for every string
 * argument and input field of both subgraphs, whichever resolver would receive it.
 */
export function inputSafetyPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const error = checkInputSafety(document, request.variables as Record<string, unknown> | undefined);
          if (error) throw error;
        },
      };
    },
  };
}
