import { type EntityManager, type FilterQuery } from "@mikro-orm/core";
import { AppError, containsText, ErrorCode, validateUscc, type SubjectRecordInput } from "@ssj/shared";
import { KeySectorEnum, RecordChangeAction, RiskClassEnum } from "./enums.js";
import { SupervisionRecordChange } from "./record-change.entity.js";
import type { SubjectFilter, SubjectUpdateInput } from "./record.input.js";
import { listKey, SupervisionRecord } from "./supervision-record.entity.js";
import { validateSubjectRecord } from "./subject.rules.js";

/** The columns of a record, from validated input. */
export function recordColumns(input: SubjectRecordInput) {
  return {
    uscc: input.uscc,
    name: input.name,
    category: input.category,
    address: input.address,
    legalRepresentative: input.legalRepresentative,
    region: input.region,
    supervisionTypes: input.supervisionTypes,
    supervisionTypesKey: listKey(input.supervisionTypes),
    riskClass: input.riskClass as RiskClassEnum,
    abnormalList: input.abnormalList,
    dishonest: input.dishonest,
    seriousViolation: input.seriousViolation,
    keySectors: input.keySectors as KeySectorEnum[],
    keySectorsKey: listKey(input.keySectors),
  };
}

/**
 * The history snapshot of a record: its fields in RECORD_FIELDS order, then `removedAt`, as
 * `JSON.stringify` of that object would write it. Built by concatenating each value's own
 * `JSON.stringify` (three times faster than stringifying an object literal; an import writes one per
 * row, docs/performance.md). An importer that already has the lists' JSON text (their columns) passes
 * it. The tests beside it hold the text byte-identical to `JSON.stringify` of the object.
 */
export function snapshotOf(
  r: SubjectRecordInput & { removedAt: Date | null },
  supervisionTypesJson = JSON.stringify(r.supervisionTypes),
  keySectorsJson = JSON.stringify(r.keySectors),
): string {
  const q = JSON.stringify;
  return (
    `{"uscc":${q(r.uscc)},"name":${q(r.name)},"category":${q(r.category)},"address":${q(r.address)},` +
    `"legalRepresentative":${q(r.legalRepresentative)},"region":${q(r.region)},"supervisionTypes":${supervisionTypesJson},` +
    `"riskClass":${q(r.riskClass)},"abnormalList":${q(r.abnormalList)},"dishonest":${q(r.dishonest)},` +
    `"seriousViolation":${q(r.seriousViolation)},"keySectors":${keySectorsJson},"removedAt":${q(r.removedAt)}}`
  );
}

function inputOf(r: SupervisionRecord): SubjectRecordInput {
  return {
    uscc: r.uscc,
    name: r.name,
    category: r.category,
    address: r.address,
    legalRepresentative: r.legalRepresentative,
    region: r.region,
    supervisionTypes: r.supervisionTypes,
    riskClass: r.riskClass,
    abnormalList: r.abnormalList,
    dishonest: r.dishonest,
    seriousViolation: r.seriousViolation,
    keySectors: r.keySectors,
  };
}

function logChange(em: EntityManager, record: SupervisionRecord, action: RecordChangeAction, actor: string, reason: string | null = null) {
  em.create(SupervisionRecordChange, { recordId: record.id, action, snapshot: snapshotOf(record), actor, reason, at: new Date() });
}

async function findRecord(em: EntityManager, uscc: string): Promise<SupervisionRecord> {
  const code = validateUscc(uscc);
  const r = await em.findOne(SupervisionRecord, { uscc: code });
  if (!r) throw new AppError(ErrorCode.NOT_FOUND, `本部门名录中没有统一社会信用代码为 ${code} 的市场主体`, { field: "uscc" });
  return r;
}

