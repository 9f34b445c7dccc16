import type { EntityManager } from "@mikro-orm/core";
import {
  candidatePoolDigest,
  commitCandidates,
  committedPoolDigest,
  deriveSeed,
  DrawEngineError,
  expertPoolDigest,
  firstDifference,
  inspectorPoolDigest,
  runDraw,
  type DrawRecord,
  type PlanRulesInput,
  type Pools,
} from "@ssj/draw-engine";
import { AuditEvent, checkChainAgainstCheckpoints, digestOf, entryHash, GENESIS, type SignedCheckpoint } from "@ssj/shared";
import { checkpointKeys, checkpointsOf } from "../audit/checkpoints.js";
import { Plan } from "../plans/plan.entity.js";
import { Visit } from "../visits/visit.entity.js";
import { Draw, DrawRecordRow } from "./draw.entity.js";
import { drawChain, drawState } from "./draw.service.js";
import { loadPools } from "./pools.js";
import { planSnapshot } from "./plan-snapshot.js";
import { loadSalts } from "./salts.js";

/** What broke: a check name (CHAIN, CHECKPOINT, POOL, DIGESTS, PLAN, RULES, CEREMONY, SEED, RECORD, VISITS) and a message. */
export interface Problem {
  check: string;
  message: string;
}

export interface StoredVerification {
  problems: Problem[];
  chainValid: boolean;
  brokenAt: number | null;
  stateMatches: boolean | null;
  checkpoint: SignedCheckpoint | null;
}

