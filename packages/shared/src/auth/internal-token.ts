import { createHash } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { AppError, ErrorCode } from "../errors.js";
import { ROLES, type Identity } from "./identity.js";

/**
 * Trust between services: the gateway (or the county, calling a department) sends the caller's
 * identity as a short-lived HS256 token, `x-ssj-identity`, signed with the platform's internal secret
 * and bound to the request's query text. A subgraph answers nothing — `_entities` and `_service`
 * included — without a valid one.
 */
export const IDENTITY_HEADER = "x-ssj-identity";
const AUDIENCE = "ssj-internal";
const TTL_SECONDS = 120;

const key = (secret: string) => new TextEncoder().encode(secret);
export const queryHash = (query: string) => createHash("sha256").update(query, "utf8").digest("base64url");

export async function signIdentity(identity: Identity, secret: string, query = ""): Promise<string> {
  return new SignJWT({ ...identity, qh: queryHash(query) })
    .setProtectedHeader({ alg: "HS256" })
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${TTL_SECONDS}s`)
    .sign(key(secret));
}

/** Verifies an identity token; `query` (when given) must be the text it was signed for. */
export async function verifyIdentity(token: string | undefined, secret: string, query?: string): Promise<Identity> {
  if (!token) throw new AppError(ErrorCode.UNAUTHENTICATED, "请求未携带平台签发的身份凭证，拒绝访问");
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, key(secret), { audience: AUDIENCE, algorithms: ["HS256"] }));
  } catch {
    throw new AppError(ErrorCode.UNAUTHENTICATED, "身份凭证无效或已过期，拒绝访问");
  }
  if (query !== undefined && payload.qh !== queryHash(query))
    throw new AppError(ErrorCode.UNAUTHENTICATED, "身份凭证与请求内容不符，拒绝访问");
  const role = payload.role as Identity["role"];
  if (typeof payload.sub !== "string" || !ROLES.includes(role))
    throw new AppError(ErrorCode.UNAUTHENTICATED, "身份凭证内容不完整，拒绝访问");
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
