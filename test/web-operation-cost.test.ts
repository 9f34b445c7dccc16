import { checkCost, DEFAULT_LIMITS, limitRules } from "@ssj/gateway";
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  validate,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as documents from "../web/src/gql/graphql.js";

/**
 * Every operation the web app sends passes the gateway's query limits (depth, size, estimated cost) against the
 * composed API schema the app was generated from (web/src/graphql/api.graphql). A page whose query is over the
 * limit shows "查询过于复杂" instead of its data; this finds it before a browser does.
 */
const schema = buildSchema(readFileSync(new URL("../web/src/graphql/api.graphql", import.meta.url), "utf8"));

/** A value of the variable's type: the smallest that is valid; numbers as large as pages allow. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type))
    return Object.fromEntries(Object.values(type.getFields()).map((f) => [f.name, isNonNullType(f.type) ? sample(f.type) : undefined]));
  const name = getNamedType(type).name;
  return name === "Int" ? 1000 : name === "Float" ? 0.5 : name === "Boolean" ? true : "1";
}

function variablesOf(op: OperationDefinitionNode, s: GraphQLSchema): Record<string, unknown> {
  return Object.fromEntries(
    (op.variableDefinitions ?? []).map((v) => [v.variable.name.value, sample(typeFromAST(s, v.type as never) as GraphQLInputType)]),
  );
}

const operations = Object.entries(documents).filter(([name]) => name.endsWith("Document")) as [string, DocumentNode][];

describe("the web app's operations stay within the gateway's query limits", () => {
  it("finds the operations", () => expect(operations.length).toBeGreaterThan(10));
  it.each(operations)("%s", (_name, doc) => {
    expect(validate(schema, doc, limitRules(DEFAULT_LIMITS)).map((e) => e.message)).toEqual([]);
    const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition")!;
    expect(checkCost(schema, doc, op.name?.value, variablesOf(op, schema), DEFAULT_LIMITS)?.message ?? null).toBeNull();
  });
});
