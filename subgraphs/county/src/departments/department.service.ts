import type { EntityManager } from "@mikro-orm/core";
import { AppError, DEPARTMENT_CODE_PATTERN, ErrorCode, requireText, validateRegion } from "@ssj/shared";
import { Department, DepartmentKind, DepartmentLevel, DepartmentStatus } from "./department.entity.js";
import type { RegisterDepartmentInput, UpdateDepartmentInput } from "./department.input.js";
import { DepartmentChangeKind, recordDepartmentChange } from "../events/department-events.js";
import { registeredPublicKeys } from "./public-keys.js";

export function validateDepartmentCode(code: string): string {
  const v = (code ?? "").trim();
  if (!DEPARTMENT_CODE_PATTERN.test(v)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `部门编码「${v}」不合法：须以小写字母开头，只含小写字母、数字和连字符，2 到 32 位`, {
      field: "code",
    });
  }
  return v;
}

function validateUrl(url: string): string {
  const v = requireText(url, "url", "部门服务地址", 500);
  let parsed: URL;
  try {
    parsed = new URL(v);
  } catch {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `部门服务地址「${v}」不是有效的网址`, { field: "url" });
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new AppError(ErrorCode.BAD_USER_INPUT, "部门服务地址须以 http:// 或 https:// 开头", { field: "url" });
  }
  return v;
}

function validateEnum<T extends string>(value: T, allowed: Record<string, T>, field: string, label: string): T {
  if (!Object.values(allowed).includes(value)) throw new AppError(ErrorCode.BAD_USER_INPUT, `${label}取值无效：${value}`, { field });
  return value;
}

/** An active department, or UNKNOWN_DEPARTMENT. */
export async function activeDepartment(em: EntityManager, code: string, field = "code"): Promise<Department> {
  const d = await em.findOne(Department, { code, status: DepartmentStatus.ACTIVE });
  if (!d) throw new AppError(ErrorCode.UNKNOWN_DEPARTMENT, `未登记的部门：「${code}」`, { field, department: code });
  return d;
}

async function validateParent(em: EntityManager, parentCode: string | null | undefined, self: string): Promise<string | null> {
  if (!parentCode) return null;
  if (parentCode === self) throw new AppError(ErrorCode.BAD_USER_INPUT, "上级部门不能是本部门", { field: "parentCode" });
  const parent = await activeDepartment(em, parentCode, "parentCode");
  if (parent.level !== DepartmentLevel.CITY)
    throw new AppError(ErrorCode.BAD_USER_INPUT, `上级部门「${parent.name}」不是市级部门`, { field: "parentCode" });
  return parent.code;
}

export async function registerDepartment(em: EntityManager, input: RegisterDepartmentInput): Promise<Department> {
  const code = validateDepartmentCode(input.code);
  const fields = {
    name: requireText(input.name, "name", "部门名称", 100),
    kind: validateEnum(input.kind, DepartmentKind, "kind", "部门类型"),
    region: validateRegion(input.region),
    level: validateEnum(input.level, DepartmentLevel, "level", "部门层级"),
    url: validateUrl(input.url),
  };
  const publicKeys = await registeredPublicKeys(input.publicKeys, fields.url);
  return em.transactional(async (tx) => {
    const parentCode = await validateParent(tx, input.parentCode, code);
    const existing = await tx.findOne(Department, { code });
    if (existing?.status === DepartmentStatus.ACTIVE) {
      throw new AppError(ErrorCode.DUPLICATE, `部门编码「${code}」已登记为「${existing.name}」`, { field: "code" });
    }
    const now = new Date();
    if (existing) {
      tx.assign(existing, { ...fields, publicKeys, parentCode, status: DepartmentStatus.ACTIVE, deregisteredAt: null, updatedAt: now });
      recordDepartmentChange(tx, DepartmentChangeKind.REGISTERED, code);
      await tx.flush();
      return existing;
    }
    const d = tx.create(Department, { ...fields, publicKeys, code, parentCode, registeredAt: now, updatedAt: now });
    recordDepartmentChange(tx, DepartmentChangeKind.REGISTERED, code);
    await tx.flush();
    return d;
  });
}

export async function updateDepartment(em: EntityManager, code: string, input: UpdateDepartmentInput): Promise<Department> {
  return em.transactional(async (tx) => {
    const d = await activeDepartment(tx, code);
    const fields = {
      name: requireText(input.name ?? d.name, "name", "部门名称", 100),
      kind: validateEnum(input.kind ?? d.kind, DepartmentKind, "kind", "部门类型"),
      region: validateRegion(input.region ?? d.region),
      level: validateEnum(input.level ?? d.level, DepartmentLevel, "level", "部门层级"),
      url: validateUrl(input.url ?? d.url),
      parentCode: input.parentCode !== undefined ? await validateParent(tx, input.parentCode, d.code) : d.parentCode,
    };
    tx.assign(d, { ...fields, updatedAt: new Date() });
    recordDepartmentChange(tx, DepartmentChangeKind.UPDATED, d.code);
    await tx.flush();
    return d;
  });
}

export async function deregisterDepartment(em: EntityManager, code: string): Promise<Department> {
  return em.transactional(async (tx) => {
    const d = await activeDepartment(tx, code);
    const children = await tx.count(Department, { parentCode: code, status: DepartmentStatus.ACTIVE });
    if (children)
      throw new AppError(ErrorCode.INVALID_STATE, `「${d.name}」还有 ${children} 个下级部门，请先调整其上级部门`, { field: "code" });
    d.status = DepartmentStatus.DEREGISTERED;
    d.deregisteredAt = new Date();
    d.updatedAt = d.deregisteredAt;
    recordDepartmentChange(tx, DepartmentChangeKind.DEREGISTERED, d.code);
    await tx.flush();
    return d;
  });
}
