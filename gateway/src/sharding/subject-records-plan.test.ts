import { operationFromDocument, Supergraph } from "@apollo/federation-internals";
import { QueryPlanner } from "@apollo/query-planner";
import { parse } from "graphql";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_SUPERGRAPH } from "../server.js";

/**
 * How the committed supergraph plans the ways to `Subject.records` (docs/architecture.md, "How
 * `Subject.records` fans out"): `records` must always be an entity fetch keyed by USCC alone to the
 * `subject-records` member, which the sharded source sends to every department; and a department's
 * record reaches it without asking the county.
 */
const supergraph = Supergraph.build(readFileSync(DEFAULT_SUPERGRAPH, "utf8"));
const planner = new QueryPlanner(supergraph);

interface Fetch {
  serviceName: string;
  operation: string;
}

function fetches(query: string): Fetch[] {
  const plan = planner.buildQueryPlan(operationFromDocument(supergraph.schema, parse(query)));
  const found: Fetch[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(walk);
    const n = node as Record<string, unknown>;
    if (n.kind === "Fetch") found.push({ serviceName: String(n.serviceName), operation: String(n.operation) });
    for (const v of Object.values(n)) if (v && typeof v === "object") walk(v);
  };
  walk(plan.node);
  return found;
}

function expectRecordsFanOut(all: Fetch[]): void {
  const records = all.filter((f) => /\brecords\b/.test(f.operation));
  expect(records.length).toBeGreaterThan(0);
  for (const f of records) {
    expect(f.serviceName).toBe("subject-records");
    expect(f.operation).toContain("_entities");
    expect(f.operation).toMatch(/\.\.\.\s*on Subject\s*{\s*records/);
  }
}

describe("the query plan of Subject.records", () => {
  it("goes from a department's listing straight to every department's records, without a county hop", () => {
    const all = fetches(
      `{ department(code: "market") { subjects(first: 10) { nodes { uscc subject { records { department riskClass name } } } } } }`,
    );
    // the county answers only the root `department(code)`; the records' subjects come with the listing
    expect(all.map((f) => f.serviceName)).toEqual(["county", "department", "subject-records"]);
    expect(all[0]!.operation).not.toContain("_entities");
    expect(all[1]!.operation).toMatch(/subject\s*{/);
    expectRecordsFanOut(all);
  });

  it("fans out from a subject the county reaches", () => {
    const all = fetches(`{ subject(uscc: "91350100M000100Y43") { uscc records { department name } } }`);
    expect(all.map((f) => f.serviceName)).toEqual(["county", "subject-records"]);
    expectRecordsFanOut(all);
  });

  it("fans out from one department's record, and the county still adds its fields to every record", () => {
    const all = fetches(
      `{ supervisionRecord(department: "market", uscc: "91350100M000100Y43") { name subject { records { department riskClass inspections { visitId } } } } }`,
    );
    expect(all.map((f) => f.serviceName)).toEqual(["department", "subject-records", "county"]);
    expectRecordsFanOut(all);
  });

  it("fans out again from a record reached through records", () => {
    const all = fetches(`{ subject(uscc: "91350100M000100Y43") { records { name subject { records { department } } } } }`);
    expect(all.filter((f) => f.serviceName === "county")).toHaveLength(1);
    expectRecordsFanOut(all);
  });
});
