import { buildSchema, getOperationAST } from "graphql";
import { describe, expect, it } from "vitest";
import { planSubscription } from "./documents.js";
import { SharedDocuments } from "./shared-documents.js";

const schema = buildSchema(`
  type Query { departmentChange(id: ID!): Change }
  type Subscription { departmentChanged(code: String): Change }
  type Change { id: ID! kind: String }
`);
const route = { field: "departmentChanged", subgraph: "county", twin: "departmentChange" };
const text = "subscription($c: String) { departmentChanged(code: $c) { id kind } }";

describe("SharedDocuments", () => {
  it("parses and validates one text once: every subscriber of it gets the same document", () => {
    const docs = new SharedDocuments();
    const a = docs.checked(schema, text);
    const b = docs.checked(schema, text);
    expect("document" in a && "document" in b && a.document === b.document).toBe(true);
    // another schema (a supergraph update) does not reuse it
    const c = docs.checked(
      buildSchema(`type Query { x: Int } type Subscription { departmentChanged(code: String): Q } type Q { id: ID! kind: String }`),
      text,
    );
    expect("document" in c && "document" in a && c.document !== a.document).toBe(true);
  });

  it("answers parse and validation errors without keeping the text", () => {
    const docs = new SharedDocuments({ maxTokens: 5 });
    expect("parseError" in docs.checked(schema, "subscription {")).toBe(true);
    expect("parseError" in docs.checked(schema, text)).toBe(true); // over the token cap
    const loose = new SharedDocuments();
    const invalid = loose.checked(schema, "subscription { departmentChanged { nope } }");
    expect("invalid" in invalid && invalid.invalid[0]!.message).toMatch(/nope/);
  });

  it("shares a plan per key and builds a new one for other variables", () => {
    const docs = new SharedDocuments();
    const checked = docs.checked(schema, text);
    if (!("document" in checked)) throw new Error("not valid");
    const op = getOperationAST(checked.document)!;
    let built = 0;
    const plan = (vars: Record<string, unknown>) =>
      docs.plan(schema, `${text}\u0000\u0000${JSON.stringify(vars)}`, () => (built++, planSubscription(checked.document, op, route, vars)));
    const p1 = plan({ c: "market" });
    expect(plan({ c: "market" })).toBe(p1);
    const p2 = plan({ c: "health" });
    expect(p2).not.toBe(p1);
    expect(p2.upstream.variables).toEqual({ c: "health" });
    expect(built).toBe(2);
  });
});