/** Adds a subject to the directory; a subject removed earlier is restored with the new data. */
export async function addRecord(em: EntityManager, raw: unknown, actor: string): Promise<SupervisionRecord> {
  const input = validateSubjectRecord(raw as never);
  return em.transactional(async (tx) => {
    const existing = await tx.findOne(SupervisionRecord, { uscc: input.uscc });
    if (existing && !existing.removedAt) {
      throw new AppError(ErrorCode.DUPLICATE, `统一社会信用代码 ${input.uscc} 已在本部门名录中`, { field: "uscc" });
    }
    if (existing) {
      tx.assign(existing, { ...recordColumns(input), removedAt: null, updatedAt: new Date() });
      await tx.flush();
      logChange(tx, existing, RecordChangeAction.RESTORED, actor);
      await tx.flush();
      return existing;
    }
    const record = tx.create(SupervisionRecord, recordColumns(input));
    await tx.flush();
    logChange(tx, record, RecordChangeAction.CREATED, actor);
    await tx.flush();
    return record;
  });
}

export async function updateRecord(
  em: EntityManager,
  uscc: string,
  changes: SubjectUpdateInput,
  actor: string,
  reason: string | null,
): Promise<SupervisionRecord> {
  return em.transactional(async (tx) => {
    const record = await findRecord(tx, uscc);
    if (record.removedAt)
      throw new AppError(ErrorCode.INVALID_STATE, `${record.name}（${record.uscc}）已移出名录，不能修改`, { field: "uscc" });
    const merged: Record<string, unknown> = { ...inputOf(record) };
    for (const [k, v] of Object.entries(changes)) if (v !== undefined && v !== null) merged[k] = v;
    const input = validateSubjectRecord(merged as never);
    tx.assign(record, { ...recordColumns(input), updatedAt: new Date() });
    logChange(tx, record, RecordChangeAction.UPDATED, actor, reason);
    await tx.flush();
    return record;
  });
}

export async function removeRecord(em: EntityManager, uscc: string, reason: string, actor: string): Promise<SupervisionRecord> {
  const why = (reason ?? "").trim();
  if (!why) throw new AppError(ErrorCode.REQUIRED_FIELD, "移出名录的原因不能为空", { field: "reason" });
  return em.transactional(async (tx) => {
    const record = await findRecord(tx, uscc);
    if (record.removedAt) throw new AppError(ErrorCode.INVALID_STATE, `${record.name}（${record.uscc}）已移出名录`, { field: "uscc" });
    record.removedAt = new Date();
    record.updatedAt = record.removedAt;
    logChange(tx, record, RecordChangeAction.REMOVED, actor, why);
    await tx.flush();
    return record;
  });
}

/** List filters match `|value|` with LIKE; wildcard characters in the value would widen the match. */
function listValue(value: string, field: string): string {
  if (/[%_|\\]/.test(value)) throw new AppError(ErrorCode.BAD_USER_INPUT, "筛选值不能包含 % _ | \\ 字符", { field });
  return value;
}

export function recordFilter(f: SubjectFilter | null | undefined): FilterQuery<SupervisionRecord> {
  const where: Record<string, unknown>[] = [];
  if (!f?.includeRemoved) where.push({ removedAt: null });
  if (f?.name != null) where.push(containsText("name", f.name, "name", "名称筛选"));
  if (f?.region) {
    if (!/^\d{1,12}$/.test(f.region)) throw new AppError(ErrorCode.INVALID_REGION, "行政区划代码应为数字", { field: "region" });
    where.push({ region: { $like: `${f.region}%` } });
  }
  if (f?.category) where.push({ category: f.category });
  if (f?.supervisionType) where.push({ supervisionTypesKey: { $like: `%|${listValue(f.supervisionType, "supervisionType")}|%` } });
  if (f?.riskClasses?.length) where.push({ riskClass: { $in: f.riskClasses } });
  if (f?.abnormalList != null) where.push({ abnormalList: f.abnormalList });
  if (f?.dishonest != null) where.push({ dishonest: f.dishonest });
  if (f?.seriousViolation != null) where.push({ seriousViolation: f.seriousViolation });
  if (f?.keySector) where.push({ keySectorsKey: { $like: `%|${f.keySector}|%` } });
  return (where.length ? { $and: where } : {}) as FilterQuery<SupervisionRecord>;
}
