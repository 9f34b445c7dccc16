import type { EntityManager } from "@mikro-orm/core";
import { ceremonyText, commitmentOf, deriveSeed, type CeremonyValue } from "@ssj/draw-engine";
import { AppError, ErrorCode, validateDate } from "@ssj/shared";
import { appendSigned } from "../../audit/checkpoints.js";
import { DrawChangeKind } from "../../events/draw-change.type.js";
import { recordDrawChange } from "../../events/draw-events.js";
import { isPublicDraw } from "../../access.js";
import { Draw, DrawStatus } from "../draw.entity.js";
import { advance, drawChain, drawLabel, expect, findDraw, findPlan } from "../draw.service.js";
import { CeremonyCommitment } from "./commitment.entity.js";
import { CeremonyKind, type CeremonyValueInput } from "./ceremony.types.js";

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * A department commits to its ceremony value before the freeze (FORMAT.md §2.2): it sends only the
 * SHA-256 of the value, one commitment per department and draw.
 */
export async function commitCeremonyValue(em: EntityManager, drawId: number, department: string, sha256: string, actor: string) {
  const hex = (sha256 ?? "").toLowerCase();
  if (!SHA256.test(hex)) throw new AppError(ErrorCode.BAD_USER_INPUT, "承诺值应为 64 位十六进制 SHA-256 摘要", { field: "sha256" });
  return em.transactional(async (tx) => {
    const draw = await findDraw(tx, drawId);
    if (draw.status !== DrawStatus.CREATED)
      throw new AppError(ErrorCode.INVALID_STATE, `${drawLabel(draw)}已冻结名录（${draw.status}），承诺值须在冻结之前提交`, { drawId });
    const plan = await findPlan(tx, draw.planId);
    if (!plan.departments.includes(department))
      throw new AppError(ErrorCode.BAD_USER_INPUT, `部门「${department}」不是本计划的参与部门`, { field: "department" });
    if (await tx.count(CeremonyCommitment, { drawId, department }))
      throw new AppError(ErrorCode.DUPLICATE, `部门「${department}」已对${drawLabel(draw)}提交过承诺值，不能更改`, { field: "department" });
    const c = tx.create(CeremonyCommitment, { drawId, department, sha256: hex, committedBy: actor });
    await tx.flush();
    await appendSigned(tx, drawChain(drawId), "CEREMONY_VALUE_COMMITTED", actor, { department, sha256: hex }, { status: draw.status });
    return c;
  });
}

const bounded = (v: string | null | undefined, field: string, label: string, max: number) => {
  if (v != null && v.length > max) throw new AppError(ErrorCode.BAD_USER_INPUT, `${label}最多 ${max} 个字符`, { field });
  return v ?? null;
};

/** Structured input → engine values, refusing what the canonical text cannot carry. Nothing is trimmed. */
function toValues(input: CeremonyValueInput[]): CeremonyValue[] {
  return input.map((c, i) => {
    const at = `ceremony[${i}]`;
    if (!c.value || !c.value.trim())
      throw new AppError(ErrorCode.REQUIRED_FIELD, `第 ${i + 1} 个现场随机值不能为空`, { field: `${at}.value` });
    if (c.date) validateDate(c.date, `${at}.date`);
    if ((c.witnesses ?? []).some((w) => !w || !w.trim()))
      throw new AppError(ErrorCode.BAD_USER_INPUT, `第 ${i + 1} 个现场随机值的见证人不能为空白`, { field: `${at}.witnesses` });
    if ((c.witnesses ?? []).length > 20) throw new AppError(ErrorCode.BAD_USER_INPUT, "见证人最多 20 位", { field: `${at}.witnesses` });
    return {
      kind: c.kind,
      source: bounded(c.source, `${at}.source`, "来源", 100),
      issue: bounded(c.issue, `${at}.issue`, "期号", 100),
      date: c.date ?? null,
      value: bounded(c.value, `${at}.value`, "现场随机值", 200)!,
      witnesses: (c.witnesses ?? []).map((w) => bounded(w, `${at}.witnesses`, "见证人", 100)!),
    };
  });
}

