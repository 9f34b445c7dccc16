import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, mintUserToken } from "@ssj/gateway";
import type { Identity } from "@ssj/shared";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/** The secrets of a local federation: users' token key (the demo identity provider) and the internal key. */
export interface Secrets {
  jwtSecret: string;
  internalSecret: string;
}

/**
 * `JWT_SECRET` / `INTERNAL_SECRET` from the environment, else `<dataDir>/.secrets.json`, created with
 * random values on first start (mode 600), so `npm start` needs no configuration and no shared default.
 */
export function loadSecrets(dataDir: string, create = true): Secrets {
  const file = join(dataDir, ".secrets.json");
  const stored: Partial<Secrets> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const secrets = {
    jwtSecret: process.env.JWT_SECRET || stored.jwtSecret || "",
    internalSecret: process.env.INTERNAL_SECRET || stored.internalSecret || "",
  };
  if (secrets.jwtSecret && secrets.internalSecret) return secrets;
  if (!create)
    throw new Error(`no secrets: start the federation first (npm start) or set JWT_SECRET and INTERNAL_SECRET (looked in ${file})`);
  const fresh = {
    jwtSecret: secrets.jwtSecret || randomBytes(32).toString("hex"),
    internalSecret: secrets.internalSecret || randomBytes(32).toString("hex"),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600 });
  return fresh;
}

/** A user token for the demo identity provider (issuer ssj-demo-idp, audience ssj-gateway). */
export function mint(secrets: Secrets, identity: Identity, expiresIn = "12h"): Promise<string> {
  return mintUserToken(identity, { secret: secrets.jwtSecret, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE, expiresIn });
}

export async function bearer(secrets: Secrets, identity: Identity): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await mint(secrets, identity)}` };
}

/** The demo users `npm run token -- --demo` lists (the gateway's demo identity provider offers the same). */
export { DEMO_USERS } from "@ssj/gateway";
