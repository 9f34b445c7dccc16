import { UserManager, WebStorageStateStore } from "oidc-client-ts";
import type { Role } from "./session";

/** How users sign in here, as the gateway says at GET /auth/config. */
export interface AuthConfig {
  /** The demo identity provider of `npm start` (one click per demo user). */
  demo: boolean;
  /** Production: an OpenID Connect provider (authorization code + PKCE). */
  oidc?: { authority: string; clientId: string; scope: string };
}

export interface DemoUser {
  sub: string;
  name: string;
  role: Role;
  department?: string;
}

export async function authConfig(): Promise<AuthConfig> {
  const r = await fetch("/auth/config");
  if (!r.ok) throw new Error("无法读取登录方式（/auth/config）");
  return (await r.json()) as AuthConfig;
}

export async function demoUsers(): Promise<DemoUser[]> {
  const r = await fetch("/auth/demo/users");
  if (!r.ok) throw new Error("演示身份提供方未开启");
  return (await r.json()) as DemoUser[];
}

export async function demoToken(sub: string): Promise<string> {
  const r = await fetch("/auth/demo/token", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sub }),
  });
  const body = (await r.json()) as { token?: string; message?: string };
  if (!r.ok || !body.token) throw new Error(body.message ?? "登录失败");
  return body.token;
}

/** oidc-client-ts does the authorization code flow with PKCE; the ID token is the gateway's bearer token. */
export function userManager(oidc: NonNullable<AuthConfig["oidc"]>): UserManager {
  return new UserManager({
    authority: oidc.authority,
    client_id: oidc.clientId,
    redirect_uri: `${location.origin}/oidc/callback`,
    response_type: "code",
    scope: oidc.scope,
    userStore: new WebStorageStateStore({ store: sessionStorage }),
  });
}
