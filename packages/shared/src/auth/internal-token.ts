import { createHash } from "node:crypto";
import { decodeJwt, jwtVerify, SignJWT } from "jose";
import { AppError, ErrorCode } from "../errors.js";
import { Role, ROLES, type Identity } from "./identity.js";
import { currentSigningKey, keyResolver, SIGNING_ALGORITHMS, type KeySetSource, type PrivateKeySource } from "./keys.js";

/**
 * Trust between services (docs/architecture.md, Trust): the gateway (or the county, calling a
 * department) sends the caller's identity as a short-lived token, `x-ssj-identity`, signed with its own
 * private key (Ed25519 or ES256) and bound to the request's query text. Each service verifies it against
 * the public keys it trusts *for that purpose*: the gateway's for users, the county's for the county's
 * own service calls, nobody else's. A subgraph answers nothing — `_entities` and `_service` included —
 * without a valid one.
 */
export const IDENTITY_HEADER = "x-ssj-identity";
const AUDIENCE = "ssj-internal";
const TTL_SECONDS = 120;
/** Clocks of two machines differ a little; an identity token lives 120 s. */
const CLOCK_TOLERANCE_SECONDS = 30;

/** Who signs: the service's name (the token's `iss`) and its private key set. */
export interface Signer {
  issuer: string;
  keys: PrivateKeySource;
}

/**
 * What a service believes of whom: `users` — any identity (the gateway, which verified the user's
 * token); `service` — only a platform service's own identity (the county's calls to departments).
 */
export type TrustPurpose = "users" | "service";
export type TrustedIssuers = Record<string, { keys: KeySetSource; purpose: TrustPurpose }>;

export const queryHash = (query: string) => createHash("sha256").update(query, "utf8").digest("base64url");

export async function signIdentity(identity: Identity, signer: Signer, query = ""): Promise<string> {
  const { kid, alg, key } = await currentSigningKey(signer.keys);
  return new SignJWT({ ...identity, qh: queryHash(query) })
    .setProtectedHeader({ alg, kid })
    .setIssuer(signer.issuer)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${TTL_SECONDS}s`)
    .sign(key);
}

const refused = (message: string) => new AppError(ErrorCode.UNAUTHENTICATED, message);

/** Verifies an identity token; `query` (when given) must be the text it was signed for. */
export async function verifyIdentity(token: string | undefined, trusted: TrustedIssuers, query?: string): Promise<Identity> {
  if (!token) throw refused("请求未携带平台签发的身份凭证，拒绝访问");
  let issuer: string | undefined;
  try {
    issuer = decodeJwt(token).iss;
  } catch {
    throw refused("身份凭证格式错误，拒绝访问");
  }
  const trust = issuer !== undefined && Object.hasOwn(trusted, issuer) ? trusted[issuer] : undefined;
  if (!trust) throw refused(`身份凭证的签发方「${String(issuer ?? "")}」不受本服务信任，拒绝访问`);
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, keyResolver(trust.keys), {
      audience: AUDIENCE,
      issuer,
      algorithms: SIGNING_ALGORITHMS,
      requiredClaims: ["exp", "iat"],
      maxTokenAge: TTL_SECONDS + CLOCK_TOLERANCE_SECONDS,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    }));
  } catch {
    throw refused("身份凭证无效或已过期，拒绝访问");
  }
  if (query !== undefined && payload.qh !== queryHash(query)) throw refused("身份凭证与请求内容不符，拒绝访问");
  const role = payload.role as Identity["role"];
  if (typeof payload.sub !== "string" || !ROLES.includes(role)) throw refused("身份凭证内容不完整，拒绝访问");
  if (trust.purpose === "service" && role !== Role.SERVICE)
    throw refused(`签发方「${issuer}」只能代表其本身的服务调用，不能代表用户身份，拒绝访问`);
  const pick = (k: string) => (typeof payload[k] === "string" ? (payload[k] as string) : undefined);
  return {
    sub: payload.sub,
    role,
    name: pick("name"),
    department: pick("department"),
    inspectorId: pick("inspectorId"),
    region: pick("region"),
  };
}

/** The signers' names, as `iss` of their identity tokens. */
export const Issuer = {
  GATEWAY: "gateway",
  COUNTY: "county",
  department: (code: string) => `department:${code}`,
} as const;
