import { AuditEvent } from "@ssj/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillBooks } from "../support/books.js";
import { csvFile, csvLine } from "../support/csv.js";
import { TestFederation } from "../support/federation.js";

/**
 * Outcomes a client can act on (issue: a retry after the county died right after a commit got
 * INVALID_STATE; queries with the county down got INTERNAL_SERVER_ERROR). A retry with the same
 * idempotency key answers the committed result, and a county that is down is COUNTY_UNAVAILABLE.
 */
describe("idempotency keys and COUNTY_UNAVAILABLE", () => {
  let f: TestFederation;
  let planId: string;

  beforeAll(async () => {
    f = await TestFederation.start([{ code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" }]);
    const ids = await fillBooks(
      f.gatewayUrl,
      "market",
      { matters: [{ code: "SC-1" }], subjects: [1, 20], inspectors: [1, 2, 3] },
      await f.admin("market"),
    );
    planId = (
      await f.gql<any>("mutation($i: PlanInput!) { createPlan(input: $i) { id } }", {
        i: {
          name: "幂等测试",
          leadDepartment: "market",
          matters: ids.map((id) => ({ department: "market", matterId: id })),
          ratios: { D: 0.5, C: 0.5, B: 0.5, A: 0.5 },
          windowStart: "2027-04-01",
          windowEnd: "2027-04-30",
        },
      })
    ).createPlan.id;
  }, 120_000);
  afterAll(async () => {
    await f?.stop();
  });

  it("answers a retried draw step with the committed result, once per key", async () => {
    const create = "mutation($p: ID!, $k: String) { createDraw(planId: $p, idempotencyKey: $k) { id status } }";
    const first = await f.gqlRaw<any>(create, { p: planId, k: "create-1" });
    const retry = await f.gqlRaw<any>(create, { p: planId, k: "create-1" });
    expect(retry.errors).toBeUndefined();
    expect(retry.data.createDraw).toEqual(first.data.createDraw);
    const withoutKey = await f.gqlRaw<any>(create, { p: planId, k: null });
    expect(withoutKey.errors[0].extensions.code).toBe("ONE_DRAW_PER_TASK");
    const drawId = first.data.createDraw.id;

    const steps: [string, Record<string, unknown>][] = [
      ["mutation($d: ID!, $k: String) { freezeDraw(drawId: $d, idempotencyKey: $k) { status digests { candidates } } }", {}],
      ['mutation($d: ID!, $k: String) { enterCeremonyValues(drawId: $d, values: ["381"], idempotencyKey: $k) { status seed } }', {}],
      ["mutation($d: ID!, $k: String) { executeDraw(drawId: $d, idempotencyKey: $k) { status visitCount } }", {}],
      ["mutation($d: ID!, $k: String) { publishDraw(drawId: $d, idempotencyKey: $k) { status } }", {}],
    ];
    for (const [i, [step]] of steps.entries()) {
      // ten concurrent calls with one key: one runs, the others answer its result
      const all = await Promise.all(Array.from({ length: 10 }, () => f.gqlRaw<any>(step, { d: drawId, k: `step-${i}` })));
      for (const r of all) expect(r.errors).toBeUndefined();
      expect(new Set(all.map((r) => JSON.stringify(r.data))).size).toBe(1);
      const later = await f.gqlRaw<any>(step, { d: drawId, k: `step-${i}` });
      expect(later.data).toEqual(all[0]!.data);
      const otherKey = await f.gqlRaw<any>(step, { d: drawId, k: `another-${i}` });
      expect(otherKey.errors[0].extensions.code).toBe("INVALID_STATE");
    }
    // each step committed once
    const actions = (await f.county.orm.em.fork().find(AuditEvent, { chain: `draw:${drawId}` }, { orderBy: { seq: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["DRAW_CREATED", "DRAW_FROZEN", "CEREMONY_VALUES_ENTERED", "DRAW_EXECUTED", "DRAW_PUBLISHED"]);

    const reused = await f.gqlRaw<any>("mutation($d: ID!, $k: String) { publishDraw(drawId: $d, idempotencyKey: $k) { status } }", {
      d: drawId,
      k: "create-1",
    });
    expect(reused.errors[0].extensions.code).toBe("IDEMPOTENCY_KEY_REUSED");
    expect(reused.errors[0].message).toMatch(/幂等键/);
  }, 120_000);

  it("answers a retried import with the committed report without importing twice", async () => {
    const csv = csvFile([csvLine(500), csvLine(501)]).toString("utf8");
    const q =
      'mutation($c: String, $k: String) { importSubjectsCsv(department: "market", csv: $c, idempotencyKey: $k) { created updated committed } }';
    const first = await f.gql<any>(q, { c: csv, k: "import-1" });
    expect(first.importSubjectsCsv).toEqual({ created: 2, updated: 0, committed: true });
    const retry = await f.gql<any>(q, { c: csv, k: "import-1" });
    expect(retry.importSubjectsCsv).toEqual(first.importSubjectsCsv);
    const again = await f.gql<any>(q, { c: csv, k: "import-2" });
    expect(again.importSubjectsCsv).toEqual({ created: 0, updated: 0, committed: true }); // a new key imports again: the identical rows are unchanged
  }, 60_000);

  it("answers COUNTY_UNAVAILABLE with a Chinese message while the county is down", async () => {
    await f.county.stop();
    const r = await f.gqlRaw<any>("{ plans(first: 5) { nodes { id } } }");
    expect(r.errors[0].extensions.code).toBe("COUNTY_UNAVAILABLE");
    expect(r.errors[0].message).toMatch(/县级协调服务暂时不可用/);
  }, 60_000);
});
