// Size: over 300 lines (not split yet): one function per step of a draw's life (create, freeze, seed, execute,
// publish) sharing the load/guard helpers at the bottom. Next split: one file per step, as freeze.ts already is.
import type { EntityManager } from "@mikro-orm/core";
import {
  candidatePoolDigest,
  deriveSeed,
  DrawEngineError,
  expertPoolDigest,
  inspectorPoolDigest,
  runDraw,
  type DrawRecord,
  type Pools,
  type PlanRulesInput,
} from "@ssj/draw-engine";
import { AppError, appendAudit, digestOf, ErrorCode, requireText } from "@ssj/shared";
import type { DepartmentClient } from "../departments/department-client.js";
import { activeDepartment } from "../departments/department.service.js";
import { Plan } from "../plans/plan.entity.js";
import { Visit, VisitStatus } from "../visits/visit.entity.js";
import { Draw, DrawPool, DrawRecordRow, DrawStatus, RedrawRequest } from "./draw.entity.js";
import { checkPoolsSuffice, gatherPools } from "./freeze.js";
import { DrawChangeKind, VisitChangeKind } from "../events/draw-change.type.js";
import { recordDrawChange, recordVisitChange } from "../events/draw-events.js";

export const drawChain = (id: number) => `draw:${id}`;

/** What draw and visit events say about a draw (see events/draw-events.ts). */
const eventData = (plan: Plan, draw: Draw) => ({
  planId: plan.id,
  drawId: draw.id,
  departments: plan.departments,
  published: draw.status === DrawStatus.PUBLISHED,
});

export async function findDraw(em: EntityManager, id: number): Promise<Draw> {
  const d = await em.findOne(Draw, { id });
  if (!d) throw new AppError(ErrorCode.NOT_FOUND, `未找到编号为 ${id} 的摇号任务`, { field: "drawId" });
  return d;
}

async function findPlan(em: EntityManager, id: number): Promise<Plan> {
  const p = await em.findOne(Plan, { id });
  if (!p) throw new AppError(ErrorCode.NOT_FOUND, `未找到编号为 ${id} 的抽查计划`, { field: "planId" });
  return p;
}

function expect(draw: Draw, status: DrawStatus, action: string): void {
  if (draw.supersededAt)
    throw new AppError(ErrorCode.INVALID_STATE, `第 ${draw.sequence} 次摇号已被重摇取代，不能${action}`, { drawId: draw.id });
  if (draw.status !== status) {
    throw new AppError(ErrorCode.INVALID_STATE, `摇号任务当前为 ${draw.status}，只有 ${status} 状态才能${action}`, {
      drawId: draw.id,
      status: draw.status,
    });
  }
}

/** Moves the draw from one state to the next inside the transaction, refusing if someone else moved it first. */
async function advance(tx: EntityManager, draw: Draw, from: DrawStatus, changes: Partial<Draw>): Promise<void> {
  const n = await tx.nativeUpdate(Draw, { id: draw.id, status: from, supersededAt: null }, changes);
  if (n !== 1) throw new AppError(ErrorCode.INVALID_STATE, "摇号任务的状态已被他人改变，请刷新后重试", { drawId: draw.id });
  Object.assign(draw, changes);
}

/** One draw per task: a plan gets its first draw here; any further draw goes through a redraw request. */
export async function createDraw(em: EntityManager, planId: number, actor: string): Promise<Draw> {
  return em.transactional(async (tx) => {
    const plan = await findPlan(tx, planId);
    const current = await tx.findOne(Draw, { planId: plan.id, supersededAt: null });
    if (current) {
      throw new AppError(
        ErrorCode.ONE_DRAW_PER_TASK,
        `计划「${plan.name}」已有摇号任务（第 ${current.sequence} 次）；重摇须写明原因并经另一人批准`,
        { drawId: current.id },
      );
    }
    const draw = tx.create(Draw, { planId: plan.id, sequence: 1, status: DrawStatus.CREATED, createdBy: actor });
    await tx.flush();
    await appendAudit(tx, drawChain(draw.id), "DRAW_CREATED", actor, { planId: plan.id, sequence: 1 }, { status: draw.status });
    recordDrawChange(tx, DrawChangeKind.CREATED, eventData(plan, draw));
    return draw;
  });
}

