// Size: over 300 lines: the cases share one federation and one set of books (starting a federation costs seconds per file).
import { commitmentOf } from "@ssj/draw-engine";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPublicFile } from "../scripts/src/verify/verify-file.js";
import { gqlRaw } from "../scripts/src/lib/graphql-client.js";
import { fillBooks } from "./support/books.js";
import { csvFile, csvLine } from "./support/csv.js";
import { TestFederation } from "./support/federation.js";

/**
 * SCENARIOS §2–§3 through the gateway, as the coordinator and a journalist without an account act:
 * a joint catering plan previewed and corrected, departments committing values a week before, the
 * freeze publishing digests and counts at once, the ceremony with its provenance, and the journalist's
 * verification of the downloaded record.
 */
describe("the public draw of a joint catering plan", () => {
  let f: TestFederation;
  const matters: Record<string, string[]> = {};
  let coordinator: Record<string, string>;
  /** The journalist: no token at all. */
  const journalist = (query: string, variables: Record<string, unknown> = {}) => gqlRaw<any>(f.gatewayUrl, query, variables, {});
  const as = async (query: string, variables: Record<string, unknown> = {}) => f.gqlRaw<any>(query, variables, coordinator);

  const HEALTH_VALUE = "health-2027-0325-8f3a1c9e5b27";
  const EMERGENCY_VALUE = "emergency 应急 7319 0442";
  const planInput = (overrides: Record<string, unknown> = {}) => ({
    name: "2027 餐饮服务单位联合抽查",
    leadDepartment: "market",
    cooperatingDepartments: ["health", "emergency"],
    matters: Object.entries(matters).flatMap(([department, ids]) => ids.map((matterId) => ({ department, matterId }))),
    scope: { regions: ["512021"] },
    ratios: { D: 0.3, C: 0.1, B: 0.03, A: 0.01 },
    windowStart: "2027-04-01",
    windowEnd: "2027-04-30",
    cap: 400,
    eligibleRegions: ["512021"],
    ...overrides,
  });

  beforeAll(async () => {
    f = await TestFederation.start([
      { code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION", region: "512021" },
      { code: "health", name: "卫生健康局", region: "512021" },
      { code: "emergency", name: "应急管理局", region: "512021" },
    ]);
    coordinator = await f.as({ sub: "zhou.xm", name: "周晓梅", role: "county_coordinator", region: "512021" });
    matters.market = await fillBooks(
      f.gatewayUrl,
      "market",
      { matters: [{ code: "SC-1" }], subjects: [1, 40], inspectors: [1, 2, 3, 4, 5, 6] },
      await f.admin("market"),
    );
    // 老王火锅店 and two others on the abnormal list: the highest stratum whatever their class
    const flagged = await f.upload("market", csvFile([41, 42, 43].map((n) => csvLine(n, { riskClass: "A", abnormalList: "是" }))));
    expect(flagged.body.data?.committed).toBeTruthy();
    matters.health = await fillBooks(
      f.gatewayUrl,
      "health",
      { matters: [{ code: "WS-1" }], subjects: [31, 50], inspectors: [11, 12, 13], category: "卫生监督", supervisionType: "公共场所" },
      await f.admin("health"),
    );
    matters.emergency = await fillBooks(
      f.gatewayUrl,
      "emergency",
      { matters: [{ code: "YJ-1" }], subjects: [36, 55], inspectors: [21, 22, 23], category: "燃气安全", supervisionType: "燃气使用" },
      await f.admin("emergency"),
    );
  }, 180_000);
  afterAll(async () => {
    await f?.stop();
  });

  let planId: string;
  let drawId: string;

  it("plans with a cap larger than the pool, saying that FLAGGED took the highest ratio", async () => {
    const created = await as(
      "mutation($i: PlanInput!) { createJointPlan(input: $i) { id status cap eligibleRegions ratios { stratum ratio defaulted zeroReason } } }",
      { i: planInput() },
    );
    expect(created.errors).toBeUndefined();
    planId = created.data.createJointPlan.id;
    expect(created.data.createJointPlan).toMatchObject({ status: "ACTIVE", cap: 400, eligibleRegions: ["512021"] });
    expect(created.data.createJointPlan.ratios).toEqual([
      { stratum: "FLAGGED", ratio: 0.3, defaulted: true, zeroReason: null },
      { stratum: "D", ratio: 0.3, defaulted: false, zeroReason: null },
      { stratum: "C", ratio: 0.1, defaulted: false, zeroReason: null },
      { stratum: "B", ratio: 0.03, defaulted: false, zeroReason: null },
      { stratum: "A", ratio: 0.01, defaulted: false, zeroReason: null },
    ]);
  });

  it("previews the plan as a freeze would, storing nothing, then corrects a ratio", async () => {
    const PREVIEW = `query($p: ID!) { planPreview(planId: $p) {
      candidates expectedVisits strata { stratum candidates ratio target } excluded { reason count subjects }
      departments { department candidates expectedVisits inspectors categories { category inspectors } } problems { code message } } }`;
    const first = (await as(PREVIEW, { p: planId })).data.planPreview;
    // market 1–43, health 31–50, emergency 36–55: 55 subjects in all
    expect(first.candidates).toBe(55);
    expect(first.problems).toEqual([]);
    expect(first.strata.map((s: any) => s.stratum)).toEqual(["FLAGGED", "D", "C", "B", "A"]);
    expect(first.strata[0]).toMatchObject({ stratum: "FLAGGED", candidates: 3, target: 1 });
    expect(first.strata.reduce((a: number, s: any) => a + s.candidates, 0)).toBe(55);
    expect(first.expectedVisits).toBe(first.strata.reduce((a: number, s: any) => a + s.target, 0));
    expect(first.departments.map((d: any) => [d.department, d.inspectors])).toEqual([
      ["market", 6],
      ["health", 3],
      ["emergency", 3],
    ]);
    expect(first.departments[1].categories).toEqual([{ category: "HEALTH_SUPERVISION", inspectors: 3 }]);
    expect(first.departments[0].expectedVisits).toBeGreaterThan(0);
    // nothing stored: no draw, and the plan's log holds only its creation
    expect((await as("query($p: ID!) { plan(id: $p) { draws { id } } }", { p: planId })).data.plan.draws).toEqual([]);

    const corrected = await as(
      "mutation($id: ID!, $i: PlanInput!) { updatePlan(id: $id, input: $i) { id updatedBy ratios { stratum ratio } } }",
      {
        id: planId,
        i: planInput({ ratios: { D: 0.3, C: 0.2, B: 0.03, A: 0.01 } }),
      },
    );
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data.updatePlan.updatedBy).toBe("county_coordinator:zhou.xm 周晓梅");
    expect(corrected.data.updatePlan.ratios[2]).toEqual({ stratum: "C", ratio: 0.2 });
    const second = (await as(PREVIEW, { p: planId })).data.planPreview;
    const c = second.strata.find((s: any) => s.stratum === "C");
    expect(c.target).toBe(Math.ceil(c.candidates * 0.2));
  });

  it("takes the departments' commitments before the freeze", async () => {
    const { data } = await as("mutation($p: ID!) { createDraw(planId: $p) { id status sequence } }", { p: planId });
    drawId = data.createDraw.id;
    const byHealth = await f.gqlRaw(
      "mutation($d: ID!, $h: String!) { commitCeremonyValue(drawId: $d, sha256: $h) { department sha256 } }",
      { d: drawId, h: commitmentOf(HEALTH_VALUE) },
      await f.admin("health"),
    );
    expect(byHealth.data?.commitCeremonyValue).toEqual({ department: "health", sha256: commitmentOf(HEALTH_VALUE) });
    const byCoordinator = await as(
      'mutation($d: ID!, $h: String!) { commitCeremonyValue(drawId: $d, sha256: $h, department: "emergency") { department } }',
      { d: drawId, h: commitmentOf(EMERGENCY_VALUE) },
    );
    expect(byCoordinator.errors).toBeUndefined();
    const again = await f.gqlRaw(
      "mutation($d: ID!, $h: String!) { commitCeremonyValue(drawId: $d, sha256: $h) { department } }",
      { d: drawId, h: commitmentOf("another") },
      await f.admin("health"),
    );
    expect(again.errors?.[0]?.extensions?.code).toBe("DUPLICATE");
    const foreign = await f.gqlRaw(
      'mutation($d: ID!, $h: String!) { commitCeremonyValue(drawId: $d, sha256: $h, department: "market") { department } }',
      { d: drawId, h: commitmentOf("x") },
      await f.admin("health"),
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // the public does not follow a draw before its freeze
    expect((await journalist("query($d: ID!) { draw(id: $d) { id } }", { d: drawId })).data.draw).toBeNull();
  });

  it("publishes digests and counts at the freeze, before any ceremony value exists", async () => {
    const frozen = await as("mutation($d: ID!) { freezeDraw(drawId: $d) { status counts { candidates strata { stratum count } } } }", {
      d: drawId,
    });
    expect(frozen.errors).toBeUndefined();
    expect(frozen.data.freezeDraw.counts.candidates).toBe(55);
    // FLAGGED, D, C, B, A
    expect(frozen.data.freezeDraw.counts.strata.map((s: any) => s.stratum)).toEqual(["FLAGGED", "D", "C", "B", "A"]);

    const seen = await journalist(
      `query($d: ID!) { draw(id: $d) { status frozenAt seed ceremony { value } digests { candidates inspectors experts }
        counts { candidates inspectors strata { stratum } } commitments { department sha256 revealedAt } visits { totalCount } } }`,
      { d: drawId },
    );
    expect(seen.errors).toBeUndefined();
    const d = seen.data.draw;
    expect(d).toMatchObject({ status: "FROZEN", seed: null, ceremony: null, visits: { totalCount: 0 } });
    expect(d.frozenAt).toBeTruthy();
    expect(d.digests.candidates).toMatch(/^[0-9a-f]{64}$/);
    expect(d.counts).toEqual({ candidates: 55, inspectors: 12, strata: [] }); // risk classes stay internal
    expect(d.commitments).toEqual([
      { department: "health", sha256: commitmentOf(HEALTH_VALUE), revealedAt: null },
      { department: "emergency", sha256: commitmentOf(EMERGENCY_VALUE), revealedAt: null },
    ]);
    const list = await journalist('{ draws(status: FROZEN, department: "health", year: 2027) { totalCount nodes { id status } } }');
    expect(list.data.draws.nodes).toEqual([{ id: drawId, status: "FROZEN" }]);

    const late = await as("mutation($id: ID!, $i: PlanInput!) { updatePlan(id: $id, input: $i) { id } }", { id: planId, i: planInput() });
    expect(late.errors?.[0]?.extensions?.code).toBe("PLAN_FROZEN");
    const lateCommit = await as(
      'mutation($d: ID!) { commitCeremonyValue(drawId: $d, sha256: "' + "a".repeat(64) + '", department: "market") { department } }',
      {
        d: drawId,
      },
    );
    expect(lateCommit.errors?.[0]?.extensions?.code).toBe("INVALID_STATE");
  });

  const lottery = { kind: "LOTTERY", source: "福彩3D", issue: "2027087", date: "2027-03-31", value: "381", witnesses: ["纪检监察室 王某"] };
  const ENTER = "mutation($d: ID!, $c: [CeremonyValueInput!]) { enterCeremonyValues(drawId: $d, ceremony: $c) { status seed } }";

  it("checks each revealed value against its commitment, and refuses a ceremony that leaves one out", async () => {
    const reveal = (department: string, value: string) => ({ kind: "DEPARTMENT_COMMITMENT", source: department, value, witnesses: [] });
    const wrong = await as(ENTER, { d: drawId, c: [lottery, reveal("health", HEALTH_VALUE + " "), reveal("emergency", EMERGENCY_VALUE)] });
    expect(wrong.errors?.[0]?.extensions?.code).toBe("COMMITMENT_MISMATCH");
    const missing = await as(ENTER, { d: drawId, c: [lottery, reveal("health", HEALTH_VALUE)] });
    expect(missing.errors?.[0]?.extensions?.code).toBe("COMMITMENT_NOT_REVEALED");
    const plain = await as('mutation($d: ID!) { enterCeremonyValues(drawId: $d, values: ["381"]) { status } }', { d: drawId });
    expect(plain.errors?.[0]?.extensions?.code).toBe("COMMITMENT_NOT_REVEALED");
    const badDate = await as(ENTER, { d: drawId, c: [{ ...lottery, date: "2027-02-30" }] });
    expect(badDate.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect((await journalist("query($d: ID!) { draw(id: $d) { status seed } }", { d: drawId })).data.draw).toEqual({
      status: "FROZEN",
      seed: null,
    });

    const ok = await as(ENTER, { d: drawId, c: [lottery, reveal("health", HEALTH_VALUE), reveal("emergency", EMERGENCY_VALUE)] });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.enterCeremonyValues.status).toBe("SEEDED");
  });

  it("shows the ceremony with its provenance to the public, and no longer lets the draw be cancelled", async () => {
    const seen = await journalist(
      "query($d: ID!) { draw(id: $d) { seed ceremony { kind source issue date value witnesses canonicalText } commitments { revealedAt } } }",
      { d: drawId },
    );
    const d = seen.data.draw;
    expect(d.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(d.ceremony[0]).toMatchObject({ kind: "LOTTERY", source: "福彩3D", issue: "2027087", date: "2027-03-31", value: "381" });
    expect(d.ceremony[0].canonicalText).toBe(
      "ssj-ceremony/1\nkind\tLOTTERY\nsource\t福彩3D\nissue\t2027087\ndate\t2027-03-31\nvalue\t381\nwitnesses\t纪检监察室 王某",
    );
    expect(d.commitments.every((c: any) => c.revealedAt)).toBe(true);
    const cancel = await as('mutation($d: ID!) { cancelDraw(drawId: $d, reason: "结果不理想，重新来过") { status } }', { d: drawId });
    expect(cancel.errors?.[0]?.extensions?.code).toBe("INVALID_STATE");
    expect(cancel.errors?.[0]?.message).toContain(`摇号任务 ${drawId}`);
  });

  it("lets the journalist verify the published record, provenance and commitments included", async () => {
    await as("mutation($d: ID!) { executeDraw(drawId: $d) { status } }", { d: drawId });
    // drawn but not yet published: the public still sees no visit
    expect((await journalist("query($d: ID!) { draw(id: $d) { status visits { totalCount } } }", { d: drawId })).data.draw).toEqual({
      status: "DRAWN",
      visits: { totalCount: 0 },
    });
    await as("mutation($d: ID!) { publishDraw(drawId: $d) { status } }", { d: drawId });
    const res = await fetch(f.gatewayUrl.replace(/\/graphql$/, `/draws/${drawId}/record.json`));
    const file = (await res.json()) as any;
    expect(file.view.rules.region.eligibleRegions).toEqual(["512021"]);
    expect(file.draw.ceremony).toHaveLength(3);
    expect(file.view.seed.inputs.ceremonyValues[0]).toContain("source\t福彩3D");
    expect(verifyPublicFile(file)).toMatchObject({ ok: true });
    // at home, the journalist runs the command on the downloaded file
    const dir = mkdtempSync(join(tmpdir(), "ssj-record-"));
    try {
      writeFileSync(join(dir, "record.json"), JSON.stringify(file));
      const run = spawnSync(process.execPath, [resolve("scripts/dist/verify-draw.js"), join(dir, "record.json")], { encoding: "utf8" });
      expect(run.stdout).toMatch(/^verified/m);
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // a cap larger than the pool: the ratios alone decide
    expect(file.view.strata.every((s: any) => s.target === s.ratioTarget)).toBe(true);

    const forged = structuredClone(file);
    forged.draw.ceremony[0].issue = "2027088";
    expect(verifyPublicFile(forged)).toMatchObject({ ok: false, firstDifference: expect.stringContaining("ceremonyValues[0]") });
    const swapped = structuredClone(file);
    swapped.draw.commitments[0].sha256 = commitmentOf("something else");
    expect(verifyPublicFile(swapped)).toMatchObject({ ok: false, firstDifference: expect.stringContaining("draw.commitments") });
    const visible = await journalist("query($d: ID!) { draw(id: $d) { visits { totalCount } } }", { d: drawId });
    expect(visible.data.draw.visits.totalCount).toBe(file.view.selected.length);
  });

  it("shows who did each step by name and role in the draw's log", async () => {
    const log = (
      await f.gqlRaw("query($d: ID!) { draw(id: $d) { auditLog { action actor actorName actorRole } } }", { d: drawId }, await f.auditor())
    ).data.draw.auditLog;
    expect(log.map((e: any) => e.action)).toEqual([
      "DRAW_CREATED",
      "CEREMONY_VALUE_COMMITTED",
      "CEREMONY_VALUE_COMMITTED",
      "DRAW_FROZEN",
      "CEREMONY_VALUES_ENTERED",
      "DRAW_EXECUTED",
      "DRAW_PUBLISHED",
    ]);
    expect(log[0]).toEqual({
      action: "DRAW_CREATED",
      actor: "county_coordinator:zhou.xm 周晓梅",
      actorName: "周晓梅",
      actorRole: "县级协调员",
    });
    // a token without a name: the account stands in for it
    expect(log[1]).toMatchObject({ actorName: "admin.health@health", actorRole: "部门管理员" });
  });

  describe("refusals and cancellations", () => {
    it("refuses a FLAGGED ratio below another stratum, and a 0 without a written reason", async () => {
      const plans = async () => (await as("{ plans { totalCount } }")).data.plans.totalCount as number;
      const before = await plans();
      const low = await as("mutation($i: PlanInput!) { createJointPlan(input: $i) { id } }", {
        i: planInput({ ratios: { FLAGGED: 0.1, D: 0.3, C: 0.1, B: 0.03, A: 0.01 } }),
      });
      expect(low.errors?.[0]?.extensions?.code).toBe("FLAGGED_RATIO_TOO_LOW");
      const zero = await as("mutation($i: PlanInput!) { createJointPlan(input: $i) { id } }", {
        i: planInput({ ratios: { D: 0.3, C: 0.1, B: 0.03, A: 0 } }),
      });
      expect(zero.errors?.[0]?.extensions?.code).toBe("ZERO_RATIO_NEEDS_REASON");
      expect(low.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await plans()).toBe(before);
      const reasoned = await as("mutation($i: PlanInput!) { createJointPlan(input: $i) { ratios { stratum ratio zeroReason } } }", {
        i: planInput({ ratios: { D: 0.3, C: 0.1, B: 0.03, A: 0, zeroReasons: [{ stratum: "A", reason: "A 类主体本季度已全覆盖检查" }] } }),
      });
      expect(reasoned.data.createJointPlan.ratios[4]).toEqual({ stratum: "A", ratio: 0, zeroReason: "A 类主体本季度已全覆盖检查" });

      // a correction keeps the lead department; a commitment is a SHA-256
      const plan = (await as("mutation($i: PlanInput!) { createJointPlan(input: $i) { id } }", { i: planInput({ name: "更正测试" }) })).data
        .createJointPlan.id;
      const relead = await as("mutation($id: ID!, $i: PlanInput!) { updatePlan(id: $id, input: $i) { id } }", {
        id: plan,
        i: planInput({ leadDepartment: "health", cooperatingDepartments: ["market", "emergency"] }),
      });
      expect(relead.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "leadDepartment" });
      const draw = (await as("mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: plan })).data.createDraw.id;
      const notHex = await as('mutation($d: ID!) { commitCeremonyValue(drawId: $d, sha256: "381", department: "market") { department } }', {
        d: draw,
      });
      expect(notHex.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "sha256" });
    });

    it("cancels a frozen draw with a reason, keeps it visible, and lets the plan draw again; cancels a plan", async () => {
      const plan = (await as("mutation($i: PlanInput!) { createJointPlan(input: $i) { id } }", { i: planInput({ name: "撤销测试" }) })).data
        .createJointPlan.id;
      const first = (await as("mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: plan })).data.createDraw.id;
      await as("mutation($d: ID!) { freezeDraw(drawId: $d) { status } }", { d: first });
      const short = await as('mutation($d: ID!) { cancelDraw(drawId: $d, reason: "错") { status } }', { d: first });
      expect(short.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      const cancelled = await as(
        'mutation($d: ID!) { cancelDraw(drawId: $d, reason: "抽查范围漏选石羊镇") { status cancelReason cancelledBy } }',
        {
          d: first,
        },
      );
      expect(cancelled.data.cancelDraw).toEqual({
        status: "CANCELLED",
        cancelReason: "抽查范围漏选石羊镇",
        cancelledBy: "county_coordinator:zhou.xm 周晓梅",
      });
      const next = await as("mutation($p: ID!) { createDraw(planId: $p) { id sequence } }", { p: plan });
      expect(next.data.createDraw.sequence).toBe(2);
      const publicView = await journalist("query($d: ID!) { draw(id: $d) { status cancelReason } }", { d: first });
      expect(publicView.data.draw).toEqual({ status: "CANCELLED", cancelReason: "抽查范围漏选石羊镇" });

      const gone = await as(
        'mutation($p: ID!) { cancelPlan(id: $p, reason: "与专项整治重复，改由专项计划实施") { status cancelReason } }',
        { p: plan },
      );
      expect(gone.data.cancelPlan).toEqual({ status: "CANCELLED", cancelReason: "与专项整治重复，改由专项计划实施" });
      const draws = (await as("query($p: ID!) { plan(id: $p) { draws { sequence status } } }", { p: plan })).data.plan.draws;
      expect(draws).toEqual([
        { sequence: 1, status: "CANCELLED" },
        { sequence: 2, status: "CANCELLED" },
      ]);
      const again = await as("mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: plan });
      expect(again.errors?.[0]?.extensions?.code).toBe("INVALID_STATE");
      // a plan whose draw has its seed cannot be cancelled
      const seeded = await as('mutation($p: ID!) { cancelPlan(id: $p, reason: "不想要这个结果") { status } }', { p: planId });
      expect(seeded.errors?.[0]?.extensions?.code).toBe("INVALID_STATE");
    });

    it("lets only the plan's managers preview and correct it", async () => {
      const preview = await f.gqlRaw("query($p: ID!) { planPreview(planId: $p) { candidates } }", { p: planId }, await f.admin("health"));
      expect(preview.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const update = await journalist("mutation($id: ID!, $i: PlanInput!) { updatePlan(id: $id, input: $i) { id } }", {
        id: planId,
        i: planInput(),
      });
      expect(update.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const cancel = await f.gqlRaw(
        'mutation($d: ID!) { cancelDraw(drawId: $d, reason: "部门管理员试图撤销") { status } }',
        { d: drawId },
        await f.admin("health"),
      );
      expect(cancel.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const cancelPlan = await journalist('mutation($p: ID!) { cancelPlan(id: $p, reason: "公众试图撤销计划") { status } }', { p: planId });
      expect(cancelPlan.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const commit = await f.gqlRaw(
        'mutation($d: ID!) { commitCeremonyValue(drawId: $d, sha256: "' + "b".repeat(64) + '") { department } }',
        { d: drawId },
        await f.inspector("market", "1"),
      );
      expect(commit.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      // and the refused attempts changed nothing
      expect((await journalist("query($p: ID!) { plan(id: $p) { status } }", { p: planId })).data.plan.status).toBe("ACTIVE");
    });
  });
});
