import { parse, print } from "graphql";
import { describe, expect, it } from "vitest";
import { planShardRequests } from "./plan.js";

const SHARDS = ["market", "ecology", "health"];
const known = (c: string) => SHARDS.includes(c);

describe("planShardRequests", () => {
  it("splits an _entities fetch by the department in each representation, fanning out USCC-only keys", () => {
    const query = "query($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }";
    const reps = [
      { __typename: "Inspector", department: "health", id: "1" },
      { __typename: "Department", code: "market" },
      { __typename: "Subject", uscc: "X" },
      { __typename: "Inspector", department: "nowhere", id: "2" },
    ];
    const plan = planShardRequests(query, { representations: reps }, undefined, SHARDS, known);
    expect(plan.entityCount).toBe(4);
    expect(plan.requests.map((r) => [r.shard, r.entityIndexes])).toEqual([
      ["market", [1, 2]],
      ["ecology", [2]],
      ["health", [0, 2]],
    ]);
    expect(plan.requests[0]!.variables.representations).toEqual([reps[1], reps[2]]);
    expect(plan.errors).toEqual([
      expect.objectContaining({ path: ["_entities", 3], extensions: { code: "UNKNOWN_DEPARTMENT", department: "nowhere" } }),
    ]);
  });

  it("routes root fields by their department argument and trims unused variables per shard", () => {
    const query =
      'query($a: String!, $b: String!) { x: inspector(department: $a, id: "1") { id } y: matter(department: $b, id: "2") { id } }';
    const plan = planShardRequests(query, { a: "market", b: "health" }, undefined, SHARDS, known);
    expect(plan.requests.map((r) => r.shard)).toEqual(["market", "health"]);
    expect(print(parse(plan.requests[0]!.query))).toBe(print(parse('query($a: String!) { x: inspector(department: $a, id: "1") { id } }')));
    expect(print(parse(plan.requests[1]!.query))).toBe(print(parse('query($b: String!) { y: matter(department: $b, id: "2") { id } }')));
  });

  it("fans a query field without a department out to every shard, and refuses such a mutation", () => {
    expect(planShardRequests("{ a: __typename }", {}, undefined, SHARDS, known).requests.map((r) => r.shard)).toEqual(["market"]);
    const mutation = planShardRequests("mutation { doIt { id } }", {}, undefined, SHARDS, known);
    expect(mutation.requests).toEqual([]);
    expect(mutation.errors[0]!.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