/**
 * Freeze: gather the pools from every participating department (all must answer), hash them, and
 * publish digests and counts — before any seed exists.
 */
export async function freezeDraw(em: EntityManager, client: DepartmentClient, drawId: number, actor: string): Promise<Draw> {
  const draw = await findDraw(em, drawId);
  expect(draw, DrawStatus.CREATED, "冻结名录");
  const plan = await findPlan(em, draw.planId);
  const departments = await Promise.all(plan.departments.map((c) => activeDepartment(em, c, "departments")));
  const { pools, rules, excluded } = await gatherPools(em, client, plan, departments);
  if (!pools.candidates.length)
    throw new AppError(ErrorCode.EMPTY_POOL, `计划「${plan.name}」范围内没有符合条件的市场主体，无法冻结`, { drawId });
  checkPoolsSuffice(plan, departments, pools);
  // The engine's digests validate every entry (well-formed fields, no duplicate ids) as they hash it.
  let digests: Record<string, string>;
  try {
    digests = {
      candidates: candidatePoolDigest(pools.candidates),
      inspectors: inspectorPoolDigest(pools.inspectors),
      experts: expertPoolDigest(pools.experts),
    };
  } catch (e) {
    throw engineError(e);
  }
  const strata: Record<string, number> = {};
  for (const c of pools.candidates) strata[c.stratum] = (strata[c.stratum] ?? 0) + 1;
  const counts = { candidates: pools.candidates.length, inspectors: pools.inspectors.length, experts: pools.experts.length, strata };
  return em.transactional(async (tx) => {
    await advance(tx, draw, DrawStatus.CREATED, {
      status: DrawStatus.FROZEN,
      frozenAt: new Date(),
      digests,
      counts,
      excluded,
      rules: rules as unknown as Record<string, unknown>,
    });
    // Bound parameters: these texts run to tens of megabytes, which must not be formatted into the SQL.
    for (const kind of ["candidates", "inspectors", "experts"] as const) {
      await tx
        .getConnection()
        .execute(
          "insert into draw_pool (draw_id, kind, entries) values (?, ?, ?)",
          [drawId, kind, JSON.stringify(pools[kind])],
          "run",
          tx.getTransactionContext(),
        );
    }
    await appendAudit(tx, drawChain(drawId), "DRAW_FROZEN", actor, { digests, counts, excluded, rules }, { status: draw.status, digests });
    recordDrawChange(tx, DrawChangeKind.FROZEN, eventData(plan, draw));
    return draw;
  });
}

/** The ceremony value(s): entered once, after the freeze; the seed follows from them and the digests. */
export async function enterCeremonyValues(em: EntityManager, drawId: number, values: string[], actor: string): Promise<Draw> {
  const draw = await findDraw(em, drawId);
  if (draw.status !== DrawStatus.FROZEN && draw.ceremonyValues) {
    throw new AppError(ErrorCode.INVALID_STATE, "现场随机值已经录入，不能再次录入", { drawId, field: "values" });
  }
  expect(draw, DrawStatus.FROZEN, "录入现场随机值");
  const clean = values.map((v) => (v ?? "").trim());
  if (!clean.length || clean.some((v) => !v)) throw new AppError(ErrorCode.REQUIRED_FIELD, "现场随机值不能为空", { field: "values" });
  if (clean.some((v) => v.length > 200))
    throw new AppError(ErrorCode.BAD_USER_INPUT, "每个现场随机值不超过 200 个字符", { field: "values" });
  const d = draw.digests!;
  const seed = deriveSeed({
    candidatePoolDigest: d.candidates!,
    inspectorPoolDigest: d.inspectors!,
    expertPoolDigest: d.experts!,
    ceremonyValues: clean,
  });
  const plan = await findPlan(em, draw.planId);
  return em.transactional(async (tx) => {
    await advance(tx, draw, DrawStatus.FROZEN, { status: DrawStatus.SEEDED, seededAt: new Date(), ceremonyValues: clean, seed });
    await appendAudit(
      tx,
      drawChain(drawId),
      "CEREMONY_VALUES_ENTERED",
      actor,
      { ceremonyValues: clean, seed },
      { status: draw.status, seed },
    );
    recordDrawChange(tx, DrawChangeKind.SEEDED, eventData(plan, draw));
    return draw;
  });
}

