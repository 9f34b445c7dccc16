/**
 * The signed-in user: a bearer token for the gateway (demo identity provider or OpenID Connect) and the
 * claims read from it. Kept in sessionStorage (gone when the tab closes), never in a cookie, so the API
 * stays a plain bearer-token API. The roles are the gateway's (docs/architecture.md).
 */
export type Role = "public" | "inspector" | "department_admin" | "county_coordinator" | "auditor";

export interface Session {
  token: string;
  sub: string;
  name: string;
  role: Role;
  department?: string;
  inspectorId?: string;
  /** Seconds since the epoch. */
  expiresAt: number;
}

const KEY = "ssj.session";
const listeners = new Set<() => void>();

function claimsOf(token: string): Record<string, unknown> {
  const part = token.split(".")[1] ?? "";
  const json = atob(part.replace(/-/g, "+").replace(/_/g, "/"));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
}

/** A session from a token (the claims are read for display only; the gateway verifies the token). */
export function sessionFromToken(token: string): Session {
  const c = claimsOf(token);
  return {
    token,
    sub: String(c.sub ?? ""),
    name: String(c.name ?? c.sub ?? ""),
    role: (c.role as Role) ?? "public",
    department: typeof c.department === "string" ? c.department : undefined,
    inspectorId: typeof c.inspectorId === "string" ? c.inspectorId : undefined,
    expiresAt: Number(c.exp ?? 0),
  };
}

export function currentSession(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  return raw ? (JSON.parse(raw) as Session) : null;
}

export function signIn(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
  listeners.forEach((l) => l());
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
  listeners.forEach((l) => l());
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const ROLE_NAMES: Record<Role, string> = {
  public: "公众",
  inspector: "执法检查人员",
  department_admin: "部门管理员",
  county_coordinator: "县区协调员",
  auditor: "纪检审计",
};
