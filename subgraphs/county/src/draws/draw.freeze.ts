import type { EntityManager } from "@mikro-orm/core";
import { candidatePoolChunks, committedPoolChunksOf, expertPoolDigest, inspectorPoolDigest, sortedByCodePoints } from "@ssj/draw-engine";
import { AppError, ErrorCode } from "@ssj/shared";
import { appendSigned } from "../audit/checkpoints.js";
import type { DepartmentClient } from "../departments/department-client.js";
import { activeDepartment } from "../departments/department.service.js";
import { DrawChangeKind } from "../events/draw-change.type.js";
import { recordDrawChange } from "../events/draw-events.js";
import { Draw, DrawStatus } from "./draw.entity.js";
import { advance, drawChain, drawEvent, engineError, expect, findDraw, findPlan } from "./draw.service.js";
import { checkPoolsSuffice, gatherPools } from "./freeze.js";
import { planSnapshot } from "./plan-snapshot.js";
import { writePoolText, type PoolKind } from "./pool-store.js";
import { LARGE_POOL, releaseMemory } from "./release-memory.js";
import { saltCandidates, saltsTextChunks, type SaltedCandidate } from "./salts.js";
import { turn } from "./turn.js";

/** Runs a step of the draw engine, its refusals (an invalid or duplicate entry) as the service's errors. */
function engineStep<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    throw engineError(e);
  }
}

/** The chunks of a text the engine builds, its refusals (thrown as a chunk is built) as the service's errors. */
function* engineChunks(chunks: Iterable<string>): Generator<string> {
  try {
    yield* chunks;
  } catch (e) {
    throw engineError(e);
  }
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
  const { pools, rules, excluded, subjects } = await gatherPools(em, client, plan, departments);
  if (!pools.candidates.length)
    throw new AppError(ErrorCode.EMPTY_POOL, `计划「${plan.name}」范围内没有符合条件的市场主体，无法冻结`, { drawId });
  checkPoolsSuffice(plan, departments, pools);
  // the event loop runs between the steps of a large freeze (turn.ts): here, after the gathering's last fold
  await turn();
  // One random salt per candidate commits to its stratum in the public record (packages/draw-engine/FORMAT.md §9).
  // Sorted once here: the canonical texts sort by the same key, and an array already in order costs them one pass.
  const salted = saltCandidates(sortedByCodePoints(pools.candidates, (c) => c.subjectId));
  const people = engineStep(() => ({ inspectors: inspectorPoolDigest(pools.inspectors), experts: expertPoolDigest(pools.experts) }));
  const strata: Record<string, number> = {};
  for (const c of pools.candidates) strata[c.stratum] = (strata[c.stratum] ?? 0) + 1;
  const counts = { candidates: pools.candidates.length, inspectors: pools.inspectors.length, experts: pools.experts.length, strata };
  await turn();
  return em.transactional(async (tx) => {
    // the state is checked (and the row taken) first; the digests are set below, in the same transaction
    await advance(tx, draw, DrawStatus.CREATED, {
      status: DrawStatus.FROZEN,
      frozenAt: new Date(),
      counts,
      excluded,
      rules: rules as unknown as Record<string, unknown>,
    });
    // The stored texts, one at a time, each built, hashed where it is published and written a chunk (≈ 1 Mi
    // characters) at a time, one row per chunk (pool-store.ts): no text of tens of megabytes exists whole, so the
    // collections forced after each whole text are no longer needed (docs/performance.md, "Seventh pass").
    // The candidate pool is stored as its canonical text: execute checks it against the published digest with
    // one hash and reads it back, instead of canonicalising it again (pools.ts). Likewise the committed pool,
    // which every public view of the draw is built from (public-view.ts).
    const store = (kind: PoolKind, chunks: Iterable<string>, hash = false) => writePoolText(tx, drawId, kind, engineChunks(chunks), hash);
    // The engine's builders validate every entry (well-formed fields, no duplicate ids) as they produce the chunks.
    // The subjects' snapshot first: in id order, as the pool (execute finds the drawn subjects in it by binary search,
    // subject-facts.ts); then it and the tally it reads are dropped, and the other texts are built without them.
    await store("subjects", subjects.serialiseChunks(salted.map((c) => c.subjectId)));
    subjects.release();
    // One collection here, where the live heap is smallest (the tally and the gathering's garbage just dropped): V8
    // sizes its next collections on what it finds live, and the county's peak at 600,000 candidates was 501 MiB
    // with it against 533 without (docs/performance.md, "Seventh pass"). The texts' chunks need no more.
    releaseMemory(salted.length >= LARGE_POOL);
    await turn();
    const candidates = (await store("candidates", candidatePoolChunks(salted), true))!;
    await store("inspectors", [JSON.stringify(pools.inspectors)]);
    await store("experts", [JSON.stringify(pools.experts)]);
    const committedCandidates = (await store(
      "committed",
      committedPoolChunksOf(salted, (c: SaltedCandidate) => c.salt),
      true,
    ))!;
    await store("salts", saltsTextChunks(salted));
    const digests = { candidates, ...people, committedCandidates };
    await tx.nativeUpdate(Draw, { id: draw.id }, { digests });
    draw.digests = digests;
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
