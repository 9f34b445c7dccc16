import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError } from "graphql";
import { writeTargets } from "./write-targets.js";

/**
 * One mutation request writes to one place. Each department keeps its books in its own database and
 * the county in its own: no transaction spans two of them, so a request with
 * `a: addExpert(department: "market") b: addExpert(department: "ecology")` could commit one half and
 * fail the other. Such a request is refused before anything is sent (MIXED_WRITE_TARGETS); the client
 * sends one request per department instead.
 */
export function singleWriteTargetPlugin<C extends BaseContext>(owners: () => Map<string, string>): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (operation?.operation !== "mutation") return;
          const targets = writeTargets(document, operation, (request.variables ?? {}) as Record<string, unknown>, owners());
          if (targets.length <= 1) return;
          throw new GraphQLError(
            `一次请求只能修改一个部门（或县级服务）的数据，本请求涉及 ${targets.join("、")}，未执行任何修改；请按部门分开提交`,
            { extensions: { code: "MIXED_WRITE_TARGETS", targets, http: { status: 400 } } },
          );
        },
      };
    },
  };
}
