import { AppError, DEPARTMENT_CODE_PATTERN, ErrorCode, Role, ROLES, type Identity } from "@ssj/shared";

/**
 * The claims of a user's token, checked for form before they reach any subgraph: identities are
 * compared exactly downstream, but a department code of "%" or an inspector id of "1|2" must never
 * look like one (an attacker's identity provider, or a misconfigured one, is not trusted with syntax).
 */
const FORMATS: Record<"department" | "inspectorId" | "region" | "sub" | "name", { pattern: RegExp; label: string }> = {
  department: { pattern: DEPARTMENT_CODE_PATTERN, label: "所属部门编码" },
  inspectorId: { pattern: /^[1-9][0-9]{0,15}$/, label: "执法人员编号" },
  region: { pattern: /^[1-9][0-9]{5}([0-9]{3})?$/, label: "行政区划代码" },
  // the subject and the display name: printable text, no separators used in actor strings
  sub: { pattern: /^[^\p{Cc}\p{Cf}\s|@]{1,128}$/u, label: "用户标识" },
  name: { pattern: /^[^\p{Cc}\p{Cf}]{1,100}$/u, label: "姓名" },
};

const unauthenticated = (message: string) => new AppError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });

/** Turns verified claims into the platform's Identity, or refuses the token naming the bad claim. */
export function identityFromClaims(payload: Record<string, unknown>): Identity {
  const role = payload.role as Identity["role"];
  if (typeof payload.sub !== "string" || !ROLES.includes(role) || role === Role.SERVICE || role === Role.PUBLIC) {
    throw unauthenticated("登录令牌缺少有效的用户或角色");
  }
  const claim = (k: keyof typeof FORMATS): string | undefined => {
    const v = payload[k];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== "string" || !FORMATS[k].pattern.test(v)) throw unauthenticated(`登录令牌中的${FORMATS[k].label}格式不正确（${k}）`);
    return v;
  };
  const identity: Identity = {
    sub: claim("sub")!,
    role,
    name: claim("name"),
    department: claim("department"),
    inspectorId: claim("inspectorId"),
    region: claim("region"),
  };
  if ((role === Role.DEPARTMENT_ADMIN || role === Role.DEPARTMENT_REVIEWER || role === Role.INSPECTOR) && !identity.department)
    throw unauthenticated("部门人员的令牌须注明所属部门");
  if (role === Role.INSPECTOR && !identity.inspectorId) throw unauthenticated("执法人员的令牌须注明人员编号");
  return identity;
}
