import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, mintUserToken } from "@ssj/gateway";
import { generateSigningKey, publicKeySet, type Identity, type JSONWebKeySet } from "@ssj/shared";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The secrets of a local federation: users' token key (the demo identity provider), the scrape token
 * of /metrics, and the folder of the services' key sets (one private set per service, see `serviceKeys`).
 */
export interface Secrets {
  jwtSecret: string;
  metricsToken: string;
  keysDir: string;
}

/**
 * `JWT_SECRET` / `METRICS_TOKEN` from the environment, else `<dataDir>/.secrets.json`, created with
 * random values on first start (mode 600), so `npm start` needs no configuration and no shared default.
 */
export function loadSecrets(dataDir: string, create = true): Secrets {
  const file = join(dataDir, ".secrets.json");
  const stored: Partial<Secrets> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const keysDir = join(dataDir, "keys");
  const secrets = {
    jwtSecret: process.env.JWT_SECRET || stored.jwtSecret || "",
    metricsToken: process.env.METRICS_TOKEN || stored.metricsToken || "",
    keysDir,
  };
  if (secrets.jwtSecret && secrets.metricsToken) return secrets;
  if (!create)
    throw new Error(`no secrets: start the federation first (npm start) or set JWT_SECRET and METRICS_TOKEN (looked in ${file})`);
  const fresh = {
    jwtSecret: secrets.jwtSecret || randomBytes(32).toString("hex"),
    metricsToken: secrets.metricsToken || randomBytes(24).toString("hex"),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600 });
  return { ...fresh, keysDir };
}

/** A service's key files: its private set (`<service>.key.json`, mode 600) and the public set others trust (`<service>.jwks.json`). */
export function serviceKeys(secrets: Secrets, service: string): { privateFile: string; publicFile: string } {
  return { privateFile: join(secrets.keysDir, `${service}.key.json`), publicFile: join(secrets.keysDir, `${service}.jwks.json`) };
}

const writeAtomically = (file: string, value: unknown, mode: number) => {
  writeFileSync(`${file}.tmp`, JSON.stringify(value, null, 2), { mode });
  renameSync(`${file}.tmp`, file);
};

/** Creates a service's Ed25519 key set on first start (the demo's "generate keys on first start"). */
export function ensureServiceKeys(secrets: Secrets, service: string): { privateFile: string; publicFile: string } {
  const files = serviceKeys(secrets, service);
  if (existsSync(files.privateFile)) return files;
  mkdirSync(secrets.keysDir, { recursive: true, mode: 0o700 });
  const set: JSONWebKeySet = { keys: [generateSigningKey()] };
  writeAtomically(files.publicFile, publicKeySet(set), 0o644);
  writeAtomically(files.privateFile, set, 0o600);
  return files;
}

/**
 * Rotates a service's key without restarting anything: the new public key is published first (beside
 * the old one, which still verifies tokens in flight), then the service signs with the new key. The
 * services re-read both files when they change. Keeps the newest `keep` keys.
 */
export function rotateServiceKey(secrets: Secrets, service: string, keep = 2): string {
  const files = ensureServiceKeys(secrets, service);
  const current = JSON.parse(readFileSync(files.privateFile, "utf8")) as JSONWebKeySet;
  const fresh = generateSigningKey();
  const next: JSONWebKeySet = { keys: [fresh, ...current.keys].slice(0, keep) };
  writeAtomically(files.publicFile, publicKeySet(next), 0o644);
  writeAtomically(files.privateFile, next, 0o600);
  return fresh.kid!;
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
