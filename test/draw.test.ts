import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Visit } from "../subgraphs/county/src/visits/visit.entity.js";
import { verifyPublicFile } from "../scripts/src/verify/verify-file.js";
import { fillBooks } from "./support/books.js";
import { TestFederation } from "./support/federation.js";

const RATIOS = { D: 0.5, C: 0.3, B: 0.1, A: 0.05 };

/** The department draw, CREATED → FROZEN → SEEDED → DRAWN → PUBLISHED, through the gateway. */
/**
 * The department draw, CREATED → FROZEN → SEEDED → DRAWN → PUBLISHED, through the gateway. The federation
 * and the departments' books are set up once; every case makes its own plan and draw (and touches only
 * what it made), so each passes alone (`-t`) and in any order (`--sequence.shuffle`).
 */
describe("a department draw", () => {
  let f: TestFederation;
  let url: string;
  /** The two published matters every plan of these cases checks (never changed by a case). */
  let matterIds: string[];
  /** A matter only the withdrawal case uses (it withdraws it). */
  let withdrawableId: string;
  const planInput = (overrides: Record<string, unknown> = {}) => ({
    name: "2027 食品经营单位双随机抽查",
    leadDepartment: "market",
    matters: matterIds.map((id) => ({ department: "market", matterId: id })),
    ratios: RATIOS,
    windowStart: "2027-04-01",
    windowEnd: "2027-04-30",
    ...overrides,
  });
  const createPlan = async (overrides: Record<string, unknown> = {}) =>
    (await f.gql<{ createPlan: { id: string } }>("mutation($i: PlanInput!) { createPlan(input: $i) { id } }", { i: planInput(overrides) }))
      .createPlan.id;
  /** Draw steps by a named county coordinator (a redraw needs two different people). */
  const step = async (mutation: string, vars: Record<string, unknown>, who = "coordinator") =>
    f.gqlRaw<any>(mutation, vars, await f.as({ sub: who, role: "county_coordinator", region: "512000" }));
  /** A new plan with a draw taken through to `until` (PUBLISHED by default); returns the draw id. */
  const newDraw = async (until: "SEEDED" | "PUBLISHED" = "PUBLISHED", overrides: Record<string, unknown> = {}) => {
    const planId = await createPlan(overrides);
    const run = async (mutation: string, vars: Record<string, unknown>) => {
      const res = await step(mutation, vars);
      if (res.errors) throw new Error(`set-up step failed: ${JSON.stringify(res.errors)}`);
      return res.data;
    };
    const id: string = (await run("mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: planId })).createDraw.id;
    await run("mutation($d: ID!) { freezeDraw(drawId: $d) { status } }", { d: id });
    await run('mutation($d: ID!) { enterCeremonyValues(drawId: $d, values: ["福彩3D 2027090 开奖号 381"]) { status } }', { d: id });
    if (until === "SEEDED") return id;
    await run("mutation($d: ID!) { executeDraw(drawId: $d) { status } }", { d: id });
    await run("mutation($d: ID!) { publishDraw(drawId: $d) { status } }", { d: id });
    return id;
  };

  beforeAll(async () => {
    f = await TestFederation.start([
      { code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" },
      { code: "health", name: "卫生健康局" },
    ]);
    url = f.gatewayUrl;
    const ids = await fillBooks(
      url,
      "market",
      { matters: [{ code: "SC-1" }, { code: "SC-2" }, { code: "SC-W" }], subjects: [1, 40], inspectors: [1, 2, 3, 4, 5, 6] },
      await f.admin("market"),
    );
    matterIds = ids.slice(0, 2);
    withdrawableId = ids[2]!;
  }, 120_000);
  afterAll(async () => {
    await f?.stop();
  });

  it("runs the whole state machine, publishing digests before the seed exists", async () => {
    const planId = await createPlan();
    const created = await step("mutation($p: ID!) { createDraw(planId: $p) { id status sequence } }", { p: planId });
    const drawId = created.data.createDraw.id;
    expect(created.data.createDraw).toMatchObject({ status: "CREATED", sequence: 1 });
    const again = await step("mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: planId });
    expect(again.errors[0].extensions.code).toBe("ONE_DRAW_PER_TASK");
    const early = await step('mutation($d: ID!) { enterCeremonyValues(drawId: $d, values: ["123"]) { id } }', { d: drawId });
    expect(early.errors[0].extensions.code).toBe("INVALID_STATE");

    const frozen = await step(
      "mutation($d: ID!) { freezeDraw(drawId: $d) { status seed digests { candidates inspectors experts } counts { candidates inspectors strata { stratum count } } } }",
      { d: drawId },
    );
    expect(frozen.data.freezeDraw.status).toBe("FROZEN");
    expect(frozen.data.freezeDraw.seed).toBeNull();
    expect(frozen.data.freezeDraw.digests.candidates).toMatch(/^[0-9a-f]{64}$/);
    expect(frozen.data.freezeDraw.counts).toMatchObject({ candidates: 40, inspectors: 6 });

    const seeded = await step(
      'mutation($d: ID!) { enterCeremonyValues(drawId: $d, values: ["福彩3D 2027090 开奖号 381"]) { status seed } }',
      { d: drawId },
    );
    expect(seeded.data.enterCeremonyValues.status).toBe("SEEDED");
    expect(seeded.data.enterCeremonyValues.seed).toMatch(/^[0-9a-f]{64}$/);
    const twice = await step('mutation($d: ID!) { enterCeremonyValues(drawId: $d, values: ["999"]) { status } }', { d: drawId });
    expect(twice.errors[0].extensions.code).toBe("INVALID_STATE");

    const drawn = await step(
      "mutation($d: ID!) { executeDraw(drawId: $d) { status visitCount strata { stratum poolSize target drawn } } }",
      { d: drawId },
    );
    expect(drawn.data.executeDraw.status).toBe("DRAWN");
    // 10 subjects per class: D ⌈10·0.5⌉=5, C 3, B 1, A 1
    expect(drawn.data.executeDraw.strata.filter((s: any) => s.poolSize > 0).map((s: any) => [s.stratum, s.drawn])).toEqual([
      ["D", 5],
      ["C", 3],
      ["B", 1],
      ["A", 1],
    ]);
    expect(drawn.data.executeDraw.visitCount).toBe(10);
    const published = await step("mutation($d: ID!) { publishDraw(drawId: $d) { status publishedAt } }", { d: drawId });
    expect(published.data.publishDraw.status).toBe("PUBLISHED");
  });

  it("shows each visit with federated subject, matter and inspector details", async () => {
    const drawId = await newDraw();
    const data = await f.gql<any>(
      `query($d: ID!) { draw(id: $d) { visits(first: 100) { totalCount nodes { uscc stratum ticket subject { records { department name } } matters { name legalBasis version } inspectors { name certificateNo status } } } } }`,
      { d: drawId },
    );
    const visits = data.draw.visits.nodes;
    expect(visits).toHaveLength(10);
    for (const v of visits) {
      expect(v.subject.records[0].name).toContain("测试餐馆");
      expect(v.matters.map((m: any) => m.name)).toHaveLength(2);
      expect(v.matters[0].legalBasis).toContain("食品安全法");
      expect(v.inspectors.length).toBeGreaterThanOrEqual(2);
      expect(v.inspectors.every((i: any) => i.status === "ACTIVE" && i.certificateNo.startsWith("川执字"))).toBe(true);
    }
  });

  it("publishes a record that verify recomputes, and rejects a tampered one", async () => {
    const drawId = await newDraw();
    const res = await fetch(url.replace(/\/graphql$/, `/draws/${drawId}/record.json`));
    expect(res.status).toBe(200);
    const file = (await res.json()) as any;
    expect(file.audit).toBeUndefined();
    expect(verifyPublicFile(file)).toMatchObject({ ok: true, view: "public" });

    const ticket = structuredClone(file);
    ticket.view.selected[0].ticket = ticket.view.selected[0].ticket.replace(/\d$/, (d: string) => String((Number(d) + 1) % 10));
    expect(verifyPublicFile(ticket)).toMatchObject({ ok: false, firstDifference: expect.stringContaining("view: hashes to") });
    delete ticket.disclosure.viewDigest;
    expect(verifyPublicFile(ticket)).toMatchObject({ ok: false, firstDifference: expect.stringContaining("selected[0].ticket") });
    const id = structuredClone(file);
    delete id.disclosure.viewDigest;
    id.view.selected[1].id = file.view.candidates.find((c: any) => !file.view.selected.some((s: any) => s.id === c.subjectId)).subjectId;
    expect(verifyPublicFile(id).ok).toBe(false);

    const forbidden = await fetch(url.replace(/\/graphql$/, `/draws/${drawId}/record.json?pools=all`));
    expect(forbidden.status).toBe(403);
    const full = (await (
      await fetch(url.replace(/\/graphql$/, `/draws/${drawId}/record.json?pools=all`), { headers: await f.auditor() })
    ).json()) as any;
    expect(verifyPublicFile(full)).toMatchObject({ ok: true, view: "auditor", scope: expect.stringContaining("whole record recomputed") });
    const swapped = structuredClone(full);
    const team = swapped.audit.record.assignment[0].inspectors.market as string[];
    const outsider = full.audit.inspectors.map((i: any) => i.id).find((i: string) => !team.includes(i));
    team[0] = outsider;
    expect(verifyPublicFile(swapped)).toMatchObject({ ok: false, firstDifference: expect.stringContaining("record.assignment[0]") });
  });

  it("keeps the audit chain verifiable, and notices an edited row", async () => {
    const drawId = await newDraw();
    const q = `query($d: ID!) { draw(id: $d) { verification { chainValid stateMatches } auditLog { seq action actor } } }`;
    const before = await f.gql<any>(q, { d: drawId });
    expect(before.draw.verification).toEqual({ chainValid: true, stateMatches: true });
    expect(before.draw.auditLog.map((e: any) => e.action)).toEqual([
      "DRAW_CREATED",
      "DRAW_FROZEN",
      "CEREMONY_VALUES_ENTERED",
      "DRAW_EXECUTED",
      "DRAW_PUBLISHED",
    ]);
    const em = f.county.orm.em.fork();
    const visit = await em.findOneOrFail(Visit, { drawId: Number(drawId) }, { orderBy: { id: "asc" } });
    await em.nativeUpdate(Visit, { id: visit.id }, { ticket: "0.1" });
    const after = await f.gql<any>(q, { d: drawId });
    expect(after.draw.verification).toEqual({ chainValid: true, stateMatches: false });
    await em.nativeUpdate(Visit, { id: visit.id }, { ticket: visit.ticket });
  });

  it("redraws only with a reason and another person's approval; the first draw stays public", async () => {
    const drawId = await newDraw();
    const req = await step(
      'mutation($d: ID!) { requestRedraw(drawId: $d, reason: "现场随机值录入有误，需重新摇号") { id requestedBy } }',
      { d: drawId },
      "zhang.kz",
    );
    const requestId = req.data.requestRedraw.id;
    const self = await step("mutation($r: ID!) { approveRedraw(requestId: $r) { id } }", { r: requestId }, "zhang.kz");
    expect(self.errors[0].extensions.code).toBe("SAME_PERSON");
    const ok = await step(
      "mutation($r: ID!) { approveRedraw(requestId: $r) { id sequence status redrawReason approvedBy } }",
      { r: requestId },
      "li.jz",
    );
    expect(ok.data.approveRedraw).toMatchObject({ sequence: 2, status: "CREATED", approvedBy: "county_coordinator:li.jz" });
    const plan = await f.gql<any>(
      "query($d: ID!) { draw(id: $d) { superseded supersededBy { sequence } record plan { draws { sequence superseded status } } } }",
      { d: drawId },
    );
    expect(plan.draw.superseded).toBe(true);
    expect(plan.draw.supersededBy.sequence).toBe(2);
    expect(plan.draw.record).not.toBeNull();
    expect(plan.draw.plan.draws).toEqual([
      { sequence: 1, superseded: true, status: "PUBLISHED" },
      { sequence: 2, superseded: false, status: "CREATED" },
    ]);
  });

  describe("refusals change nothing", () => {
    it("refuses ratios outside [0, 1] and withdrawn matters", async () => {
      const bad = await f.gqlRaw("mutation($i: PlanInput!) { createPlan(input: $i) { id } }", {
        i: planInput({ ratios: { ...RATIOS, D: 1.5 } }),
      });
      expect(bad.errors?.[0]?.extensions?.code).toBe("INVALID_RATIO");
      await f.gql('mutation { withdrawMatter(department: "market", code: "SC-W", reason: "停止实施") { status } }');
      const withdrawn = await f.gqlRaw("mutation($i: PlanInput!) { createPlan(input: $i) { id } }", {
        i: planInput({ matters: [matterIds[0], withdrawableId].map((matterId) => ({ department: "market", matterId })) }),
      });
      expect(withdrawn.errors?.[0]?.extensions?.code).toBe("INVALID_STATE");
      const foreign = await f.gqlRaw("mutation($i: PlanInput!) { createPlan(input: $i) { id } }", {
        i: planInput({ matters: [{ department: "health", matterId: "1" }] }),
      });
      expect(foreign.errors?.[0]?.extensions?.code).toBe("MATTER_NOT_IN_PLAN");
    });

    it("refuses an infeasible assignment, naming the subject and the rule, and writes no visit", async () => {
      // 10 visits need 20 inspector slots; 6 inspectors at 1 visit each cannot fill them
      const id = await newDraw("SEEDED", { matters: [{ department: "market", matterId: matterIds[0] }], workloadCap: 1 });
      const res = await step("mutation($d: ID!) { executeDraw(drawId: $d) { status } }", { d: id });
      expect(res.errors[0].extensions.code).toBe("INFEASIBLE_ASSIGNMENT");
      expect(JSON.stringify(res.errors[0].extensions.details)).toMatch(/915120/);
      const after = await f.gql<any>("query($d: ID!) { draw(id: $d) { status visitCount visits { totalCount } } }", { d: id });
      expect(after.draw).toEqual({ status: "SEEDED", visitCount: 0, visits: { totalCount: 0 } });
    });
  });
});

/** Its own federation: stopping a department instance would otherwise touch every later query of the cases above. */
describe("a department draw while a department instance is down", () => {
  let f: TestFederation;
  let matterId: string;
  beforeAll(async () => {
    f = await TestFederation.start([{ code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" }]);
    [matterId] = await fillBooks(
      f.gatewayUrl,
      "market",
      { matters: [{ code: "SC-1" }], subjects: [1, 8], inspectors: [1, 2, 3] },
      await f.admin("market"),
    );
  }, 120_000);
  afterAll(async () => {
    await f?.stop();
  });

  it("refuses to freeze, naming the department, and changes nothing", async () => {
    const coordinator = await f.as({ sub: "coordinator", role: "county_coordinator", region: "512000" });
    const { createPlan } = await f.gql<{ createPlan: { id: string } }>("mutation($i: PlanInput!) { createPlan(input: $i) { id } }", {
      i: {
        name: "2027 食品经营单位双随机抽查",
        leadDepartment: "market",
        matters: [{ department: "market", matterId }],
        ratios: RATIOS,
        windowStart: "2027-04-01",
        windowEnd: "2027-04-30",
      },
    });
    const { data } = await f.gqlRaw<any>("mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: createPlan.id }, coordinator);
    await f.stopDepartment("market");
    const res = await f.gqlRaw<any>("mutation($d: ID!) { freezeDraw(drawId: $d) { status } }", { d: data.createDraw.id }, coordinator);
    expect(res.errors[0].extensions.code).toBe("DEPARTMENT_UNAVAILABLE");
    expect(res.errors[0].message).toContain("市场监管局");
    const after = await f.gql<any>("query($d: ID!) { draw(id: $d) { status digests { candidates } } }", { d: data.createDraw.id });
    expect(after.draw).toEqual({ status: "CREATED", digests: null });
  });
});
