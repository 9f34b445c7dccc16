import { GraphQLError, Kind, visit, type DocumentNode } from "graphql";
import { controlCharacterIn, controlCharacterMessage } from "./text.js";

const refuse = (message: string, details: Record<string, unknown>) =>
  new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...details, http: { status: 400 } } });

/** First problem in a variable value: a string with a control character, or a number that is not finite. */
function checkValue(value: unknown, path: string): GraphQLError | null {
  if (typeof value === "string") {
    const c = controlCharacterIn(value);
    return c ? refuse(controlCharacterMessage(`变量 ${path} `, c), { variable: path, character: c }) : null;
  }
  if (typeof value === "number") {
    return Number.isFinite(value) ? null : refuse(`变量 ${path} 的数值超出范围（须为有限数）`, { variable: path });
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const e = checkValue(value[i], `${path}[${i}]`);
      if (e) return e;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const e = checkValue(v, `${path}.${k}`);
      if (e) return e;
    }
  }
  return null;
}

/**
 * Checks every text and number a request carries — string and number literals of the document and
 * every variable — before it is planned or resolved: control characters (see text.ts) and numbers
 * that are not finite (`1e309` parses to Infinity, which graphql-js lets through for literals and
 * which answered HTTP 500) are refused as BAD_USER_INPUT. One pass over the document: linear in its size.
 */
export function checkInputSafety(document: DocumentNode, variables: Record<string, unknown> | undefined): GraphQLError | null {
  let error: GraphQLError | null = null;
  visit(document, {
    enter(node) {
      if (error) return false;
      if (node.kind === Kind.STRING) {
        const c = controlCharacterIn(node.value);
        if (c) error = refuse(controlCharacterMessage("输入的文本", c), { character: c, line: node.loc?.startToken.line });
      } else if (node.kind === Kind.FLOAT || node.kind === Kind.INT) {
        if (!Number.isFinite(Number(node.value)))
          error = refuse(`数值 ${node.value.slice(0, 20)} 超出范围（须为有限数）`, { value: node.value.slice(0, 40) });
      }
      return undefined;
    },
  });
  if (error) return error;
  for (const [name, value] of Object.entries(variables ?? {})) {
    const e = checkValue(value, `$${name}`);
    if (e) return e;
  }
  return null;
}
