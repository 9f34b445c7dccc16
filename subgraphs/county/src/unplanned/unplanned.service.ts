import type { EntityManager } from "@mikro-orm/core";
import { AppError, ErrorCode, forbidden, requireText, Role, validateUscc } from "@ssj/shared";
import { Department, DepartmentStatus } from "../departments/department.entity.js";
import type { DepartmentClient } from "../departments/department-client.js";
import { VisitChangeKind } from "../events/draw-change.type.js";
import { appendVisitStep } from "../inspections/visit-chain.js";
import type { Caller } from "../inspections/visit-life.service.js";
import { Visit, VisitStatus } from "../visits/visit.entity.js";
import { LAWFUL_REASONS, UnplannedInspection, type UnplannedReason } from "./unplanned.entity.js";

export interface UnplannedInput {
  uscc: string;
  department: string;
  matterIds: string[];
  inspectorIds: string[];
  legalBasis: string;
  reason: UnplannedReason;
  referenceNumber?: string | null;
}

interface Looked {
  [alias: string]: { id?: string; code?: string; status?: string; name?: string } | null;
}

/**
 * Looks the matters and inspectors up in the department's own books, in one call, and the subject's name there
 * (kept on the visit as its name snapshot, like a drawn visit's; null if the directory does not hold it).
 */
async function lookUp(client: DepartmentClient, d: Department, uscc: string, matters: string[], inspectors: string[]): Promise<Looked> {
  const vars: Record<string, unknown> = { d: d.code, u: uscc };
  const decl = ["$d: String!", "$u: String!"];
  const fields: string[] = ["s: supervisionRecord(department: $d, uscc: $u) { name }"];
  matters.forEach((id, n) => {
    vars[`m${n}`] = id;
    decl.push(`$m${n}: ID!`);
    fields.push(`m${n}: matter(department: $d, id: $m${n}) { id code status }`);
  });
  inspectors.forEach((id, n) => {
    vars[`i${n}`] = id;
    decl.push(`$i${n}: ID!`);
    fields.push(`i${n}: inspector(department: $d, id: $i${n}) { id status }`);
  });
  return client.graphql<Looked>(d, `query UnplannedCheck(${decl.join(", ")}) { ${fields.join(" ")} }`, vars);
}

/**
 * 计划外检查 (docs/handling.md): a visit outside any draw, with the same findings, evidence and report life.
 * The matters must be published matters of the department and the inspectors active members of its
 * directory (read from its own instance); the caller is one of those inspectors or the department's admin.
 */
export async function recordUnplanned(em: EntityManager, client: DepartmentClient, caller: Caller, input: UnplannedInput): Promise<Visit> {
  const i = caller.identity;
  if (!((i.role === Role.INSPECTOR || i.role === Role.DEPARTMENT_ADMIN) && i.department === input.department))
    throw forbidden(i, "登记本部门的计划外检查", { department: input.department });
  const uscc = validateUscc(input.uscc);
  const legalBasis = requireText(input.legalBasis, "legalBasis", "法律依据", 1000);
  const referenceNumber = input.referenceNumber?.trim() ? requireText(input.referenceNumber, "referenceNumber", "编号", 100) : null;
  const matterIds = [...new Set(input.matterIds)];
  const inspectorIds = [...new Set(input.inspectorIds)];
  if (!matterIds.length) throw new AppError(ErrorCode.REQUIRED_FIELD, "请至少选择一个检查事项", { field: "matterIds" });
  if (inspectorIds.length < 2) throw new AppError(ErrorCode.TOO_FEW_INSPECTORS, "检查须有至少 2 名执法人员", { field: "inspectorIds" });
  if (i.role === Role.INSPECTOR && !inspectorIds.includes(String(i.inspectorId)))
    throw forbidden(i, "登记本人未参加的计划外检查", { department: input.department });
  const department = await em.findOne(Department, { code: input.department, status: DepartmentStatus.ACTIVE });
  if (!department)
    throw new AppError(ErrorCode.UNKNOWN_DEPARTMENT, `部门「${input.department}」未在本县登记或已注销`, { department: input.department });
  const found = await lookUp(client, department, uscc, matterIds, inspectorIds);
  const codes = matterIds.map((id, n) => {
    const m = found[`m${n}`];
    if (!m || m.status !== "PUBLISHED")
      throw new AppError(ErrorCode.NOT_FOUND, `事项 ${id} 不是「${department.name}」已公布的抽查事项`, { field: "matterIds", value: id });
    return `${department.code}:${m.code}`;
  });
  inspectorIds.forEach((id, n) => {
    const p = found[`i${n}`];
    if (!p || p.status !== "ACTIVE")
      throw new AppError(ErrorCode.NOT_FOUND, `执法人员 ${id} 不是「${department.name}」在岗的执法检查人员`, {
        field: "inspectorIds",
        value: id,
      });
  });
  const flagged = !(LAWFUL_REASONS.includes(input.reason) && referenceNumber !== null);
  const people = inspectorIds.map((id) => `${department.code}:${id}`);
  return em.transactional(async (tx) => {
    const visit = tx.create(Visit, {
      drawId: null,
      planId: null,
      uscc,
      subjectName: found.s?.name ?? null,
      stratum: "",
      ticket: "",
      rank: 0,
      matters: matterIds.map((id) => `${department.code}:${id}`),
      matterCodes: codes,
      inspectors: { [department.code]: people },
      inspectorsKey: `|${people.join("|")}|`,
      departmentsKey: `|${department.code}|`,
      experts: [],
      status: VisitStatus.SCHEDULED,
    });
    await tx.flush();
    tx.create(UnplannedInspection, {
      visitId: visit.id,
      department: department.code,
      legalBasis,
      reason: input.reason,
      referenceNumber,
      flagged,
      recordedBy: caller.actor,
    });
    await appendVisitStep(tx, visit, VisitChangeKind.CREATED, caller.actor, {
      unplanned: true,
      legalBasis,
      reason: input.reason,
      referenceNumber,
      flagged,
    });
    return visit;
  });
}
