import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { checkCost } from "./cost.js";
import { DEFAULT_LIMITS } from "./limits.js";

const schema = buildSchema(`
  type Verification { ok: Boolean! }
  type Draw { id: ID!, verification: Verification! }
  type DrawConnection { nodes: [Draw!]! }
  type Query { draw(id: ID!): Draw, draws(first: Int): DrawConnection! }
`);
const cost = (query: string) => checkCost(schema, parse(query), undefined, {}, DEFAULT_LIMITS)?.extensions.code ?? null;

describe("query cost of costly fields", () => {
  it("lets one draw's verification through", () => {
    expect(cost(`{ draw(id: 1) { verification { ok } } }`)).toBeNull();
  });

  it("refuses a page of verifications that the same page of ids would not cost", () => {
    expect(cost(`{ draws(first: 100) { nodes { id } } }`)).toBeNull();
    expect(cost(`{ draws(first: 100) { nodes { verification { ok } } } }`)).toBe("QUERY_TOO_COMPLEX");
    const many = Array.from({ length: 12 }, (_, i) => `v${i}: draw(id: ${i}) { verification { ok } }`).join(" ");
    expect(cost(`{ ${many} }`)).toBe("QUERY_TOO_COMPLEX");
  });
});
