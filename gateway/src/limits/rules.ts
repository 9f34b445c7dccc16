import { GraphQLError, type ValidationRule } from "graphql";
import type { QueryLimits } from "./limits.js";
import { DocumentMeasure } from "./measure.js";

/** A limit error: HTTP 400 with an English code and a Chinese message a clerk can read. */
export const limitError = (message: string, code: string) => new GraphQLError(message, { extensions: { code, http: { status: 400 } } });

/**
 * Depth, aliases and expanded size as one graphql-js validation rule, so the same rules list serves Apollo's
 * `validationRules` and the WebSocket server's `validate`. They need no variables, so Apollo caches the
 * verdict with the parsed document. Each fragment is measured once per document (see DocumentMeasure).
 */
export function limitRules(limits: QueryLimits): ValidationRule[] {
  const rule: ValidationRule = (context) => {
    const measure = new DocumentMeasure(context.getDocument());
    return {
      OperationDefinition(op) {
        const m = measure.selectionSet(op.selectionSet);
        if (m.depth > limits.maxDepth) {
          context.reportError(limitError(`查询嵌套过深（${m.depth} 层，最多 ${limits.maxDepth} 层）`, "QUERY_TOO_DEEP"));
        } else if (m.aliases > limits.maxAliases) {
          context.reportError(limitError(`查询使用的别名过多（${m.aliases} 个，最多 ${limits.maxAliases} 个）`, "TOO_MANY_ALIASES"));
        } else if (m.fields > limits.maxFields) {
          context.reportError(limitError(`查询展开后的字段过多（${m.fields} 个，最多 ${limits.maxFields} 个）`, "QUERY_TOO_COMPLEX"));
        }
        return false; // the fields below were measured above
      },
    };
  };
  return [rule];
}
