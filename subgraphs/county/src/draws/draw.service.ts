// Size: over 300 lines (not split yet): one function per step of a draw's life (create, freeze, execute,
// publish) sharing the load/guard helpers. Next split: one file per step, as freeze.ts and ceremony/ already are.
import { UniqueConstraintViolationException, type EntityManager } from "@mikro-orm/core";
import {
  candidatePoolDigest,
  commitCandidates,
  committedPoolDigest,
  DrawEngineError,
  expertPoolDigest,
  inspectorPoolDigest,
  runDraw,
  viewDigest as engineViewDigest,
  type DrawRecord,
  type PlanRulesInput,
} from "@ssj/draw-engine";
import { accountOf, AppError, digestOf, ErrorCode, requireText } from "@ssj/shared";
import { appendSigned } from "../audit/checkpoints.js";
import { planSnapshot } from "./plan-snapshot.js";
import { drawSalts } from "./salts.js";
import { loadView } from "./public-view.js";
import type { DepartmentClient } from "../departments/department-client.js";
import { activeDepartment } from "../departments/department.service.js";
import { isPublicDraw } from "../access.js";
import { Disclosure, Plan, PlanStatus } from "../plans/plan.entity.js";
import { Visit, VisitStatus } from "../visits/visit.entity.js";
import { Draw, DrawPool, DrawRecordRow, DrawStatus, RedrawRequest } from "./draw.entity.js";
import { checkPoolsSuffice, gatherPools } from "./freeze.js";
import { loadPools } from "./pools.js";
import { DrawChangeKind, VisitChangeKind } from "../events/draw-change.type.js";
import { recordDrawChange, recordVisitChange } from "../events/draw-events.js";

export const drawChain = (id: number) => `draw:${id}`;

/** What visit events say about their draw (see events/draw-events.ts). */
const eventData = (plan: Plan, draw: Draw) => ({
  planId: plan.id,
  drawId: draw.id,
  departments: plan.departments,
  published: draw.status === DrawStatus.PUBLISHED,
});

/** What draw events say: the public follows a draw from its freeze on. */
const drawEvent = (plan: Plan, draw: Draw) => ({ ...eventData(plan, draw), published: isPublicDraw(draw) });

/** How messages name a draw: by the id the user typed, and which draw of its plan it is. */
export const drawLabel = (draw: Pick<Draw, "id" | "sequence">) => `摇号任务 ${draw.id}（该计划第 ${draw.sequence} 次摇号）`;

export async function findDraw(em: EntityManager, id: number): Promise<Draw> {
  const d = await em.findOne(Draw, { id });
  if (!d) throw new AppError(ErrorCode.NOT_FOUND, `未找到编号为 ${id} 的摇号任务`, { field: "drawId" });
  return d;
}

export async function findPlan(em: EntityManager, id: number): Promise<Plan> {
  const p = await em.findOne(Plan, { id });
  if (!p) throw new AppError(ErrorCode.NOT_FOUND, `未找到编号为 ${id} 的抽查计划`, { field: "planId" });
  return p;
}

export function expect(draw: Draw, status: DrawStatus, action: string): void {
  if (draw.supersededAt) throw new AppError(ErrorCode.INVALID_STATE, `${drawLabel(draw)}已被重摇取代，不能${action}`, { drawId: draw.id });
  if (draw.status !== status) {
    throw new AppError(ErrorCode.INVALID_STATE, `${drawLabel(draw)}当前为 ${draw.status}，只有 ${status} 状态才能${action}`, {
      drawId: draw.id,
      status: draw.status,
    });
  }
}

/** Moves the draw from one state to the next inside the transaction, refusing if someone else moved it first. */
export async function advance(tx: EntityManager, draw: Draw, from: DrawStatus, changes: Partial<Draw>): Promise<void> {
  const n = await tx.nativeUpdate(Draw, { id: draw.id, status: from, supersededAt: null }, changes);
  if (n !== 1) throw new AppError(ErrorCode.INVALID_STATE, "摇号任务的状态已被他人改变，请刷新后重试", { drawId: draw.id });
  Object.assign(draw, changes);
}

/** One draw per task: a plan gets its first draw here; any further draw goes through a redraw request. */
export async function createDraw(em: EntityManager, planId: number, actor: string): Promise<Draw> {
  const lost = () => new AppError("ONE_DRAW_PER_TASK", "该计划的摇号任务已由他人同时创建；请刷新后查看", { planId });
  return oneWinner(lost, () => createDrawOnce(em, planId, actor));
}

/** Losers of a race to insert the same (plan, sequence) are refused as if they had come second. */
async function oneWinner<T>(lost: () => AppError, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) throw lost();
    throw e;
  }
}

