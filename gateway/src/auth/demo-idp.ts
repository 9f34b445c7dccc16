import express, { type Express } from "express";
import type { Identity } from "@ssj/shared";
import { DEMO_USERS, mintUserToken } from "./demo-users.js";

/** How the web signs users in; the web reads it at GET /auth/config. */
export interface WebAuthOptions {
  /**
   * The demo identity provider (`npm start`): lists the demo users and mints their tokens with the
   * gateway's own HS256 secret. Never on in production: anyone could sign in as anyone.
   */
  demo?: { secret: string; issuer: string; audience: string; users?: Identity[]; expiresIn?: string };
  /** OpenID Connect (authorization code + PKCE, done by the browser); the gateway verifies the ID token. */
  oidc?: { authority: string; clientId: string; scope?: string };
}

/** GET /auth/config, and with the demo provider GET /auth/demo/users and POST /auth/demo/token {sub}. */
export function mountWebAuth(app: Express, opts: WebAuthOptions): void {
  app.get("/auth/config", (_req, res) => {
    res.json({
      demo: !!opts.demo,
      oidc: opts.oidc
        ? { authority: opts.oidc.authority, clientId: opts.oidc.clientId, scope: opts.oidc.scope ?? "openid profile" }
        : undefined,
    });
  });
  const demo = opts.demo;
  if (!demo) return;
  const users = demo.users ?? DEMO_USERS;
  app.get("/auth/demo/users", (_req, res) => {
    res.json(users.map(({ sub, name, role, department }) => ({ sub, name, role, department })));
  });
  app.post("/auth/demo/token", express.json({ limit: "4kb" }), async (req, res) => {
    const sub = (req.body as { sub?: unknown } | undefined)?.sub;
    const user = users.find((u) => u.sub === sub);
    if (!user) return void res.status(404).json({ code: "UNKNOWN_DEMO_USER", message: "没有这个演示用户" });
    const token = await mintUserToken(user, {
      secret: demo.secret,
      issuer: demo.issuer,
      audience: demo.audience,
      expiresIn: demo.expiresIn ?? "8h",
    });
    res.json({ token });
  });
}
