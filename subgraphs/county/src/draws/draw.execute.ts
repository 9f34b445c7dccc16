import type { EntityManager } from "@mikro-orm/core";
import { compareCodePoints, runDraw, type CandidateEntry, type DrawRecord, type PlanRulesInput } from "@ssj/draw-engine";
import { AppError, digestOf, ErrorCode, insertBound } from "@ssj/shared";
import { appendSigned } from "../audit/checkpoints.js";
import { DrawChangeKind, VisitChangeKind } from "../events/draw-change.type.js";
import { recordDrawChange, recordVisitChange } from "../events/draw-events.js";
import { Visit, VisitStatus } from "../visits/visit.entity.js";
import { DrawStatus, type Draw } from "./draw.entity.js";
import { drawnVisits } from "./drawn-visits.js";
import { advance, drawChain, drawEvent, drawState, engineError, eventData, expect, findDraw, findPlan } from "./draw.service.js";
import { isLargeDraw, releaseMemory } from "./release-memory.js";
import { loadPools } from "./pools.js";
import { loadSubjectFacts } from "./subject-facts.js";
import { turn } from "./turn.js";

/**
 * Execute: select, assign and write every visit in one transaction. If the rules cannot be met, the
 * engine names the subjects and the rule, and nothing is written.
 */
export async function executeDraw(em: EntityManager, drawId: number, actor: string): Promise<Draw> {
  const draw = await findDraw(em, drawId);
  expect(draw, DrawStatus.SEEDED, "执行摇号");
  const plan = await findPlan(em, draw.planId);
  // what the freeze left (its pools, its texts) goes before this step reads the texts back (release-memory.ts)
  releaseMemory(isLargeDraw(draw));
  const [pools, factsOf] = await Promise.all([loadPools(em, drawId), loadSubjectFacts(em, drawId)]);
  // the event loop runs between the steps of a large execute (turn.ts)
  await turn();
  let record: DrawRecord;
  // The stored canonical text hashing to the published digest is the check that re-canonicalising would make.
  const verified = pools.candidateDigest !== null && pools.candidateDigest === draw.digests?.candidates;
  try {
    record = runDraw(
      { pools, rules: draw.rules as unknown as PlanRulesInput, ceremonyValues: draw.ceremonyValues! },
      verified ? { verifiedCandidateDigest: pools.candidateDigest! } : {},
    );
  } catch (e) {
    throw engineError(e);
  }
  if (record.seed.value !== draw.seed) throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, "重算的种子与已公布的种子不一致", { drawId });
  await turn();
  const candidates = drawnCandidates(pools.candidates, record.selected, verified);
  const codeOf = new Map(plan.matters.map((m) => [`${m.department}:${m.matterId}`, `${m.department}:${m.code}`]));
  return em.transactional(async (tx) => {
    await advance(tx, draw, DrawStatus.SEEDED, { status: DrawStatus.DRAWN, drawnAt: new Date(), visitCount: record.selected.length });
    const text = JSON.stringify(record);
    await insertBound(tx, "insert into draw_record (draw_id, record) values (?, ?)", [drawId, text]);
    const rows = record.selected.map((s, i) => {
      const a = record.assignment[i]!;
      const c = candidates.get(s.id)!;
      const facts = factsOf(s.id);
      const departments = plan.departments.filter((d) => c.matters.some((m) => m.startsWith(`${d}:`)));
      return {
        drawId,
        planId: plan.id,
        uscc: s.id,
        subjectName: facts.name,
        directories: facts.directories,
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
    for (let i = 0; i < rows.length; i += 500) {
      await tx.insertMany(Visit, rows.slice(i, i + 500));
      await turn();
    }
    const visits = await drawnVisits(tx, drawId);
    await appendSigned(
      tx,
      drawChain(drawId),
      "DRAW_EXECUTED",
      actor,
      { visits: visits.length, recordDigest: digestOf(text) },
      drawState(text, visits),
    );
    recordDrawChange(tx, DrawChangeKind.DRAWN, drawEvent(plan, draw));
    await turn();
    for (const v of visits)
      recordVisitChange(tx, VisitChangeKind.CREATED, v.id, {
        ...eventData(plan, draw),
        departments: v.departmentsKey.split("|").filter(Boolean),
        inspectors: Object.values(v.inspectors).flat(),
      });
    return draw;
  });
}

/**
 * The drawn candidates by id. A pool read back from its verified canonical text is sorted by id (code point
 * order), so each drawn subject is found by binary search; a pool of an older draw (stored as JSON) may not be,
 * and is scanned. Why: a pass over 600,000 entries with a set look-up each was ≈ 0.25 s of an execute.
 */
function drawnCandidates(pool: readonly CandidateEntry[], selected: readonly { id: string }[], sorted: boolean) {
  const out = new Map<string, CandidateEntry>();
  if (!sorted) {
    const chosen = new Set(selected.map((s) => s.id));
    for (const c of pool) if (chosen.has(c.subjectId)) out.set(c.subjectId, c);
    return out;
  }
  for (const { id } of selected) {
    let lo = 0;
    let hi = pool.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const order = compareCodePoints(pool[mid]!.subjectId, id);
      if (order === 0) {
        out.set(id, pool[mid]!);
        break;
      }
      if (order < 0) lo = mid + 1;
      else hi = mid;
    }
  }
  return out;
}
