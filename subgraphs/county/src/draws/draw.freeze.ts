import type { EntityManager } from "@mikro-orm/core";
import {
  canonicalCandidatePool,
  canonicalCommittedPoolOf,
  digest,
  expertPoolDigest,
  inspectorPoolDigest,
  sortedByCodePoints,
} from "@ssj/draw-engine";
import { AppError, ErrorCode, insertBound } from "@ssj/shared";
import { appendSigned } from "../audit/checkpoints.js";
import type { DepartmentClient } from "../departments/department-client.js";
import { activeDepartment } from "../departments/department.service.js";
import { DrawChangeKind } from "../events/draw-change.type.js";
import { recordDrawChange } from "../events/draw-events.js";
import { DrawStatus, type Draw, type DrawPool } from "./draw.entity.js";
import { advance, drawChain, drawEvent, engineError, expect, findDraw, findPlan } from "./draw.service.js";
import { checkPoolsSuffice, gatherPools } from "./freeze.js";
import { planSnapshot } from "./plan-snapshot.js";
import { saltCandidates, saltsJson, type SaltedCandidate } from "./salts.js";

/**
 * Freeze: gather the pools from every participating department (all must answer), hash them, and
 * publish digests and counts — before any seed exists.
 */
export async function freezeDraw(em: EntityManager, client: DepartmentClient, drawId: number, actor: string): Promise<Draw> {
  const draw = await findDraw(em, drawId);
  expect(draw, DrawStatus.CREATED, "冻结名录");
  const plan = await findPlan(em, draw.planId);
  const departments = await Promise.all(plan.departments.map((c) => activeDepartment(em, c, "departments")));
  const { pools, rules, excluded, subjects } = await gatherPools(em, client, plan, departments);
  if (!pools.candidates.length)
    throw new AppError(ErrorCode.EMPTY_POOL, `计划「${plan.name}」范围内没有符合条件的市场主体，无法冻结`, { drawId });
  checkPoolsSuffice(plan, departments, pools);
  // The engine's digests validate every entry (well-formed fields, no duplicate ids) as they hash it.
  let digests: Record<string, string>;
  // The candidate pool is stored as its canonical text, built once here: execute checks it against the
  // published digest with one hash and reads it back, instead of canonicalising it again (pools.ts).
  // Likewise the committed pool, which every public view of the draw is built from (public-view.ts).
  let candidateText: string;
  let committedText: string;
  // One random salt per candidate commits to its stratum in the public record (packages/draw-engine/FORMAT.md §9).
  // Sorted once here: the canonical texts sort by the same key, and an array already in order costs them one pass.
  const salted = saltCandidates(sortedByCodePoints(pools.candidates, (c) => c.subjectId));
  try {
    candidateText = canonicalCandidatePool(salted);
    committedText = canonicalCommittedPoolOf(salted, (c: SaltedCandidate) => c.salt);
    digests = {
      candidates: digest(candidateText),
      inspectors: inspectorPoolDigest(pools.inspectors),
      experts: expertPoolDigest(pools.experts),
      committedCandidates: digest(committedText),
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
    // Bound parameters (insertBound): these texts run to tens of megabytes, which must not be formatted into the SQL.
    const stored: [DrawPool["kind"], string][] = [
      ["candidates", candidateText],
      ["inspectors", JSON.stringify(pools.inspectors)],
      ["experts", JSON.stringify(pools.experts)],
      ["committed", committedText],
      ["salts", saltsJson(salted)],
      // in id order, as the pool: execute finds the drawn subjects in it by binary search (subject-facts.ts)
      ["subjects", subjects.serialise(salted.map((c) => c.subjectId))],
    ];
    for (const [kind, text] of stored)
      await insertBound(tx, "insert into draw_pool (draw_id, kind, entries) values (?, ?, ?)", [drawId, kind, text]);
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