/** Every commitment must be revealed, each by a DEPARTMENT_COMMITMENT value that hashes to it. */
function checkReveals(values: CeremonyValue[], commitments: CeremonyCommitment[]): void {
  const revealed = new Set<string>();
  for (const [i, v] of values.entries()) {
    if (v.kind !== CeremonyKind.DEPARTMENT_COMMITMENT) continue;
    const c = commitments.find((x) => x.department === v.source);
    if (!c)
      throw new AppError(ErrorCode.COMMITMENT_NOT_FOUND, `第 ${i + 1} 个值标为部门承诺值，但部门「${v.source ?? ""}」没有事先提交承诺`, {
        field: `ceremony[${i}].source`,
      });
    if (revealed.has(c.department))
      throw new AppError(ErrorCode.DUPLICATE, `部门「${c.department}」的承诺值只能揭示一次`, { field: `ceremony[${i}]` });
    if (commitmentOf(v.value) !== c.sha256) {
      throw new AppError(
        ErrorCode.COMMITMENT_MISMATCH,
        `部门「${c.department}」揭示的值与其事先承诺的摘要不符（值按原样计算 SHA-256，不去空格）`,
        {
          field: `ceremony[${i}].value`,
          department: c.department,
        },
      );
    }
    revealed.add(c.department);
  }
  const missing = commitments.filter((c) => !revealed.has(c.department)).map((c) => c.department);
  if (missing.length)
    throw new AppError(
      ErrorCode.COMMITMENT_NOT_REVEALED,
      `以下部门已提交承诺值但未在现场揭示：${missing.join("、")}；须全部揭示后才能确定种子`,
      {
        departments: missing,
      },
    );
}

/**
 * The ceremony value(s): entered once, after the freeze; the seed follows from them and the digests.
 * Structured values become canonical texts (FORMAT.md §2.1); plain values are used exactly as entered.
 */
export async function enterCeremonyValues(
  em: EntityManager,
  drawId: number,
  plain: string[] | null,
  structured: CeremonyValueInput[] | null,
  actor: string,
): Promise<Draw> {
  const draw = await findDraw(em, drawId);
  if (draw.status !== DrawStatus.FROZEN && draw.ceremonyValues) {
    throw new AppError(ErrorCode.INVALID_STATE, "现场随机值已经录入，不能再次录入", { drawId, field: "ceremony" });
  }
  expect(draw, DrawStatus.FROZEN, "录入现场随机值");
  if (!!plain?.length === !!structured?.length)
    throw new AppError(ErrorCode.BAD_USER_INPUT, "请在 ceremony（带来源的结构化值）与 values（纯文本）中择一填写", { field: "ceremony" });
  const commitments = await em.find(CeremonyCommitment, { drawId }, { orderBy: { id: "asc" } });
  let ceremony: CeremonyValue[] | null = null;
  let texts: string[];
  if (structured?.length) {
    ceremony = toValues(structured);
    checkReveals(ceremony, commitments);
    texts = ceremony.map(ceremonyText);
  } else {
    if (commitments.length)
      throw new AppError(ErrorCode.COMMITMENT_NOT_REVEALED, "本次摇号有部门承诺值，请用 ceremony 逐一揭示", { field: "values" });
    texts = plain!;
    if (texts.some((v) => !v || !v.trim())) throw new AppError(ErrorCode.REQUIRED_FIELD, "现场随机值不能为空", { field: "values" });
    if (texts.some((v) => v.length > 200))
      throw new AppError(ErrorCode.BAD_USER_INPUT, "每个现场随机值不超过 200 个字符", { field: "values" });
  }
  const d = draw.digests!;
  const seed = deriveSeed({
    candidatePoolDigest: d.candidates!,
    inspectorPoolDigest: d.inspectors!,
    expertPoolDigest: d.experts!,
    ceremonyValues: texts,
  });
  const plan = await findPlan(em, draw.planId);
  return em.transactional(async (tx) => {
    await advance(tx, draw, DrawStatus.FROZEN, { status: DrawStatus.SEEDED, seededAt: new Date(), ceremonyValues: texts, ceremony, seed });
    if (commitments.length) await tx.nativeUpdate(CeremonyCommitment, { drawId }, { revealedAt: draw.seededAt });
    await appendSigned(
      tx,
      drawChain(drawId),
      "CEREMONY_VALUES_ENTERED",
      actor,
      { ceremonyValues: texts, ceremony, seed },
      { status: draw.status, seed },
    );
    recordDrawChange(tx, DrawChangeKind.SEEDED, { planId: plan.id, drawId, departments: plan.departments, published: isPublicDraw(draw) });
    return draw;
  });
}
