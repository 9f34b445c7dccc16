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
    // 6 kinds × 10 requests, allowed or refused, each with its entry: committed changes in their own transaction
    const entries = await entriesAfter(county, before);
    expect(entries).toHaveLength(60);
    expect(entries.filter((e) => e.outcome === "ok")).toHaveLength(10 + committed);
    expect(await verified(county, "mutations")).toBe(true);
  }, 180_000);

  /** Entries of the `mutations` chain with their outcome, after `before`. */
  const entriesAfter = async (orm: MikroORM, before: number) =>
    (await orm.em.fork().find(AuditEvent, { chain: "mutations", seq: { $gt: before } })).map((e) => ({
      action: e.action,
      ...(JSON.parse(e.payload) as { outcome: string; fields: string[] }),
    }));

  it("keeps every department mutation, one entry per committed change, including operations with many fields", async () => {
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
    // One operation with twelve aliased fields: twelve changes, each with its entry in its own transaction.
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
    const entries = await entriesAfter(market, before);
    expect(entries).toHaveLength(22);
    expect(entries.every((e) => e.action === "addInspector" && e.outcome === "ok")).toBe(true);
    expect(await verified(market, "mutations")).toBe(true);
  }, 120_000);

  it("rolls a change back when its audit entry cannot be written", async () => {
    const market = f.departments.get("market")!.orm;
    const conn = market.em.getConnection();
    const sqlite = market.em.getPlatform().constructor.name.toLowerCase().includes("sqlite");
    const inspectors = async () => Number((await conn.execute<{ n: number }[]>("select count(*) as n from inspector"))[0]!.n);
    // A fault in the database itself: every `mutations` entry of addInspector is refused.
    if (sqlite)
      await conn.execute(
        "create trigger fail_audit before insert on audit_event when new.chain = 'mutations' and new.action = 'addInspector' " +
          "begin select raise(abort, 'injected audit failure'); end",
      );
    else {
      await conn.execute(
        "create function fail_audit() returns trigger language plpgsql as $$ begin " +
          "if new.chain = 'mutations' and new.action = 'addInspector' then raise exception 'injected audit failure'; end if; " +
          "return new; end $$",
      );
      await conn.execute("create trigger fail_audit before insert on audit_event for each row execute function fail_audit()");
    }
    try {
      const before = await inspectors();
      const r = await f.gqlRaw<any>("mutation($d: String!, $i: InspectorInput!) { addInspector(department: $d, input: $i) { id } }", {
        d: "market",
        i: inspectorInput(300),
      });
      expect(r.errors?.[0]?.extensions?.code).toBe("AUDIT_WRITE_FAILED");
      expect(await inspectors()).toBe(before); // the change went with its entry
    } finally {
      await conn.execute(sqlite ? "drop trigger fail_audit" : "drop trigger fail_audit on audit_event");
      if (!sqlite) await conn.execute("drop function fail_audit()");
    }
    expect(await verified(market, "mutations")).toBe(true);
  }, 60_000);
});
