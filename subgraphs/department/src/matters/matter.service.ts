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

export async function createMatter(em: EntityManager, input: MatterInput): Promise<Matter> {
  const code = validateMatterCode(input.code);
  const content = validateMatterContent(input);
  const effectiveFrom = validateDate(input.effectiveFrom ?? todayInChina(), "effectiveFrom");
  return em.transactional(async (tx) => {
    if (await tx.count(Matter, { code })) {
      throw new AppError(ErrorCode.DUPLICATE, `事项编码「${code}」已存在，修改请使用修订`, { field: "code" });
    }
    const matter = tx.create(Matter, { ...content, code, version: 1, status: MatterStatus.DRAFT, effectiveFrom, latest: true });
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