export async function loadPools(em: EntityManager, drawId: number): Promise<Pools> {
  const rows = await em.find(DrawPool, { drawId });
  const get = (k: string) => JSON.parse(rows.find((r) => r.kind === k)?.entries ?? "[]");
  return { candidates: get("candidates"), inspectors: get("inspectors"), experts: get("experts") };
}

/** Engine refusals become GraphQL errors with the engine's code and details. */
function engineError(e: unknown): Error {
  if (e instanceof DrawEngineError)
    return new AppError(e.code, e.message, { details: (e as unknown as { details?: unknown }).details ?? null });
  return e as Error;
}

/** The state of a drawn draw that the audit chain vouches for: the record and every visit. */
export function drawState(record: string, visits: Visit[]) {
  return { record: digestOf(record), visits: visits.map((v) => [v.id, v.uscc, v.ticket, v.matters, v.inspectors, v.experts]) };
}

/**
 * Execute: select, assign and write every visit in one transaction. If the rules cannot be met, the
 * engine names the subjects and the rule, and nothing is written.
 */
export async function executeDraw(em: EntityManager, drawId: number, actor: string): Promise<Draw> {
  const draw = await findDraw(em, drawId);
  expect(draw, DrawStatus.SEEDED, "执行摇号");
  const plan = await findPlan(em, draw.planId);
  const pools = await loadPools(em, drawId);
  let record: DrawRecord;
  try {
    record = runDraw({ pools, rules: draw.rules as unknown as PlanRulesInput, ceremonyValues: draw.ceremonyValues! });
  } catch (e) {
    throw engineError(e);
  }
  if (record.seed.value !== draw.seed) throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, "重算的种子与已公布的种子不一致", { drawId });
  const candidates = new Map(pools.candidates.map((c) => [c.subjectId, c]));
  const codeOf = new Map(plan.matters.map((m) => [`${m.department}:${m.matterId}`, `${m.department}:${m.code}`]));
  return em.transactional(async (tx) => {
    await advance(tx, draw, DrawStatus.SEEDED, { status: DrawStatus.DRAWN, drawnAt: new Date(), visitCount: record.selected.length });
    const text = JSON.stringify(record);
    await tx
      .getConnection()
      .execute("insert into draw_record (draw_id, record) values (?, ?)", [drawId, text], "run", tx.getTransactionContext());
    const rows = record.selected.map((s, i) => {
      const a = record.assignment[i]!;
      const c = candidates.get(s.id)!;
      const departments = plan.departments.filter((d) => c.matters.some((m) => m.startsWith(`${d}:`)));
      return {
        drawId,
        planId: plan.id,
        uscc: s.id,
        stratum: s.stratum,
        ticket: s.ticket,
        rank: s.rank,
        matters: c.matters,
        matterCodes: c.matters.map((m) => codeOf.get(m) ?? m),
        inspectors: a.inspectors,
        inspectorsKey: `|${Object.values(a.inspectors).flat().join("|")}|`,
        departmentsKey: `|${departments.join("|")}|`,
        experts: a.experts,
        status: VisitStatus.SCHEDULED,
        createdAt: new Date(),
      };
    });
    // Thousands of visits go in as multi-row inserts, then are read back with their ids.
    for (let i = 0; i < rows.length; i += 500) await tx.insertMany(Visit, rows.slice(i, i + 500));
    const visits = await tx.find(Visit, { drawId }, { orderBy: { id: "asc" } });
    await appendAudit(
      tx,
      drawChain(drawId),
      "DRAW_EXECUTED",
      actor,
      { visits: visits.length, recordDigest: digestOf(text) },
      drawState(text, visits),
    );
    recordDrawChange(tx, DrawChangeKind.DRAWN, eventData(plan, draw));
    for (const v of visits)
      recordVisitChange(tx, VisitChangeKind.CREATED, v.id, {
        ...eventData(plan, draw),
        departments: v.departmentsKey.split("|").filter(Boolean),
        inspectors: Object.values(v.inspectors).flat(),
      });
    return draw;
  });
}

