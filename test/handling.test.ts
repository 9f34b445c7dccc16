import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chinaDateOf, WorkingCalendar } from "@ssj/working-days";
import { fillBooks } from "./support/books.js";
import { TestFederation } from "./support/federation.js";

/**
 * SCENARIOS §5, the handling part, through the gateway: the suspected illegal cooking oil transferred to the
 * public security organ, the waste-water outlet referred to 生态环境局 and accepted in its own books, and a
 * referral to a department that is down delivered exactly once when it comes back (docs/handling.md).
 */
describe("handling of problems and federated referrals", () => {
  let f: TestFederation;
  let visit: { id: string };
  const matter: Record<string, string> = {};
  let team: string[] = [];
  const code = (res: any) => res.errors?.[0]?.extensions?.code;
  const inspector = () => f.inspector("market", team[0]!);
  const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
  const HANDLING = `mutation($i: HandlingInput!) { recordHandling(input: $i) { id kind referralState receivingOrgan documentNumber decisionDate } }`;
  const handle = async (m: string, fields: Record<string, unknown>, headers?: Record<string, string>) =>
    f.gqlRaw<any>(
      HANDLING,
      { i: { visitId: visit.id, department: "market", matterId: matter[m], ...fields } },
      headers ?? (await inspector()),
    );
  const FINDINGS = `query($v: ID!) { visit(id: $v) { findings { result description handling { id kind referralState
    referral { id department status declineReason outcome evidence { sha256 } } } } history { action } verification { ok dataMatches } } }`;
  const findings = async (headers?: Record<string, string>) =>
    (await f.gql<any>(FINDINGS, { v: visit.id }, headers ?? (await f.coordinator()))).visit;
  const outbox = (id: string) =>
    f.county.orm.em
      .fork()
      .getConnection()
      .execute(`select attempts, delivered_at from referral_outbox where id = ${Number(id)}`);
  const waitFor = async (what: string, check: () => Promise<boolean>, ms = 30_000) => {
    const until = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  beforeAll(async () => {
    f = await TestFederation.start(
      [
        { code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" },
        { code: "ecology", name: "生态环境局" },
        { code: "health", name: "卫生健康局" },
      ],
      { referralDelivery: { intervalMs: 200, baseBackoffMs: 200, maxBackoffMs: 800 } },
    );
    const ids = await fillBooks(
      f.gatewayUrl,
      "market",
      { matters: ["OIL", "WATER", "HYGIENE", "LICENCE", "LABEL"].map((c) => ({ code: c })), subjects: [1, 4], inspectors: [1, 2, 3] },
      await f.admin("market"),
    );
    ["oil", "water", "hygiene", "licence", "label"].forEach((m, i) => (matter[m] = ids[i]!));
    const { createPlan } = await f.gql<any>("mutation($i: PlanInput!) { createPlan(input: $i) { id } }", {
      i: {
        name: "2027 餐饮服务单位抽查",
        leadDepartment: "market",
        matters: ids.map((matterId) => ({ department: "market", matterId })),
        ratios: { D: 1, C: 1, B: 1, A: 1 },
        windowStart: "2027-04-01",
        windowEnd: "2027-04-30",
      },
    });
    const { createDraw } = await f.gql<any>("mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: createPlan.id });
    await f.gql("mutation($d: ID!) { freezeDraw(drawId: $d) { status } }", { d: createDraw.id });
    await f.gql('mutation($d: ID!) { enterCeremonyValues(drawId: $d, values: ["517"]) { status } }', { d: createDraw.id });
    await f.gql("mutation($d: ID!) { executeDraw(drawId: $d) { status } }", { d: createDraw.id });
    await f.gql("mutation($d: ID!) { publishDraw(drawId: $d) { status } }", { d: createDraw.id });
    const { draw } = await f.gql<any>(
      `query($d: ID!) { draw(id: $d) { visits(first: 10) { nodes { id teams { inspectors { id } } } } } }`,
      { d: createDraw.id },
    );
    visit = draw.visits.nodes[0];
    team = draw.visits.nodes[0].teams[0].inspectors.map((i: any) => i.id);
    const me = await inspector();
    await f.gql(
      "mutation($i: StartVisitInput!) { startVisit(input: $i) { status } }",
      {
        i: { visitId: visit.id, present: team.map((i) => `market:${i}`), certificatesShown: true, noticeNumber: "安市监检通〔2027〕31号" },
      },
      me,
    );
    const res = await fetch(f.gatewayUrl.replace(/\/graphql$/, `/visits/${visit.id}/evidence?name=outlet.png`), {
      method: "POST",
      headers: { ...me, "content-type": "image/png" },
      body: PNG,
    });
    expect(res.status).toBe(201);
    const results: Record<string, [string, string]> = {
      oil: ["OTHER", "后厨发现疑似地沟油 3 桶，涉嫌犯罪"],
      water: ["PENDING_FOLLOW_UP", "后院有未经许可的废水排放口"],
      hygiene: ["PENDING_FOLLOW_UP", "从业人员健康证过期"],
      licence: ["NO_PROBLEM", "许可证在有效期内"],
      label: ["CORRECTED_ON_ORDER", "散装食品未标示生产日期"],
    };
    for (const [m, [result, description]] of Object.entries(results))
      await f.gql(
        "mutation($i: FindingInput!) { recordFinding(input: $i) { id } }",
        { i: { visitId: visit.id, department: "market", matterId: matter[m], result, description } },
        me,
      );
    await f.gql("mutation($v: ID!) { endVisit(visitId: $v) { status } }", { v: visit.id }, me);
  }, 180_000);
  afterAll(async () => {
    await f?.stop();
  });

  it("refuses a decision for a clean finding, a judicial transfer without its organ, a referral to oneself or to nobody — changing nothing", async () => {
    const refused = [
      [await handle("licence", { kind: "ON_SITE", orderedAction: "无", rectificationDeadline: "2027-05-10" }), "HANDLING_NOT_NEEDED"],
      [await handle("oil", { kind: "JUDICIAL", transferDate: "2027-04-20", documentNumber: "安市监移〔2027〕1号" }), "REQUIRED_FIELD"],
      [await handle("water", { kind: "REFERRAL", referredTo: "market", note: "废水排放" }), "REFERRAL_TO_SELF"],
      [await handle("water", { kind: "REFERRAL", referredTo: "water-bureau", note: "废水排放" }), "UNKNOWN_DEPARTMENT"],
      [await handle("water", { kind: "REFERRAL", referredTo: "ecology", note: "废水排放" }, await f.admin("ecology")), "FORBIDDEN"],
    ] as const;
    expect(refused.map(([res]) => code(res))).toEqual(refused.map(([, c]) => c));
    expect(refused[0][0].errors[0].message).toMatch(/未发现问题，无需处置/);
    expect(refused[1][0].errors[0].message).toMatch(/接收移送的司法机关不能为空/);
    const v = await findings();
    expect(v.findings.every((x: any) => x.handling === null)).toBe(true);
    expect(v.history.some((h: any) => h.action === "HANDLING_RECORDED")).toBe(false);
    expect((await f.gql<any>("{ unansweredReferrals { totalCount } }")).unansweredReferrals.totalCount).toBe(0);
  });

  it("transfers the suspected illegal cooking oil to the public security organ, in the visit's chain", async () => {
    const ok = await handle("oil", {
      kind: "JUDICIAL",
      receivingOrgan: "安县公安局",
      transferDate: "2027-04-20",
      documentNumber: "安市监移〔2027〕1号",
    });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.recordHandling).toMatchObject({ kind: "JUDICIAL", receivingOrgan: "安县公安局", decisionDate: "2027-04-20" });
    expect(code(await handle("oil", { kind: "CASE", caseNumber: "1", caseDate: "2027-04-21" }))).toBe("DUPLICATE");
    const v = await findings();
    expect(v.findings.find((x: any) => x.description.includes("地沟油")).handling.kind).toBe("JUDICIAL");
    expect(v.history.filter((h: any) => h.action === "HANDLING_RECORDED")).toHaveLength(1);
    expect(v.verification).toEqual({ ok: true, dataMatches: true });
    // the public sees no handling of an unpublished finding
    expect((await f.gqlRaw<any>(FINDINGS, { v: visit.id }, {})).data?.visit?.findings ?? []).toEqual([]);
  });

  it("refers the waste-water outlet to 生态环境局, which finds it in its own books and accepts it; the sender sees the answer", async () => {
    const sent = await handle("water", { kind: "REFERRAL", referredTo: "ecology", note: "未经许可设置排污口，属生态环境部门职责" });
    expect(sent.errors).toBeUndefined();
    const id = sent.data.recordHandling.id;
    await waitFor("delivery to ecology", async () => (await outbox(id))[0]?.delivered_at != null);
    const INCOMING = `query { incomingReferrals(department: "ecology") { totalCount nodes { id fromDepartment uscc resultCode reason status evidence { sha256 mediaType } } } }`;
    const inbox = (await f.gql<any>(INCOMING, {}, await f.admin("ecology"))).incomingReferrals;
    const sha = createHash("sha256").update(PNG).digest("hex");
    expect(inbox).toMatchObject({ totalCount: 1, nodes: [{ id, fromDepartment: "market", resultCode: "08", status: "RECEIVED" }] });
    expect(inbox.nodes[0].evidence).toEqual([{ sha256: sha, mediaType: "image/png" }]);
    expect(code(await f.gqlRaw(INCOMING, {}, await f.admin("market")))).toBe("FORBIDDEN");
    // unanswered until 生态环境局 answers
    const open = (await f.gql<any>("{ unansweredReferrals { nodes { id referralState } } }")).unansweredReferrals.nodes;
    expect(open).toEqual([{ id, referralState: "RECEIVED" }]);
    // 10 working days (the default) from the day it reached 生态环境局's books; past it, listed for the county and the sender
    const due = new WorkingCalendar().addWorkingDays(chinaDateOf(new Date()), 10).date;
    const after = new Date(Date.parse(`${due}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const OVERDUE = "query($d: String) { overdueReferrals(asOf: $d) { totalCount nodes { id answerDue referredTo } } }";
    const overdue = async (asOf: string, headers?: Record<string, string>) =>
      (await f.gql<any>(OVERDUE, { d: asOf }, headers ?? (await f.coordinator()))).overdueReferrals;
    expect((await overdue(due)).totalCount).toBe(0);
    expect(await overdue(after)).toEqual({ totalCount: 1, nodes: [{ id, answerDue: due, referredTo: "ecology" }] });
    expect((await overdue(after, await f.admin("market"))).totalCount).toBe(1);
    expect((await overdue(after, await f.admin("health"))).totalCount).toBe(0);
    expect(code(await f.gqlRaw(OVERDUE, { d: after }, await inspector()))).toBe("FORBIDDEN");
    const answer = (op: string, args: string, headers: Record<string, string>) =>
      f.gqlRaw<any>(`mutation($id: ID!) { ${op}(department: "ecology", id: $id${args}) { status } }`, { id }, headers);
    expect(code(await answer("acceptReferral", "", await f.admin("market")))).toBe("FORBIDDEN");
    expect(code(await answer("closeReferral", ', outcome: "已立案"', await f.admin("ecology")))).toBe("INVALID_STATE");
    expect(code(await answer("declineReferral", ', reason: " "', await f.admin("ecology")))).toBe("REQUIRED_FIELD");
    expect((await answer("acceptReferral", "", await f.admin("ecology"))).data.acceptReferral.status).toBe("ACCEPTED");
    expect(code(await answer("declineReferral", ', reason: "不属本部门"', await f.admin("ecology")))).toBe("INVALID_STATE");
    const closed = await answer("closeReferral", ', outcome: "已立案查处，责令封堵排污口"', await f.admin("ecology"));
    expect(closed.data.closeReferral.status).toBe("CLOSED");
    // the sending department reads the answer from 生态环境局's books through the gateway
    const water = (await findings(await f.admin("market"))).findings.find((x: any) => x.description.includes("废水"));
    expect(water.handling.referral).toMatchObject({ id, department: "ecology", status: "CLOSED", outcome: "已立案查处，责令封堵排污口" });
    expect((await f.gql<any>("{ unansweredReferrals { totalCount } }")).unansweredReferrals.totalCount).toBe(0);
    expect((await overdue(after)).totalCount).toBe(0);
    const chains = await f.gql<any>(
      `{ department(code: "ecology") { auditChains(first: 100) { nodes { chain valid length } } } }`,
      {},
      await f.auditor(),
    );
    expect(chains.department.auditChains.nodes).toContainEqual({ chain: `referral:${id}`, valid: true, length: 3 });
  });

  it("keeps a referral to a department that is down and delivers it exactly once when it comes back", async () => {
    await f.stopDepartment("health");
    const sent = await handle("hygiene", { kind: "REFERRAL", referredTo: "health", note: "从业人员健康管理属卫生健康部门" });
    expect(sent.errors).toBeUndefined();
    const id = sent.data.recordHandling.id;
    expect(sent.data.recordHandling.referralState).toBe("PENDING_DELIVERY");
    await waitFor("two failed attempts", async () => Number((await outbox(id))[0]?.attempts) >= 2);
    expect((await outbox(id))[0].delivered_at).toBeNull();
    const pending = (await f.gql<any>("{ unansweredReferrals { nodes { id referralState } } }")).unansweredReferrals.nodes;
    expect(pending).toEqual([{ id, referralState: "PENDING_DELIVERY" }]);
    await f.restartDepartment("health");
    await waitFor("delivery after the restart", async () => (await outbox(id))[0]?.delivered_at != null);
    // a delivery whose confirmation was lost is sent again: the receiver still holds one referral
    await f.county.orm.em.fork().nativeUpdate("ReferralOutbox", { id: Number(id) }, { deliveredAt: null, nextAttemptAt: new Date(0) });
    await waitFor("the repeated delivery", async () => (await outbox(id))[0]?.delivered_at != null);
    const inbox = await f.gql<any>(
      `{ incomingReferrals(department: "health") { totalCount nodes { id status } } }`,
      {},
      await f.admin("health"),
    );
    expect(inbox.incomingReferrals).toEqual({ totalCount: 1, nodes: [{ id, status: "RECEIVED" }] });
    const chains = await f.gql<any>(
      `{ department(code: "health") { auditChains(first: 100) { nodes { chain length } } } }`,
      {},
      await f.auditor(),
    );
    expect(chains.department.auditChains.nodes).toContainEqual({ chain: `referral:${id}`, length: 1 });
  }, 60_000);

  it("lists on-site orders past their deadline for the county until their follow-up is recorded", async () => {
    const ordered = await handle("label", { kind: "ON_SITE", orderedAction: "责令补标生产日期", rectificationDeadline: "2027-05-10" });
    expect(ordered.errors).toBeUndefined();
    const id = ordered.data.recordHandling.id;
    const overdue = async (asOf: string) =>
      (await f.gql<any>("query($d: String) { overdueRectifications(asOf: $d) { totalCount nodes { id } } }", { d: asOf }))
        .overdueRectifications;
    expect((await overdue("2027-05-10")).totalCount).toBe(0);
    expect(await overdue("2027-05-11")).toEqual({ totalCount: 1, nodes: [{ id }] });
    expect(code(await f.gqlRaw("{ overdueRectifications { totalCount } }", {}, await f.admin("market")))).toBe("FORBIDDEN");
    const follow = await f.gqlRaw<any>(
      'mutation($h: ID!) { recordRectificationFollowUp(handlingId: $h, result: "已补标，复查合格") { followUpResult } }',
      { h: id },
      await inspector(),
    );
    expect(follow.data.recordRectificationFollowUp.followUpResult).toBe("已补标，复查合格");
    expect((await overdue("2027-05-11")).totalCount).toBe(0);
    expect((await findings()).verification).toEqual({ ok: true, dataMatches: true });
  });
});