async function createDrawOnce(em: EntityManager, planId: number, actor: string): Promise<Draw> {
  return em.transactional(async (tx) => {
    const plan = await findPlan(tx, planId);
    if (plan.status === PlanStatus.CANCELLED)
      throw new AppError(ErrorCode.INVALID_STATE, `计划「${plan.name}」已撤销，不能摇号`, { field: "planId" });
    const current = await tx.findOne(Draw, { planId: plan.id, supersededAt: null, status: { $ne: DrawStatus.CANCELLED } });
    if (current) {
      throw new AppError(
        ErrorCode.ONE_DRAW_PER_TASK,
        `计划「${plan.name}」已有${drawLabel(current)}；冻结前可撤销（cancelDraw），之后重摇须写明原因并经另一人批准`,
        { drawId: current.id },
      );
    }
    // a draw cancelled before its ceremony stays on record; the next one counts on from it
    const sequence = (await tx.count(Draw, { planId: plan.id })) + 1;
    const draw = tx.create(Draw, { planId: plan.id, sequence, status: DrawStatus.CREATED, createdBy: actor });
    await tx.flush();
    await appendSigned(tx, drawChain(draw.id), "DRAW_CREATED", actor, { planId: plan.id, sequence }, { status: draw.status });
    recordDrawChange(tx, DrawChangeKind.CREATED, drawEvent(plan, draw));
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
  // One random salt per candidate commits to its stratum in the public record (packages/draw-engine/FORMAT.md §9).
  const salts = drawSalts(pools.candidates);
  try {
    digests = {
      candidates: candidatePoolDigest(pools.candidates),
      inspectors: inspectorPoolDigest(pools.inspectors),
      experts: expertPoolDigest(pools.experts),
      committedCandidates: committedPoolDigest(commitCandidates(pools.candidates, salts)),
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
    tx.create(DrawPool, { drawId, kind: "salts", entries: JSON.stringify(salts) });
    await appendSigned(
      tx,
      drawChain(drawId),
      "DRAW_FROZEN",
      actor,
      { digests, counts, excluded, rules, plan: planSnapshot(plan) },
      { status: draw.status, digests },
    );
    recordDrawChange(tx, DrawChangeKind.FROZEN, drawEvent(plan, draw));
    return draw;
  });
}

export { loadPools };

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
    await appendSigned(
      tx,
      drawChain(drawId),
      "DRAW_EXECUTED",
      actor,
      { visits: visits.length, recordDigest: digestOf(text) },
      drawState(text, visits),
    );
    recordDrawChange(tx, DrawChangeKind.DRAWN, drawEvent(plan, draw));
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
    const plan = await findPlan(tx, draw.planId);
    // The public view's SHA-256, signed into the chain now: an AFTER_WINDOW plan publishes the view itself later (disclosure.ts).
    const viewDigest = engineViewDigest((await loadView(tx, drawId)).view);
    await appendSigned(
      tx,
      drawChain(drawId),
      "DRAW_PUBLISHED",
      actor,
      { visits: visits.length, disclosure: plan.disclosure, viewDigest },
      drawState(row.record, visits),
    );
    recordDrawChange(tx, DrawChangeKind.PUBLISHED, drawEvent(plan, draw));
    // AFTER_WINDOW: the public is not told which subjects will be visited (docs/draw-record.md, "Disclosure")
    const visitsPublic = plan.disclosure !== Disclosure.AFTER_WINDOW;
    for (const v of visits)
      recordVisitChange(tx, VisitChangeKind.PUBLISHED, v.id, {
        ...eventData(plan, draw),
        published: visitsPublic,
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
    if (draw.supersededAt) throw new AppError(ErrorCode.INVALID_STATE, `${drawLabel(draw)}已被取代`, { drawId });
    if (draw.status === DrawStatus.CANCELLED)
      throw new AppError(ErrorCode.INVALID_STATE, `${drawLabel(draw)}已撤销，可为计划新建摇号任务`, { drawId });
    if (await tx.count(RedrawRequest, { drawId, approvedAt: null }))
      throw new AppError(ErrorCode.DUPLICATE, "该摇号任务已有待批准的重摇申请", { drawId });
    const request = tx.create(RedrawRequest, { drawId, reason: why, requestedBy: actor });
    await tx.flush();
    await appendSigned(tx, drawChain(drawId), "REDRAW_REQUESTED", actor, { requestId: request.id, reason: why }, { status: draw.status });
    return request;
  });
}

/** A redraw takes effect only when a different person approves it; the first draw stays public, superseded. */
export async function approveRedraw(em: EntityManager, requestId: number, actor: string): Promise<Draw> {
  const lost = () => new AppError(ErrorCode.INVALID_STATE, "该重摇申请已由他人同时批准", { field: "requestId" });
  return oneWinner(lost, () => approveRedrawOnce(em, requestId, actor));
}

async function approveRedrawOnce(em: EntityManager, requestId: number, actor: string): Promise<Draw> {
  return em.transactional(async (tx) => {
    const request = await tx.findOne(RedrawRequest, { id: requestId });
    if (!request) throw new AppError(ErrorCode.NOT_FOUND, `未找到编号为 ${requestId} 的重摇申请`, { field: "requestId" });
    if (request.approvedAt) throw new AppError(ErrorCode.INVALID_STATE, "该重摇申请已经批准", { field: "requestId" });
    if (accountOf(request.requestedBy) === accountOf(actor))
      throw new AppError(ErrorCode.SAME_PERSON, "重摇须由申请人以外的另一人批准", { field: "requestId" });
    const old = await findDraw(tx, request.drawId);
    if (old.supersededAt) throw new AppError(ErrorCode.INVALID_STATE, `${drawLabel(old)}已被取代`, { drawId: old.id });
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
    await appendSigned(
      tx,
      drawChain(old.id),
      "DRAW_SUPERSEDED",
      actor,
      { requestId, by: next.id, reason: request.reason },
      { status: old.status, supersededBy: next.id },
    );
    const plan = await findPlan(tx, old.planId);
    recordDrawChange(tx, DrawChangeKind.SUPERSEDED, drawEvent(plan, old));
    recordDrawChange(tx, DrawChangeKind.CREATED, drawEvent(plan, next));
    await appendSigned(
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
