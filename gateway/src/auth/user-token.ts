import { AppError, PUBLIC_IDENTITY, type Identity } from "@ssj/shared";
import { identityFromClaims } from "./claims.js";
import { createRemoteJWKSet, importSPKI, jwtVerify, type JWTVerifyGetKey } from "jose";

type PublicKey = Awaited<ReturnType<typeof importSPKI>>;

/** How the gateway checks users' bearer tokens (DESIGN §3.6). */
export interface UserTokenConfig {
  issuer: string;
  audience: string;
  /** HS256 shared secret (the demo); or */
  secret?: string;
  /** an RS256/ES256 public key in PEM (SPKI); or */
  publicKeyPem?: string;
  /** a JWKS URL of the identity provider. */
  jwksUrl?: string;
  /** The longest a token may live, `exp` − `iat` (and `exp` − now): default 12 h (JWT_MAX_LIFETIME, seconds). */
  maxLifetimeSeconds?: number;
  /** Clock difference allowed between the identity provider and the gateway: default 60 s. */
  clockToleranceSeconds?: number;
}

export const DEFAULT_MAX_LIFETIME_SECONDS = 12 * 3600;

const unauthenticated = (message: string) => new AppError("UNAUTHENTICATED", message, { http: { status: 401 } });

/**
 * Verifies `Authorization: Bearer <jwt>` (issuer, audience, expiry, signature) and turns its claims into
 * the platform's Identity. No token at all is the public; any token that fails is refused, never
 * downgraded to public.
 */
export class UserTokenVerifier {
  private key: Promise<Uint8Array | PublicKey | JWTVerifyGetKey>;

  constructor(private readonly config: UserTokenConfig) {
    if (config.jwksUrl) this.key = Promise.resolve(createRemoteJWKSet(new URL(config.jwksUrl)));
    else if (config.publicKeyPem) this.key = importSPKI(config.publicKeyPem, "RS256");
    else if (config.secret) this.key = Promise.resolve(new TextEncoder().encode(config.secret));
    else throw new Error("the gateway needs JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL to check users' tokens");
  }

  async identify(authorization: string | undefined): Promise<Identity> {
    return (await this.verify(authorization)).identity;
  }

  /** The identity and when its token expires (a subscription ends then); the public never expires. */
  async verify(authorization: string | undefined): Promise<{ identity: Identity; expiresAt?: number }> {
    if (!authorization) return { identity: PUBLIC_IDENTITY };
    const m = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!m) throw unauthenticated("Authorization 头格式应为「Bearer <令牌>」");
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(m[1]!, (await this.key) as Uint8Array, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        requiredClaims: ["exp"],
        clockTolerance: this.config.clockToleranceSeconds ?? 60,
      }));
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === "ERR_JWT_EXPIRED") throw unauthenticated("登录令牌已过期，请重新登录");
      if (code === "ERR_JWT_CLAIM_VALIDATION_FAILED") {
        const claim = (e as { claim?: string }).claim;
        if (claim === "exp") throw unauthenticated("登录令牌未注明有效期（exp），拒绝访问");
        throw unauthenticated("登录令牌的签发方或适用对象不符");
      }
      throw unauthenticated("登录令牌无效（签名不符或格式错误）");
    }
    this.checkLifetime(payload);
    return { identity: identityFromClaims(payload), expiresAt: (payload.exp as number) * 1000 };
  }

  /** A token may not live longer than the configured maximum, nor be issued in the future. */
  private checkLifetime(payload: Record<string, unknown>): void {
    const max = this.config.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS;
    const tolerance = this.config.clockToleranceSeconds ?? 60;
    const now = Math.floor(Date.now() / 1000);
    const exp = payload.exp as number;
    const iat = payload.iat;
    if (iat !== undefined && (typeof iat !== "number" || iat > now + tolerance))
      throw unauthenticated("登录令牌的签发时间（iat）在未来，拒绝访问");
    if (exp - (typeof iat === "number" ? Math.min(iat, now) : now) > max + tolerance)
      throw unauthenticated(`登录令牌的有效期超过上限（${Math.round(max / 3600)} 小时），请向身份提供方申请新的令牌`);
  }
}