const payloadOf = (e: AuditEvent | undefined): Record<string, unknown> | null => {
  try {
    return e ? (JSON.parse(e.payload) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

/** Hash links of a chain, in seq order: the first entry whose seq, prevHash or hash does not hold. */
function brokenLink(events: AuditEvent[]): number | null {
  let prev = GENESIS;
  for (const [i, e] of events.entries()) {
    if (e.seq !== i + 1 || e.prevHash !== prev || entryHash(e) !== e.hash) return e.seq;
    prev = e.hash;
  }
  return null;
}

/**
 * `Draw.verification` (docs/draw-record.md, "Verification"): recomputes, from what is stored,
 * everything the draw's chain and published record commit to — pools → digests → seed → tickets →
 * selection → assignment → visits — and compares each with what the chain logged, and the chain with
 * its signed checkpoints. Every difference is reported, naming what broke; nothing stops at the first.
 */
export async function verifyStoredDraw(em: EntityManager, draw: Draw): Promise<StoredVerification> {
  const problems: Problem[] = [];
  const add = (check: string, zh: string, en: string) => problems.push({ check, message: `${zh} / ${en}` });
  const chain = drawChain(draw.id);
  const events = await em.find(AuditEvent, { chain }, { orderBy: { seq: "asc" } });
  const brokenAt = brokenLink(events);
  if (brokenAt !== null) add("CHAIN", `哈希链在第 ${brokenAt} 条断开`, `hash chain broken at seq ${brokenAt}`);
  const checkpoints = await checkpointsOf(em, chain);
  problems.push(...checkChainAgainstCheckpoints(events, checkpoints, checkpointKeys(em).trusted));
  const chainValid = problems.length === 0;
  const last = (action: string) => [...events].reverse().find((e) => e.action === action);

  const frozen = payloadOf(last("DRAW_FROZEN"));
  const same = (check: string, what: string, logged: unknown, stored: unknown, path: string) => {
    const d = firstDifference(logged, stored, path, "stored");
    if (d) add(check, `${what}与全过程记录不一致`, d);
  };
  let pools: Pools | null = null;
  if (draw.digests) {
    if (!frozen) add("CHAIN", "缺少冻结名录的记录", "the chain has no DRAW_FROZEN entry");
    pools = await loadPools(em, draw.id);
    const recomputed: Record<string, string> = {};
    try {
      recomputed.candidates = candidatePoolDigest(pools.candidates);
      recomputed.inspectors = inspectorPoolDigest(pools.inspectors);
      recomputed.experts = expertPoolDigest(pools.experts);
    } catch (e) {
      add("POOL", "冻结名录无法重算摘要", e instanceof Error ? e.message : String(e));
    }
    if (draw.digests.committedCandidates) {
      try {
        recomputed.committedCandidates = committedPoolDigest(commitCandidates(pools.candidates, await loadSalts(em, draw.id)));
      } catch (e) {
        add("POOL", "分层承诺无法重算（盐值缺失或无效）", e instanceof Error ? e.message : String(e));
      }
    }
    for (const [kind, digest] of Object.entries(recomputed))
      if (digest !== draw.digests[kind])
        add(
          "POOL",
          `冻结名录 ${kind} 的内容与其摘要不符`,
          `frozen pool ${kind} hashes to ${digest}, draw.digests.${kind} is ${draw.digests[kind]}`,
        );
    if (frozen) {
      same("DIGESTS", "名录摘要", frozen.digests, draw.digests, "draw.digests");
      same("RULES", "摇号规则", frozen.rules, draw.rules, "draw.rules");
      const plan = await em.findOne(Plan, { id: draw.planId });
      if (!plan) add("PLAN", "抽查计划已不存在", `plan ${draw.planId} is missing`);
      else if (frozen.plan) same("PLAN", "抽查计划", frozen.plan, planSnapshot(plan), "plan");
      else same("PLAN", "抽查计划的比例", (frozen.rules as { ratios?: unknown } | null)?.ratios, plan.ratios, "plan.ratios");
    }
  }

  if (draw.seed !== null || draw.ceremonyValues !== null) {
    const ceremony = payloadOf(last("CEREMONY_VALUES_ENTERED"));
    if (!ceremony) add("CHAIN", "缺少录入现场随机值的记录", "the chain has no CEREMONY_VALUES_ENTERED entry");
    else {
      same("CEREMONY", "现场随机值", ceremony.ceremonyValues, draw.ceremonyValues, "draw.ceremonyValues");
      same("SEED", "种子", ceremony.seed, draw.seed, "draw.seed");
    }
    const d = draw.digests ?? {};
    try {
      const seed = deriveSeed({
        candidatePoolDigest: d.candidates!,
        inspectorPoolDigest: d.inspectors!,
        expertPoolDigest: d.experts!,
        ceremonyValues: draw.ceremonyValues ?? [],
      });
      if (seed !== draw.seed) add("SEED", "种子与名录摘要和现场随机值不符", `draw.seed: recomputed ${seed}, stored ${draw.seed}`);
    } catch (e) {
      add("SEED", "无法重算种子", e instanceof Error ? e.message : String(e));
    }
  }

  let stateMatches: boolean | null = null;
  const row = await em.findOne(DrawRecordRow, { drawId: draw.id });
  if (row) {
    const executed = payloadOf(last("DRAW_EXECUTED"));
    if (!executed) add("CHAIN", "缺少执行摇号的记录", "the chain has no DRAW_EXECUTED entry");
    else if (executed.recordDigest !== digestOf(row.record))
      add(
        "RECORD",
        "摇号记录与执行时记录的摘要不符",
        `stored record hashes to ${digestOf(row.record)}, the chain logged ${executed.recordDigest}`,
      );
    let stored: DrawRecord | null = null;
    try {
      stored = JSON.parse(row.record) as DrawRecord;
    } catch {
      add("RECORD", "摇号记录不是有效的 JSON", "the stored record is not JSON");
    }
    if (stored && pools && draw.rules && draw.ceremonyValues) {
      try {
        const expected = runDraw({ pools, rules: draw.rules as unknown as PlanRulesInput, ceremonyValues: draw.ceremonyValues });
        const d = firstDifference(expected, stored, "record", "stored");
        if (d) add("RECORD", "由冻结名录重算的摇号结果与已存记录不同", d);
      } catch (e) {
        add("RECORD", "无法由冻结名录重算摇号", e instanceof DrawEngineError ? `${e.code}: ${e.message}` : String(e));
      }
    }
    const visits = await em.find(Visit, { drawId: draw.id }, { orderBy: { id: "asc" } });
    if (stored) compareVisits(stored, visits, add);
    const logged = [...events].reverse().find((e) => e.action === "DRAW_EXECUTED" || e.action === "DRAW_PUBLISHED");
    stateMatches = logged ? logged.stateDigest === digestOf(drawState(row.record, visits)) : false;
    if (!stateMatches) add("VISITS", "检查记录与全过程记录的摘要不符", "stored record and visits do not match the logged state digest");
  }
  return { problems, chainValid, brokenAt, stateMatches, checkpoint: checkpoints.at(-1) ?? null };
}

/** Each visit must be the record's selected subject at the same position, with the same team. */
function compareVisits(record: DrawRecord, visits: Visit[], add: (check: string, zh: string, en: string) => void): void {
  if (visits.length !== record.selected.length)
    add("VISITS", "检查数与摇号记录不符", `${visits.length} visits stored, the record selected ${record.selected.length}`);
  for (const [i, s] of record.selected.entries()) {
    const v = visits[i];
    if (!v) break;
    const a = record.assignment[i];
    const expected = { uscc: s.id, stratum: s.stratum, ticket: s.ticket, rank: s.rank, inspectors: a?.inspectors, experts: a?.experts };
    const actual = { uscc: v.uscc, stratum: v.stratum, ticket: v.ticket, rank: v.rank, inspectors: v.inspectors, experts: v.experts };
    const d = firstDifference(expected, actual, `visit ${v.id}`, "stored");
    if (d) add("VISITS", `检查 ${v.id} 与摇号记录不符`, d);
  }
}
