import { AuditEvent, entryHash } from "@ssj/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Draw, DrawPool } from "../subgraphs/county/src/draws/draw.entity.js";
import { Plan } from "../subgraphs/county/src/plans/plan.entity.js";
import { fillBooks } from "./support/books.js";
import { TestFederation } from "./support/federation.js";

/**
 * Issue #16.2: edits made straight in the county database, each of which `Draw.verification` must
 * report, naming what broke — then undone, after which the draw verifies again. Runs on SQLite, and
 * on PostgreSQL when TEST_PG_URL is set (.ci/run).
 */
describe("Draw.verification notices tampering in the database", () => {
  let f: TestFederation;
  let drawId: number;
  let planId: number;
  const chain = () => `draw:${drawId}`;
  const em = () => f.county.orm.em.fork();
  const Q = `query($d: ID!) { draw(id: $d) { verification { ok chainValid stateMatches problems { check message } checkpoint { seq hash kid } } } }`;
  const verification = async () => (await f.gql<any>(Q, { d: String(drawId) })).draw.verification;

  beforeAll(async () => {
    f = await TestFederation.start([{ code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" }]);
    const matters = await fillBooks(
      f.gatewayUrl,
      "market",
      { matters: [{ code: "SC-1" }], subjects: [1, 30], inspectors: [1, 2, 3, 4] },
      await f.admin("market"),
    );
    const plan = await f.gql<any>("mutation($i: PlanInput!) { createPlan(input: $i) { id } }", {
      i: {
        name: "2027 篡改检测",
        leadDepartment: "market",
        matters: matters.map((id) => ({ department: "market", matterId: id })),
        ratios: { D: 0.5, C: 0.3, B: 0.1, A: 0.05 },
        windowStart: "2027-04-01",
        windowEnd: "2027-04-30",
      },
    });
    planId = Number(plan.createPlan.id);
    const d = await f.gql<any>("mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: String(planId) });
    drawId = Number(d.createDraw.id);
    for (const m of [
      "mutation($d: ID!) { freezeDraw(drawId: $d) { id } }",
      'mutation($d: ID!) { enterCeremonyValues(drawId: $d, values: ["福彩3D 2027090 开奖号 381"]) { id } }',
      "mutation($d: ID!) { executeDraw(drawId: $d) { id } }",
      "mutation($d: ID!) { publishDraw(drawId: $d) { id } }",
    ])
      await f.gql(m, { d: String(drawId) });
  }, 120_000);
  afterAll(async () => {
    await f?.stop();
  });

  /** Applies an edit, expects `check` reported with `words` in its message, undoes it and expects a clean result. */
  async function expectReported(edit: () => Promise<() => Promise<void>>, check: string, words: string) {
    const undo = await edit();
    try {
      const v = await verification();
      expect(v.ok).toBe(false);
      expect(v.problems).toContainEqual({ check, message: expect.stringContaining(words) });
    } finally {
      await undo();
    }
    expect((await verification()).problems).toEqual([]);
  }

  it("verifies an untouched draw, with a signed checkpoint of the chain head", async () => {
    const v = await verification();
    expect(v).toMatchObject({ ok: true, chainValid: true, stateMatches: true, problems: [] });
    const head = await em().findOneOrFail(AuditEvent, { chain: chain() }, { orderBy: { seq: "desc" } });
    expect(v.checkpoint).toMatchObject({ seq: head.seq, hash: head.hash });
    const keys = await f.gql<any>("{ checkpointKeys { kid alg x } }");
    expect(keys.checkpointKeys[0]).toMatchObject({ kid: v.checkpoint.kid, alg: "Ed25519" });
  });

  const editDraw = (changes: Partial<Draw>) => async () => {
    const before = await em().findOneOrFail(Draw, { id: drawId });
    const old = Object.fromEntries(Object.keys(changes).map((k) => [k, (before as any)[k]]));
    await em().nativeUpdate(Draw, { id: drawId }, changes);
    return async () => void (await em().nativeUpdate(Draw, { id: drawId }, old));
  };
  const editPlan = (changes: Partial<Plan>) => async () => {
    const before = await em().findOneOrFail(Plan, { id: planId });
    const old = Object.fromEntries(Object.keys(changes).map((k) => [k, (before as any)[k]]));
    await em().nativeUpdate(Plan, { id: planId }, changes);
    return async () => void (await em().nativeUpdate(Plan, { id: planId }, old));
  };

  it("reports an edited seed", () => expectReported(editDraw({ seed: "f".repeat(64) }), "SEED", "draw.seed"));

  it("reports edited ceremony values", () =>
    expectReported(editDraw({ ceremonyValues: ["福彩3D 2027090 开奖号 382"] }), "CEREMONY", "draw.ceremonyValues"));

  it("reports edited pool digests", async () => {
    const d = (await em().findOneOrFail(Draw, { id: drawId })).digests!;
    await expectReported(editDraw({ digests: { ...d, candidates: "0".repeat(64) } }), "DIGESTS", "draw.digests.candidates");
  });

  it("reports a renamed plan", () => expectReported(editPlan({ name: "另一个计划" }), "PLAN", "plan.name"));

  it("reports edited plan ratios", () =>
    expectReported(editPlan({ ratios: { FLAGGED: 1, D: 0.9, C: 0.3, B: 0.1, A: 0.05 } }), "PLAN", "plan.ratios"));

  it("reports an edited frozen pool", () =>
    expectReported(
      async () => {
        const row = await em().findOneOrFail(DrawPool, { drawId, kind: "candidates" });
        // the stored canonical text (ssj-candidate-pool/1): line 2 is the first candidate, its 2nd field the stratum
        const lines = row.entries.split("\n");
        const fields = lines[1]!.split("\t");
        fields[1] = fields[1] === "A" ? "D" : "A";
        lines[1] = fields.join("\t");
        await em().nativeUpdate(DrawPool, { id: row.id }, { entries: lines.join("\n") });
        return async () => void (await em().nativeUpdate(DrawPool, { id: row.id }, { entries: row.entries }));
      },
      "POOL",
      "frozen pool candidates",
    ));

  it("reads a draw stored the way draws were before the canonical pool texts (JSON candidates, no committed text) alike", async () => {
    const recordOf = async () =>
      (await (
        await fetch(f.gatewayUrl.replace(/\/graphql$/, `/draws/${drawId}/record.json?pools=all`), { headers: await f.auditor() })
      ).json()) as any;
    const before = await recordOf();
    const rows = await em().find(DrawPool, { drawId, kind: { $in: ["candidates", "committed"] } });
    const candidates = rows.find((r) => r.kind === "candidates")!;
    const committed = rows.find((r) => r.kind === "committed")!;
    expect(candidates.entries.startsWith("ssj-candidate-pool/1\n")).toBe(true);
    expect(committed.entries.startsWith("ssj-committed-candidate-pool/1\n")).toBe(true);
    await em().nativeUpdate(DrawPool, { id: candidates.id }, { entries: JSON.stringify(before.audit.candidates) });
    await em().nativeDelete(DrawPool, { id: committed.id });
    try {
      expect((await verification()).problems).toEqual([]);
      const after = await recordOf();
      expect(after.view).toEqual(before.view);
      expect(after.audit).toEqual(before.audit);
    } finally {
      await em().nativeUpdate(DrawPool, { id: candidates.id }, { entries: candidates.entries });
      const e = em();
      e.create(DrawPool, { drawId, kind: "committed", entries: committed.entries });
      await e.flush();
    }
  });

  it("does not trust a stored committed text that no longer matches its published digest", async () => {
    const row = await em().findOneOrFail(DrawPool, { drawId, kind: "committed" });
    const view = async () => ((await (await fetch(f.gatewayUrl.replace(/\/graphql$/, `/draws/${drawId}/record.json`))).json()) as any).view;
    const before = await view();
    expect(before.candidates.length).toBe(30);
    // a forged commitment on the first candidate's line
    const lines = row.entries.split("\n");
    const fields = lines[1]!.split("\t");
    fields[1] = "0".repeat(64);
    lines[1] = fields.join("\t");
    await em().nativeUpdate(DrawPool, { id: row.id }, { entries: lines.join("\n") });
    try {
      expect(await view()).toEqual(before);
    } finally {
      await em().nativeUpdate(DrawPool, { id: row.id }, { entries: row.entries });
    }
  });

  it("reports a deleted last audit entry", () =>
    expectReported(
      async () => {
        const last = await em().findOneOrFail(AuditEvent, { chain: chain() }, { orderBy: { seq: "desc" } });
        const { id: _id, ...copy } = { ...last };
        await em().nativeDelete(AuditEvent, { id: last.id });
        return async () => {
          const e = em();
          e.create(AuditEvent, copy);
          await e.flush();
        };
      },
      "CHECKPOINT",
      "chain truncated",
    ));

  it("reports a rewritten entry whose later hashes were recomputed", () =>
    expectReported(
      async () => {
        const events = await em().find(AuditEvent, { chain: chain() }, { orderBy: { seq: "asc" } });
        const originals = events.map((e) => ({ id: e.id, payload: e.payload, prevHash: e.prevHash, hash: e.hash }));
        let prev = events[0]!.prevHash;
        for (const e of events) {
          const payload = e.action === "DRAW_CREATED" ? JSON.stringify({ planId, sequence: 1, forged: true }) : e.payload;
          const hash = entryHash({ ...e, payload, prevHash: prev });
          await em().nativeUpdate(AuditEvent, { id: e.id }, { payload, prevHash: prev, hash });
          prev = hash;
        }
        const v = await verification();
        expect(v.problems.filter((p: any) => p.check === "CHAIN")).toEqual([]); // the hashes link again…
        expect(v.chainValid).toBe(false); // …but no longer match the signed checkpoints
        return async () => {
          for (const o of originals)
            await em().nativeUpdate(AuditEvent, { id: o.id }, { payload: o.payload, prevHash: o.prevHash, hash: o.hash });
        };
      },
      "CHECKPOINT",
      "chain rewritten: seq 1",
    ));
});
