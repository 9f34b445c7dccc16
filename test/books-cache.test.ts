import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gql } from "../scripts/src/lib/graphql-client.js";
import { fillBooks } from "./support/books.js";
import { TestFederation } from "./support/federation.js";

/**
 * The dashboard figures a department caches (docs/performance.md, "Dashboard") follow every change of its
 * books: matters published by mutation, subjects imported past the ORM, inspectors added.
 */
describe("cached dashboard figures of a department", () => {
  let f: TestFederation;
  beforeAll(async () => {
    f = await TestFederation.start([{ code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" }]);
  }, 60_000);
  afterAll(async () => {
    await f?.stop();
  });

  const figures = async () => {
    const r = await gql<any>(
      f.gatewayUrl,
      `{ department(code: "market") { publishedMatterCount subjectCountsByRiskClass { count } inspectorCountsByStatus { count } } }`,
      {},
      await f.coordinator(),
    );
    const sum = (xs: { count: number }[]) => xs.reduce((n, x) => n + x.count, 0);
    const d = r.department;
    return { matters: d.publishedMatterCount, subjects: sum(d.subjectCountsByRiskClass), inspectors: sum(d.inspectorCountsByStatus) };
  };

  it("answers the figures of the books as they are after each change", async () => {
    expect(await figures()).toEqual({ matters: 0, subjects: 0, inspectors: 0 });
    expect(await figures()).toEqual({ matters: 0, subjects: 0, inspectors: 0 }); // now cached
    const admin = await f.admin("market");
    await fillBooks(f.gatewayUrl, "market", { matters: [{ code: "C-1" }], subjects: [1, 5], inspectors: [1, 2] }, admin);
    expect(await figures()).toEqual({ matters: 1, subjects: 5, inspectors: 2 });
    // an import alone (on SQLite it writes past the ORM)
    await fillBooks(f.gatewayUrl, "market", { matters: [], subjects: [6, 12], inspectors: [] }, admin);
    expect(await figures()).toEqual({ matters: 1, subjects: 12, inspectors: 2 });
    await fillBooks(f.gatewayUrl, "market", { matters: [{ code: "C-2" }], subjects: [6, 12], inspectors: [3] }, admin);
    expect(await figures()).toEqual({ matters: 2, subjects: 12, inspectors: 3 });
  }, 60_000);
});
