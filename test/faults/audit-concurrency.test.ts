import { AuditEvent, verifyChain } from "@ssj/shared";
import type { MikroORM } from "@mikro-orm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillBooks } from "../support/books.js";
import { inspectorInput } from "../support/fixtures.js";
import { TestFederation } from "../support/federation.js";

/**
 * Ten concurrent calls of each mutation (issue: 14 of 30 entries were lost on PostgreSQL, and joined
 * field names overflowed `action`). Every committed change has its entry in the change's own chain,
 * every request its entry in the `mutations` chain, and every chain verifies. Runs on SQLite, and on
 * PostgreSQL when TEST_PG_URL is set (as .ci/run does).
 */
describe("audit log under concurrent writers", () => {
  let f: TestFederation;
  let matterIds: string[];
  const count = (orm: MikroORM, chain: string) => orm.em.fork().count(AuditEvent, { chain });
  const verified = async (orm: MikroORM, chain: string) => (await verifyChain(orm.em.fork(), chain)).ok;

  beforeAll(async () => {
    f = await TestFederation.start([{ code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" }]);
    matterIds = await fillBooks(
      f.gatewayUrl,
      "market",
      { matters: [{ code: "SC-1" }], subjects: [1, 30], inspectors: [1, 2, 3, 4] },
      await f.admin("market"),
    );
  }, 120_000);
  afterAll(async () => {
    await f?.stop();
  });

  /** Ten identical calls at once; answers with and without errors. */
  const tenTimes = async (query: string, variables: Record<string, unknown>) => {
    const all = await Promise.all(Array.from({ length: 10 }, () => f.gqlRaw<any>(query, variables)));
    return { ok: all.filter((r) => !r.errors?.length), refused: all.filter((r) => r.errors?.length) };
  };

  it("writes one entry per committed draw step and one per request, in verifiable chains", async () => {
    const county = f.county.orm;
    const before = await count(county, "mutations");
    const plans = await tenTimes("mutation($i: PlanInput!) { createPlan(input: $i) { id } }", {
      i: {
        name: "并发审计测试",
        leadDepartment: "market",
        matters: matterIds.map((id) => ({ department: "market", matterId: id })),
        ratios: { D: 0.5, C: 0.3, B: 0.2, A: 0.1 },
        windowStart: "2027-04-01",
        windowEnd: "2027-04-30",
      },
    });
    expect(plans.ok).toHaveLength(10);
    for (const p of plans.ok) expect(await count(county, `plan:${p.data.createPlan.id}`)).toBe(1);

    const planId = plans.ok[0]!.data.createPlan.id;
    const created = await tenTimes("mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: planId });
    expect(created.ok).toHaveLength(1);
    const drawId = created.ok[0]!.data.createDraw.id;
    let committed = created.ok.length;
    for (const step of [
      "mutation($d: ID!) { freezeDraw(drawId: $d) { status } }",
      'mutation($d: ID!) { enterCeremonyValues(drawId: $d, values: ["381"]) { status } }',
      "mutation($d: ID!) { executeDraw(drawId: $d) { status } }",
      "mutation($d: ID!) { publishDraw(drawId: $d) { status } }",
    ]) {
      const r = await tenTimes(step, { d: drawId });
      expect(r.ok).toHaveLength(1); // exactly one of ten concurrent calls wins …
      for (const x of r.refused) expect(x.errors[0].extensions.code).toBe("INVALID_STATE"); // … the others are refused cleanly
      committed += r.ok.length;
    }
    expect(await count(county, `draw:${drawId}`)).toBe(committed);
    expect(await verified(county, `draw:${drawId}`)).toBe(true);
    // 6 kinds × 10 requests, allowed or refused, each with its entry
    expect((await count(county, "mutations")) - before).toBe(60);
    expect(await verified(county, "mutations")).toBe(true);
  }, 180_000);

  it("keeps every department mutation, including operations with many fields", async () => {
    const market = f.departments.get("market")!.orm;
    const before = await count(market, "mutations");
    const adds = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        f.gqlRaw<any>("mutation($d: String!, $i: InspectorInput!) { addInspector(department: $d, input: $i) { id } }", {
          d: "market",
          i: inspectorInput(100 + i),
        }),
      ),
    );
    expect(adds.every((r) => !r.errors?.length)).toBe(true);
    // One operation with twelve aliased fields: the joined names exceed 64 characters.
    const fields = Array.from(
      { length: 12 },
      (_, i) => `addInspectorWithAVeryLongAlias${i}: addInspector(department: "market", input: $i${i}) { id }`,
    );
    const vars = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`i${i}`, inspectorInput(200 + i)]));
    const decl = Object.keys(vars)
      .map((k) => `$${k}: InspectorInput!`)
      .join(", ");
    const many = await f.gqlRaw<any>(`mutation(${decl}) { ${fields.join(" ")} }`, vars);
    expect(many.errors ?? []).toEqual([]);
    expect((await count(market, "mutations")) - before).toBe(11);
    const last = await market.em.fork().findOne(AuditEvent, { chain: "mutations" }, { orderBy: { seq: "desc" } });
    expect(last!.action.length).toBeGreaterThan(64);
    expect(await verified(market, "mutations")).toBe(true);
  }, 120_000);
});