export async function publishDraw(em: EntityManager, drawId: number, actor: string): Promise<Draw> {
  return em.transactional(async (tx) => {
    const draw = await findDraw(tx, drawId);
    expect(draw, DrawStatus.DRAWN, "公开");
    await advance(tx, draw, DrawStatus.DRAWN, { status: DrawStatus.PUBLISHED, publishedAt: new Date() });
    const row = await tx.findOneOrFail(DrawRecordRow, { drawId });
    const visits = await tx.find(Visit, { drawId }, { orderBy: { id: "asc" } });
    await appendAudit(tx, drawChain(drawId), "DRAW_PUBLISHED", actor, { visits: visits.length }, drawState(row.record, visits));
    const plan = await findPlan(tx, draw.planId);
    recordDrawChange(tx, DrawChangeKind.PUBLISHED, eventData(plan, draw));
    for (const v of visits)
      recordVisitChange(tx, VisitChangeKind.PUBLISHED, v.id, {
        ...eventData(plan, draw),
        departments: v.departmentsKey.split("|").filter(Boolean),
        inspectors: Object.values(v.inspectors).flat(),
      });
    return draw;
  });
}

export async function requestRedraw(em: EntityManager, drawId: number, reason: string, actor: string): Promise<RedrawRequest> {
  const why = requireText(reason, "reason", "重摇原因", 2000);
  if (why.length < 4) throw new AppError(ErrorCode.BAD_USER_INPUT, "重摇原因须写明理由（至少 4 个字）", { field: "reason" });
  return em.transactional(async (tx) => {
    const draw = await findDraw(tx, drawId);
    if (draw.supersededAt) throw new AppError(ErrorCode.INVALID_STATE, `第 ${draw.sequence} 次摇号已被取代`, { drawId });
    if (await tx.count(RedrawRequest, { drawId, approvedAt: null }))
      throw new AppError(ErrorCode.DUPLICATE, "该摇号任务已有待批准的重摇申请", { drawId });
    const request = tx.create(RedrawRequest, { drawId, reason: why, requestedBy: actor });
    await tx.flush();
    await appendAudit(tx, drawChain(drawId), "REDRAW_REQUESTED", actor, { requestId: request.id, reason: why }, { status: draw.status });
    return request;
  });
}

/** A redraw takes effect only when a different person approves it; the first draw stays public, superseded. */
export async function approveRedraw(em: EntityManager, requestId: number, actor: string): Promise<Draw> {
  return em.transactional(async (tx) => {
    const request = await tx.findOne(RedrawRequest, { id: requestId });
    if (!request) throw new AppError(ErrorCode.NOT_FOUND, `未找到编号为 ${requestId} 的重摇申请`, { field: "requestId" });
    if (request.approvedAt) throw new AppError(ErrorCode.INVALID_STATE, "该重摇申请已经批准", { field: "requestId" });
    if (request.requestedBy === actor) throw new AppError(ErrorCode.SAME_PERSON, "重摇须由申请人以外的另一人批准", { field: "requestId" });
    const old = await findDraw(tx, request.drawId);
    if (old.supersededAt) throw new AppError(ErrorCode.INVALID_STATE, `第 ${old.sequence} 次摇号已被取代`, { drawId: old.id });
    const next = tx.create(Draw, {
      planId: old.planId,
      sequence: old.sequence + 1,
      status: DrawStatus.CREATED,
      createdBy: request.requestedBy,
      redrawReason: request.reason,
      approvedBy: actor,
    });
    await tx.flush();
    old.supersededAt = new Date();
    old.supersededById = next.id;
    request.approvedBy = actor;
    request.approvedAt = old.supersededAt;
    request.newDrawId = next.id;
    await tx.flush();
    await appendAudit(
      tx,
      drawChain(old.id),
      "DRAW_SUPERSEDED",
      actor,
      { requestId, by: next.id, reason: request.reason },
      { status: old.status, supersededBy: next.id },
    );
    const plan = await findPlan(tx, old.planId);
    recordDrawChange(tx, DrawChangeKind.SUPERSEDED, eventData(plan, old));
    recordDrawChange(tx, DrawChangeKind.CREATED, eventData(plan, next));
    await appendAudit(
      tx,
      drawChain(next.id),
      "DRAW_CREATED",
      actor,
      {
        planId: old.planId,
        sequence: next.sequence,
        replaces: old.id,
        reason: request.reason,
        requestedBy: request.requestedBy,
        approvedBy: actor,
      },
      { status: next.status },
    );
    return next;
  });
}
