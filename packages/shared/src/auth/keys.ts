import { createHash, generateKeyPairSync, type JsonWebKey } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { createLocalJWKSet, createRemoteJWKSet, importJWK, type SignJWT, type JSONWebKeySet, type JWK, type JWTVerifyGetKey } from "jose";

/**
 * Per-service asymmetric keys (docs/architecture.md, Trust). Each service holds only its own private
 * key set; others verify against its public key set. A set holds several keys told apart by `kid`, so a
 * key is rotated without restart: publish the new public key beside the old one, then sign with it.
 */
export type { JSONWebKeySet, JWK };

/** Where a public key set comes from: the set itself (may be changed in place), a file (re-read when it changes) or a JWKS URL. */
export type KeySetSource = JSONWebKeySet | { file: string } | { url: string };

/** Where a private key set comes from: its first key signs; the others are kept for their public halves. */
export type PrivateKeySource = JSONWebKeySet | { file: string };

export const SIGNING_ALGORITHMS = ["EdDSA", "ES256"];

const b64url = (b: Buffer) => b.toString("base64url");

/** RFC 7638 thumbprint, the key's `kid`: the same key always has the same id. */
export function thumbprint(jwk: JWK): string {
  const members = jwk.kty === "OKP" ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x } : { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y };
  return b64url(createHash("sha256").update(JSON.stringify(members)).digest());
}

/** A fresh Ed25519 key (private JWK with `kid`, `alg`, `use`). */
export function generateSigningKey(): JWK {
  const { privateKey } = generateKeyPairSync("ed25519");
  const jwk = privateKey.export({ format: "jwk" }) as JsonWebKey as JWK;
  return { ...jwk, kid: thumbprint(jwk), alg: "EdDSA", use: "sig" };
}

/** The public half of a key (drops every private member). */
export function publicJwk(jwk: JWK): JWK {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = jwk;
  return pub;
}

export const publicKeySet = (set: JSONWebKeySet): JSONWebKeySet => ({ keys: set.keys.map(publicJwk) });

/** Reads a key set file again only when its modification time changed. */
class FileKeySet {
  private mtime = -1;
  private set: JSONWebKeySet = { keys: [] };
  constructor(private readonly file: string) {}
  current(): JSONWebKeySet {
    const m = statSync(this.file).mtimeMs;
    if (m !== this.mtime) {
      const parsed = JSON.parse(readFileSync(this.file, "utf8")) as JSONWebKeySet | JWK;
      this.set = "keys" in parsed ? parsed : { keys: [parsed as JWK] };
      this.mtime = m;
    }
    return this.set;
  }
}

const isFile = (s: object): s is { file: string } => "file" in s;
const isUrl = (s: object): s is { url: string } => "url" in s;

/** The key set as it is now (for sources that are not remote). */
function localSet(source: JSONWebKeySet | { file: string }, files: Map<string, FileKeySet>): JSONWebKeySet {
  if (!isFile(source)) return source;
  let f = files.get(source.file);
  if (!f) files.set(source.file, (f = new FileKeySet(source.file)));
  return f.current();
}

const fileCache = new Map<string, FileKeySet>();

/** A jose key resolver over a public key set source; the set is read again as it changes (rotation without restart). */
export function keyResolver(source: KeySetSource): JWTVerifyGetKey {
  // a remote set is fetched again when a token names an unknown kid (at most every 10 s)
  if (isUrl(source)) return createRemoteJWKSet(new URL(source.url), { cooldownDuration: 10_000, cacheMaxAge: 300_000 });
  return (header, token) => createLocalJWKSet(publicKeySet(localSet(source, fileCache)))(header, token);
}

/** The key a service signs with now: the first of its private set. */
export async function currentSigningKey(
  source: PrivateKeySource,
): Promise<{ kid: string; alg: string; key: Parameters<SignJWT["sign"]>[0] }> {
  const jwk = localSet(source, fileCache).keys[0];
  if (!jwk?.d) throw new Error("the signing key set has no private key");
  const alg = jwk.alg ?? (jwk.kty === "OKP" ? "EdDSA" : "ES256");
  const kid = jwk.kid ?? thumbprint(jwk);
  return { kid, alg, key: (await importCached(jwk, alg)) as Parameters<SignJWT["sign"]>[0] };
}

const imported = new Map<string, Promise<unknown>>();
function importCached(jwk: JWK, alg: string): Promise<unknown> {
  const id = `${jwk.kid ?? thumbprint(jwk)}:${jwk.d}`;
  let k = imported.get(id);
  if (!k) imported.set(id, (k = importJWK(jwk, alg)));
  return k;
}

/** The public key set of a private source, as served at /.well-known/jwks.json. */
export function publicSetOf(source: PrivateKeySource): JSONWebKeySet {
  return publicKeySet(localSet(source, fileCache));
}

/**
 * A key set from configuration: an http(s) URL, inline JSON (a JWKS or one JWK), or a file path.
 */
export function keySourceFromConfig(value: string): KeySetSource {
  const v = value.trim();
  if (/^https?:\/\//.test(v)) return { url: v };
  if (v.startsWith("{")) {
    const parsed = JSON.parse(v) as JSONWebKeySet | JWK;
    return "keys" in parsed ? parsed : { keys: [parsed as JWK] };
  }
  return { file: v };
}

export function privateKeySourceFromConfig(value: string): PrivateKeySource {
  const s = keySourceFromConfig(value);
  if (isUrl(s)) throw new Error("a private key is read from a file or inline JSON, never from a URL");
  return s;
}
