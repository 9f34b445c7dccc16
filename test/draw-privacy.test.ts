import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gqlRaw } from "../scripts/src/lib/graphql-client.js";
import { verifyPublicFile } from "../scripts/src/verify/verify-file.js";
import { discloseEndedWindows, onEveryVisitInspected } from "../subgraphs/county/src/draws/disclosure.js";
import { Visit } from "../subgraphs/county/src/visits/visit.entity.js";
import { fillBooks } from "./support/books.js";
import { TestFederation } from "./support/federation.js";

/**
 * Issue #16.3 (risk classes stay internal, the draw stays verifiable) and #14's AFTER_WINDOW
 * disclosure, through the gateway. Runs on SQLite, and on PostgreSQL when TEST_PG_URL is set.
 */
describe("risk-class privacy and deferred disclosure", () => {
  let f: TestFederation;
  let matters: string[];
  const pub = (query: string, variables: Record<string, unknown> = {}) => gqlRaw<any>(f.gatewayUrl, query, variables);
  const recordFile = async (drawId: string, headers: Record<string, string> = {}) =>
    (await (await fetch(f.gatewayUrl.replace(/\/graphql$/, `/draws/${drawId}/record.json`), { headers })).json()) as any;

  async function publishedDraw(disclosure: "IMMEDIATE" | "AFTER_WINDOW", name: string): Promise<string> {
    const plan = await f.gql<any>("mutation($i: PlanInput!) { createPlan(input: $i) { id disclosure } }", {
      i: {
        name,
        leadDepartment: "market",
        matters: matters.map((id) => ({ department: "market", matterId: id })),
        ratios: { D: 0.5, C: 0.3, B: 0.1, A: 0.05 },
        windowStart: "2027-04-01",
        windowEnd: "2027-04-30",
        disclosure,
      },
    });
    expect(plan.createPlan.disclosure).toBe(disclosure);
    const d = await f.gql<any>("mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: plan.createPlan.id });
    const drawId = d.createDraw.id as string;
    for (const m of [
      "mutation($d: ID!) { freezeDraw(drawId: $d) { id } }",
      'mutation($d: ID!) { enterCeremonyValues(drawId: $d, values: ["福彩3D 2027091 开奖号 604"]) { id } }',
      "mutation($d: ID!) { executeDraw(drawId: $d) { id } }",
      "mutation($d: ID!) { publishDraw(drawId: $d) { id } }",
    ])
      await f.gql(m, { d: drawId });
    return drawId;
  }

  beforeAll(async () => {
    f = await TestFederation.start([
      { code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" },
      { code: "health", name: "卫生健康局" },
    ]);
    matters = await fillBooks(
      f.gatewayUrl,
      "market",
      { matters: [{ code: "SC-1" }], subjects: [1, 30], inspectors: [1, 2, 3, 4] },
      await f.admin("market"),
    );
  }, 120_000);
  afterAll(async () => {
    await f?.stop();
  });

  describe("an IMMEDIATE draw", () => {
    let drawId: string;
    beforeAll(async () => {
      drawId = await publishedDraw("IMMEDIATE", "2027 分层承诺");
    }, 60_000);

    it("publishes commitments, not strata, and the public view verifies", async () => {
      const file = await recordFile(drawId);
      expect(file.view.candidates[0]).toEqual({
        subjectId: expect.any(String),
        commitment: expect.stringMatching(/^[0-9a-f]{64}$/),
        matters: expect.any(Array),
        departments: ["market"],
      });
      expect(JSON.stringify(file.view.candidates) + JSON.stringify(file.view.selected)).not.toContain('"stratum"');
      expect(file.view.strata.find((s: any) => s.stratum === "D")).toMatchObject({
        poolSize: expect.any(Number),
        target: expect.any(Number),
        threshold: expect.any(String),
      });
      const r = verifyPublicFile(file);
      expect(r).toMatchObject({ ok: true, view: "public" });
      expect(r.checks).toContainEqual(expect.stringContaining("signed checkpoints"));
    });

    it("hides strata, ranks and class counts from the public", async () => {
      const visits = await pub("query($d: ID!) { draw(id: $d) { visits(first: 50) { nodes { uscc stratum rank ticket } } } }", {
        d: drawId,
      });
      expect(visits.data.draw.visits.nodes.length).toBeGreaterThan(0);
      for (const v of visits.data.draw.visits.nodes) expect(v).toMatchObject({ stratum: null, rank: null, ticket: expect.any(String) });
      const counts = await pub('{ department(code: "market") { subjectCountsByRiskClass { riskClass count } } }');
      expect(counts.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const staff = await f.gqlRaw(
        '{ department(code: "market") { subjectCountsByRiskClass { riskClass count } } }',
        {},
        await f.admin("market"),
      );
      expect(staff.data.department.subjectCountsByRiskClass).toContainEqual({ riskClass: "D", count: expect.any(Number) });
    });

    it("lets a subject open its own commitment through its supervising department, and nobody else hand it out", async () => {
      const file = await recordFile(drawId);
      const subjectId = file.view.selected[0].id;
      const m =
        "mutation($d: ID!, $s: String!) { discloseStratumOpening(drawId: $d, subjectId: $s) { subjectId stratum salt commitment } }";
      expect((await pub(m, { d: drawId, s: subjectId })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await f.gqlRaw(m, { d: drawId, s: subjectId }, await f.admin("health"))).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const opened = await f.gqlRaw(m, { d: drawId, s: subjectId }, await f.admin("market"));
      const opening = opened.data.discloseStratumOpening;
      expect(opening.commitment).toBe(file.view.selected[0].commitment);
      expect(verifyPublicFile(file, { opening })).toMatchObject({ ok: true, view: "subject" });
      expect(verifyPublicFile(file, { opening: { ...opening, stratum: opening.stratum === "A" ? "B" : "A" } })).toMatchObject({
        ok: false,
        firstDifference: expect.stringContaining("does not match"),
      });
      const full = await recordFile(drawId, await f.auditor());
      expect(full.audit).toBeUndefined(); // the GraphQL-free path needs ?pools=all
    });
  });

  describe("an AFTER_WINDOW draw", () => {
    it("publishes digests, seed, counts and the view's SHA-256 first; the full view, hashing to it, when the window ends", async () => {
      const drawId = await publishedDraw("AFTER_WINDOW", "2027 延后公开");
      const early = await recordFile(drawId);
      expect(early.view).toBeNull();
      expect(early.disclosure).toMatchObject({
        policy: "AFTER_WINDOW",
        disclosed: false,
        viewDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(early.summary.strata.length).toBe(5);
      expect(verifyPublicFile(early)).toMatchObject({ ok: true, view: "withheld" });
      const visits = await pub("query($d: ID!) { draw(id: $d) { visits(first: 50) { totalCount } } }", { d: drawId });
      expect(visits.data.draw.visits.totalCount).toBe(0);
      const internal = await f.gql<any>("query($d: ID!) { draw(id: $d) { visits(first: 50) { totalCount nodes { id } } } }", { d: drawId });
      expect(internal.draw.visits.totalCount).toBeGreaterThan(0);
      const one = internal.draw.visits.nodes[0].id;
      expect((await pub("query($v: ID!) { visit(id: $v) { uscc } }", { v: one })).data.visit).toBeNull();

      expect(await discloseEndedWindows(f.county.orm.em.fork(), new Date("2027-04-30T12:00:00Z"))).toEqual([]);
      expect(await discloseEndedWindows(f.county.orm.em.fork(), new Date("2027-05-01T01:00:00Z"))).toContain(Number(drawId));
      const late = await recordFile(drawId);
      expect(late.disclosure).toMatchObject({ disclosed: true, viewDigest: early.disclosure.viewDigest });
      const r = verifyPublicFile(late, { earlier: early });
      expect(r).toMatchObject({ ok: true, view: "public" });
      expect(r.checks).toContainEqual(expect.stringContaining("hashes to the SHA-256 committed"));
      const forged = structuredClone(late);
      forged.disclosure.viewDigest = "0".repeat(64);
      expect(verifyPublicFile(forged, { earlier: early })).toMatchObject({ ok: false });
      // the timer's disclosure publishes no event: the gateway may serve the public's earlier answer for RESPONSE_CACHE_MS more
      await expect
        .poll(async () => (await pub("query($v: ID!) { visit(id: $v) { uscc } }", { v: one })).data.visit?.uscc, { timeout: 10_000 })
        .toEqual(expect.any(String));
      const v = await f.gql<any>("query($d: ID!) { draw(id: $d) { disclosedAt verification { ok problems { message } } } }", { d: drawId });
      expect(v.draw.disclosedAt).not.toBeNull();
      expect(v.draw.verification).toEqual({ ok: true, problems: [] });
    });

    it("discloses as soon as every visit is inspected", async () => {
      const drawId = await publishedDraw("AFTER_WINDOW", "2027 检查完毕即公开");
      const em = f.county.orm.em.fork();
      expect(await onEveryVisitInspected(em, Number(drawId))).toBe(false);
      await em.nativeUpdate(Visit, { drawId: Number(drawId) }, { status: "INSPECTED" as never });
      expect(await onEveryVisitInspected(em, Number(drawId))).toBe(true);
      const file = await recordFile(drawId);
      expect(file.view).not.toBeNull();
      expect(verifyPublicFile(file)).toMatchObject({ ok: true, view: "public" });
    });
  });
});
