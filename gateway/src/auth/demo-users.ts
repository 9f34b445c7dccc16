import { SignJWT } from "jose";
import type { Identity } from "@ssj/shared";

/** Mints a user token as the demo identity provider would (HS256 with the gateway's JWT secret). */
export async function mintUserToken(
  identity: Omit<Identity, "role"> & { role: Identity["role"] },
  opts: { secret: string; issuer: string; audience: string; expiresIn?: string },
): Promise<string> {
  const { sub, ...claims } = identity;
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(sub)
    .setIssuer(opts.issuer)
    .setAudience(opts.audience)
    .setIssuedAt()
    .setExpirationTime(opts.expiresIn ?? "12h")
    .sign(new TextEncoder().encode(opts.secret));
}

export const DEFAULT_ISSUER = "ssj-demo-idp";
export const DEFAULT_AUDIENCE = "ssj-gateway";

/** The demo users of `npm start`: one per role (and per department for department admins). */
export const DEMO_USERS: Identity[] = [
  { sub: "zhao.coordinator", name: "赵协调", role: "county_coordinator", region: "512000" },
  { sub: "qian.auditor", name: "钱审计", role: "auditor" },
  { sub: "wang.market", name: "王管理", role: "department_admin", department: "market" },
  { sub: "sun.ecology", name: "孙管理", role: "department_admin", department: "ecology" },
  { sub: "li.emergency", name: "李管理", role: "department_admin", department: "emergency" },
  { sub: "zhou.health", name: "周管理", role: "department_admin", department: "health" },
  { sub: "wu.agriculture", name: "吴管理", role: "department_admin", department: "agriculture" },
  { sub: "inspector.market.1", name: "市场监管局 1 号检查员", role: "inspector", department: "market", inspectorId: "1" },
];
