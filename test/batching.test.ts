import { countQueries } from "@ssj/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvFile, csvLine } from "./support/csv.js";
import { TestFederation } from "./support/federation.js";

const CODES = ["market", "ecology", "emergency", "health", "agriculture"];
const QUERY = `query($n: Int!) { department(code: "market") { subjects(first: $n) { nodes { uscc subject { records { department riskClass name } } } } } }`;

/** DataLoader behind every entity reference: SQL per instance must not grow with the number of subjects. */
describe("a federated query over many subjects", () => {
  let f: TestFederation;
  beforeAll(async () => {
    f = await TestFederation.start(CODES.map((code) => ({ code, name: `${code} 局` })));
    const file = csvFile(Array.from({ length: 1000 }, (_, i) => csvLine(i + 1)));
    for (const code of CODES) {
      const { body } = await f.upload(code, file);
      expect(body.data.created).toBe(1000);
    }
  }, 120_000);
  afterAll(async () => {
    await f?.stop();
  });

  async function sqlPerInstance(n: number): Promise<Record<string, number>> {
    const counters = Object.fromEntries(CODES.map((c) => [c, countQueries(f.departments.get(c)!.orm)]));
    const data = await f.gql<{ department: { subjects: { nodes: { subject: { records: unknown[] } }[] } } }>(QUERY, { n });
    expect(data.department.subjects.nodes).toHaveLength(n);
    for (const node of data.department.subjects.nodes) expect(node.subject.records).toHaveLength(5);
    return Object.fromEntries(Object.entries(counters).map(([c, k]) => [c, k.count]));
  }

  it("costs the same number of SQL statements per department for 10 and for 1,000 subjects", async () => {
    const small = await sqlPerInstance(10);
    const large = await sqlPerInstance(1000);
    expect(large).toEqual(small);
    // market: the page (rows + count) and the records; the others: only the records
    expect(large.market).toBeLessThanOrEqual(3);
    for (const c of CODES.slice(1)) expect(large[c]).toBe(1);
  });
});
