import { AppError, ErrorCode } from "../errors.js";

/** Roles of docs/rules.md, "Who may do what". */
export const Role = {
  PUBLIC: "public",
  INSPECTOR: "inspector",
  DEPARTMENT_ADMIN: "department_admin",
  /** Reviews (审定) and publishes its department's inspection reports, without the admin's other powers. */
  DEPARTMENT_REVIEWER: "department_reviewer",
  COUNTY_COORDINATOR: "county_coordinator",
  AUDITOR: "auditor",
  /** Another service of the platform (the county reading pools, the gateway reading the registry). */
  SERVICE: "service",
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Who is asking, as the gateway verified it and every subgraph receives it (signed). */
export interface Identity {
  sub: string;
  role: Role;
  name?: string;
  /** The department of a department admin, reviewer or inspector. */
  department?: string;
  /** The inspector's id in their department's directory. */
  inspectorId?: string;
  /** The county (region code) of a coordinator. */
  region?: string;
}

export const PUBLIC_IDENTITY: Identity = Object.freeze({ sub: "public", role: Role.PUBLIC });
export const ROLES = Object.values(Role);

const LABEL: Record<Role, string> = {
  public: "公众",
  inspector: "执法检查人员",
  department_admin: "部门管理员",
  department_reviewer: "部门审核人员",
  county_coordinator: "县级协调员",
  auditor: "审计监督人员",
  service: "平台服务",
};

export function forbidden(identity: Identity, what: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(
    ErrorCode.FORBIDDEN,
    `无权${what}（当前身份：${LABEL[identity.role]}${identity.department ? `，${identity.department}` : ""}）`,
    { role: identity.role, ...details },
  );
}

export function isStaffOf(identity: Identity, department: string): boolean {
  return (identity.role === Role.DEPARTMENT_ADMIN || identity.role === Role.INSPECTOR) && identity.department === department;
}

/** May read the non-public part of a department's books (risk classes, the directories, histories). */
export function canReadBooks(identity: Identity, department: string): boolean {
  return (
    identity.role === Role.COUNTY_COORDINATOR ||
    identity.role === Role.AUDITOR ||
    identity.role === Role.SERVICE ||
    isStaffOf(identity, department)
  );
}

export function assertCanReadBooks(identity: Identity, department: string): void {
  if (!canReadBooks(identity, department)) throw forbidden(identity, `查看部门「${department}」的名录`, { department });
}

/** Only the department's own admin changes its books. */
export function assertCanWriteBooks(identity: Identity, department: string): void {
  if (!(identity.role === Role.DEPARTMENT_ADMIN && identity.department === department))
    throw forbidden(identity, `修改部门「${department}」的数据`, { department });
}

export function assertRole(identity: Identity, roles: Role[], what: string): void {
  if (!roles.includes(identity.role)) throw forbidden(identity, what);
}

/**
 * A readable actor for logs and history rows: `department_admin:wang.fang@market 王芳` — the account,
 * then the person's name when the token carries one, so a log reads as who did it, not only as a role.
 */
export function actorOf(identity: Identity): string {
  const name = identity.name?.replace(/\s+/g, " ").trim();
  return `${identity.role}:${identity.sub}${identity.department ? `@${identity.department}` : ""}${name ? ` ${name}` : ""}`;
}

/** The account part of an actor (without the name), to tell whether two actions were one person's. */
export const accountOf = (actor: string) => actor.split(" ", 1)[0]!;

/** An actor string read back: the role's Chinese label and the person's name (else the account). */
export function describeActor(actor: string): { roleLabel: string; name: string } {
  const account = accountOf(actor);
  const role = account.split(":", 1)[0] as Role;
  return { roleLabel: LABEL[role] ?? role, name: actor.slice(account.length + 1) || account.slice(role.length + 1) };
}
