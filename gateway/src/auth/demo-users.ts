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
