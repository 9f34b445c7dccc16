import type { EntityManager } from "@mikro-orm/core";
import { AppError, ErrorCode, requireText, toCategoryCodes, validateUscc } from "@ssj/shared";
import { Inspector, InspectorConflict, InspectorStatus, InspectorStatusChange } from "./inspector.entity.js";
import type { InspectorInput, InspectorUpdateInput } from "./inspector.input.js";
import { validateCertificateNo, validatePerson } from "./people.rules.js";

async function findInspector(em: EntityManager, id: number): Promise<Inspector> {
  const i = await em.findOne(Inspector, { id });
  if (!i) throw new AppError(ErrorCode.NOT_FOUND, `未找到编号为 ${id} 的检查人员`, { field: "id" });
  return i;
}

async function assertCertificateFree(em: EntityManager, certificateNo: string, exceptId?: number) {
  const holder = await em.findOne(Inspector, { certificateNo });
  if (holder && holder.id !== exceptId) {
    throw new AppError(ErrorCode.DUPLICATE, `执法证号 ${certificateNo} 已登记给 ${holder.name}`, { field: "certificateNo" });
  }
}

/** 执法类别: shared codes or exact names (UNKNOWN_CATEGORY otherwise), stored as codes; at least one. */
function validateCategories(values: string[] | null | undefined): string[] {
  const codes = toCategoryCodes(values ?? [], "categories");
  if (!codes.length) throw new AppError(ErrorCode.REQUIRED_FIELD, "执法类别至少填写一项", { field: "categories" });
  return codes;
}

export async function addInspector(em: EntityManager, input: InspectorInput, actor: string): Promise<Inspector> {
  const person = validatePerson(input, false);
  const certificateNo = validateCertificateNo(input.certificateNo);
  const categories = validateCategories(input.categories);
  return em.transactional(async (tx) => {
    await assertCertificateFree(tx, certificateNo);
    const inspector = tx.create(Inspector, { ...person, certificateNo, categories, status: InspectorStatus.ACTIVE });
    await tx.flush();
    tx.create(InspectorStatusChange, {
      inspectorId: inspector.id,
      fromStatus: null,
      toStatus: InspectorStatus.ACTIVE,
      reason: "入库",
      actor,
    });
    await tx.flush();
    return inspector;
  });
}

export async function updateInspector(em: EntityManager, id: number, changes: InspectorUpdateInput): Promise<Inspector> {
  return em.transactional(async (tx) => {
    const inspector = await findInspector(tx, id);
    const person = validatePerson(
      {
        name: changes.name ?? inspector.name,
        region: changes.region ?? inspector.region,
        expertise: changes.expertise ?? inspector.expertise,
        phone: changes.phone !== undefined ? changes.phone : inspector.phone,
      },
      false,
    );
    const certificateNo = validateCertificateNo(changes.certificateNo ?? inspector.certificateNo);
    const categories = validateCategories(changes.categories ?? inspector.categories);
    await assertCertificateFree(tx, certificateNo, inspector.id);
    tx.assign(inspector, { ...person, certificateNo, categories, updatedAt: new Date() });
    await tx.flush();
    return inspector;
  });
}

/**
 * Status changes are the 人员库's history: a suspended inspector may be reinstated; a transfer is
 * final for this department (the inspector joins another directory), but past visits keep them.
 */
export async function changeInspectorStatus(
  em: EntityManager,
  id: number,
  status: InspectorStatus,
  reason: string,
  transferredTo: string | null,
  actor: string,
): Promise<Inspector> {
  const why = requireText(reason, "reason", "状态变更原因", 500);
  return em.transactional(async (tx) => {
    const inspector = await findInspector(tx, id);
    if (inspector.status === status)
      throw new AppError(ErrorCode.INVALID_STATE, `${inspector.name} 的状态已经是 ${status}`, { field: "status" });
    if (inspector.status === InspectorStatus.TRANSFERRED) {
      throw new AppError(ErrorCode.INVALID_STATE, `${inspector.name} 已调离本部门，状态不能再变更；如调回请重新入库`, { field: "status" });
    }
    const target = status === InspectorStatus.TRANSFERRED ? requireText(transferredTo, "transferredTo", "调往单位", 200) : null;
    tx.create(InspectorStatusChange, {
      inspectorId: inspector.id,
      fromStatus: inspector.status,
      toStatus: status,
      reason: why,
      transferredTo: target,
      actor,
    });
    inspector.status = status;
    inspector.updatedAt = new Date();
    await tx.flush();
    return inspector;
  });
}

export async function declareConflict(em: EntityManager, inspectorId: number, uscc: string, reason: string): Promise<InspectorConflict> {
  const code = validateUscc(uscc);
  const why = requireText(reason, "reason", "回避原因", 500);
  return em.transactional(async (tx) => {
    await findInspector(tx, inspectorId);
    if (await tx.count(InspectorConflict, { inspectorId, uscc: code, withdrawnAt: null })) {
      throw new AppError(ErrorCode.DUPLICATE, `该检查人员已申报对 ${code} 的回避`, { field: "uscc" });
    }
    const conflict = tx.create(InspectorConflict, { inspectorId, uscc: code, reason: why });
    await tx.flush();
    return conflict;
  });
}

export async function withdrawConflict(em: EntityManager, conflictId: number): Promise<InspectorConflict> {
  return em.transactional(async (tx) => {
    const c = await tx.findOne(InspectorConflict, { id: conflictId });
    if (!c) throw new AppError(ErrorCode.NOT_FOUND, `未找到编号为 ${conflictId} 的回避申报`, { field: "id" });
    if (c.withdrawnAt) throw new AppError(ErrorCode.INVALID_STATE, "该回避申报已撤销", { field: "id" });
    c.withdrawnAt = new Date();
    await tx.flush();
    return c;
  });
}
