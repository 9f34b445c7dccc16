import type { EntityManager } from "@mikro-orm/core";
import { AppError, ErrorCode, todayInChina, validateDate } from "@ssj/shared";
import { Matter, MatterStatus } from "./matter.entity.js";
import type { MatterInput, MatterRevisionInput } from "./matter.input.js";
import { validateMatterCode, validateMatterContent } from "./matter.rules.js";

async function latestVersion(em: EntityManager, code: string): Promise<Matter> {
  const m = await em.findOne(Matter, { code, latest: true });
  if (!m) throw new AppError(ErrorCode.NOT_FOUND, `未找到事项「${code}」`, { field: "code" });
  return m;
}

/** An end date, if given, is a real day after the start: a matter in force for no day at all is a typing error. */
function validateEndDate(effectiveTo: string | null | undefined, effectiveFrom: string): string | null {
  if (effectiveTo == null || effectiveTo === "") return null;
  const end = validateDate(effectiveTo, "effectiveTo");
  if (end <= effectiveFrom)
    throw new AppError(ErrorCode.BAD_USER_INPUT, `失效日期 ${end} 应晚于生效日期 ${effectiveFrom}`, { field: "effectiveTo" });
  return end;
}

export async function createMatter(em: EntityManager, input: MatterInput): Promise<Matter> {
  const code = validateMatterCode(input.code);
  const content = validateMatterContent(input);
  const effectiveFrom = validateDate(input.effectiveFrom ?? todayInChina(), "effectiveFrom");
  const effectiveTo = validateEndDate(input.effectiveTo, effectiveFrom);
  return em.transactional(async (tx) => {
    if (await tx.count(Matter, { code })) {
      throw new AppError(ErrorCode.DUPLICATE, `事项编码「${code}」已存在，修改请使用修订`, { field: "code" });
    }
    const matter = tx.create(Matter, {
      ...content,
      code,
      version: 1,
      status: MatterStatus.DRAFT,
      effectiveFrom,
      effectiveTo,
      latest: true,
    });
    await tx.flush();
    return matter;
  });
}

/**
 * An edit never changes a version in place: it writes version n+1 with the new content, effective
 * from the given day, and closes version n on that day. A published matter stays published.
 */
export async function reviseMatter(em: EntityManager, code: string, input: MatterRevisionInput): Promise<Matter> {
  return em.transactional(async (tx) => {
    const current = await latestVersion(tx, code);
    if (current.status === MatterStatus.WITHDRAWN) {
      throw new AppError(ErrorCode.INVALID_STATE, `事项「${code}」已撤回，不能修订`, { field: "code" });
    }
    const reason = (input.reason ?? "").trim();
    if (!reason) throw new AppError(ErrorCode.REQUIRED_FIELD, "修订原因不能为空", { field: "reason" });
    const effectiveFrom = validateDate(input.effectiveFrom ?? todayInChina(), "effectiveFrom");
    if (effectiveFrom < current.effectiveFrom) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `新版本生效日期不能早于当前版本的生效日期 ${current.effectiveFrom}`, {
        field: "effectiveFrom",
      });
    }
    const effectiveTo = validateEndDate(input.effectiveTo, effectiveFrom);
    const pick = <K extends keyof MatterRevisionInput & keyof Matter>(k: K) => (input[k] ?? current[k]) as Matter[K];
    const content = validateMatterContent({
      name: pick("name"),
      subItem: pick("subItem"),
      legalBasis: pick("legalBasis"),
      implementingBody: pick("implementingBody"),
      objectType: pick("objectType"),
      content: pick("content"),
      matterClass: pick("matterClass"),
      defaultRatio: pick("defaultRatio"),
      yearlyFrequency: pick("yearlyFrequency"),
      qualifications: pick("qualifications"),
      expertRequired: pick("expertRequired"),
      appliesTo: pick("appliesTo"),
      reportDeadlineWorkingDays: pick("reportDeadlineWorkingDays"),
      categoryLabel: pick("categoryLabel"),
    });
    current.latest = false;
    current.effectiveTo = effectiveFrom;
    const wasPublished = current.status === MatterStatus.PUBLISHED;
    current.status = MatterStatus.SUPERSEDED;
    const next = tx.create(Matter, {
      ...content,
      code,
      version: current.version + 1,
      status: wasPublished ? MatterStatus.PUBLISHED : MatterStatus.DRAFT,
      publishedAt: wasPublished ? new Date() : null,
      effectiveFrom,
      effectiveTo,
      latest: true,
      changeReason: reason,
    });
    await tx.flush();
    return next;
  });
}

export async function publishMatter(em: EntityManager, code: string): Promise<Matter> {
  return em.transactional(async (tx) => {
    const m = await latestVersion(tx, code);
    if (m.status === MatterStatus.PUBLISHED) throw new AppError(ErrorCode.INVALID_STATE, `事项「${code}」已经公布`, { field: "code" });
    if (m.status === MatterStatus.WITHDRAWN) {
      throw new AppError(ErrorCode.INVALID_STATE, `事项「${code}」已撤回；如需恢复，请以新编码新建事项`, { field: "code" });
    }
    m.status = MatterStatus.PUBLISHED;
    m.publishedAt = new Date();
    await tx.flush();
    return m;
  });
}

export async function withdrawMatter(em: EntityManager, code: string, reason: string): Promise<Matter> {
  return em.transactional(async (tx) => {
    const m = await latestVersion(tx, code);
    if (m.status !== MatterStatus.PUBLISHED)
      throw new AppError(ErrorCode.INVALID_STATE, `事项「${code}」未公布，无需撤回`, { field: "code" });
    const why = (reason ?? "").trim();
    if (!why) throw new AppError(ErrorCode.REQUIRED_FIELD, "撤回原因不能为空", { field: "reason" });
    m.status = MatterStatus.WITHDRAWN;
    m.effectiveTo = todayInChina();
    m.changeReason = why;
    await tx.flush();
    return m;
  });
}

/**
 * Deletes a matter that was never published (every version a draft): a draft with a wrong code or
 * content would otherwise stay in the list forever. Anything once published stays, as published
 * lists are part of the public record; withdraw it instead.
 */
export async function deleteDraftMatter(em: EntityManager, code: string): Promise<boolean> {
  return em.transactional(async (tx) => {
    const versions = await tx.find(Matter, { code });
    if (!versions.length) throw new AppError(ErrorCode.NOT_FOUND, `未找到事项「${code}」`, { field: "code" });
    if (versions.some((v) => v.publishedAt != null || v.status === MatterStatus.PUBLISHED || v.status === MatterStatus.WITHDRAWN)) {
      throw new AppError(ErrorCode.INVALID_STATE, `事项「${code}」已公布过，不能删除；如不再适用，请撤回`, { field: "code" });
    }
    for (const v of versions) tx.remove(v);
    await tx.flush();
    return true;
  });
}
