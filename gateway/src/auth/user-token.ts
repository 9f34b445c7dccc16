import { AppError, PUBLIC_IDENTITY, type Identity, ErrorCode } from "@ssj/shared";
import { identityFromClaims } from "./claims.js";
import { createRemoteJWKSet, importSPKI, jwtVerify, type JWTVerifyGetKey } from "jose";
import { createPublicKey } from "node:crypto";

type PublicKey = Awaited<ReturnType<typeof importSPKI>>;

/** How the gateway checks users' bearer tokens (docs/architecture.md, "Trust"). */
export interface UserTokenConfig {
  issuer: string;
  audience: string;
  /** HS256 shared secret (the demo); or */
  secret?: string;
  /** an RSA, EC (P-256/384/521) or Ed25519 public key in PEM (SPKI), used with its own algorithm; or */
  publicKeyPem?: string;
  /** a JWKS URL of the identity provider. */
  jwksUrl?: string;
  /** The longest a token may live, `exp` − `iat` (and `exp` − now): default 12 h (JWT_MAX_LIFETIME, seconds). */
  maxLifetimeSeconds?: number;
  /** Clock difference allowed between the identity provider and the gateway: default 60 s. */
  clockToleranceSeconds?: number;
  /** Algorithms accepted from the JWKS (default: JWKS_ALGORITHMS). A secret or PEM key accepts its own only. */
  algorithms?: string[];
}

export const DEFAULT_MAX_LIFETIME_SECONDS = 12 * 3600;

/** Asymmetric algorithms an identity provider's JWKS may use; never HS* (a public key used as an HMAC secret). */
export const JWKS_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"];

const CURVE_ALGORITHMS: Record<string, string> = { prime256v1: "ES256", secp384r1: "ES384", secp521r1: "ES512" };

/**
 * The JWS algorithm a PEM public key is meant for, read from the key itself: jose refuses to import a key
 * under another key type's algorithm (an ES256 key imported as RS256 fails with "Invalid key type").
 */
export function algorithmOfPem(pem: string): string {
  const key = createPublicKey(pem);
  switch (key.asymmetricKeyType) {
    case "rsa":
      return "RS256";
    case "rsa-pss":
      return "PS256";
    case "ed25519":
      return "EdDSA";
    case "ec": {
      const alg = CURVE_ALGORITHMS[key.asymmetricKeyDetails?.namedCurve ?? ""];
      if (alg) return alg;
    }
  }
  throw new Error(`JWT_PUBLIC_KEY: unsupported key type ${key.asymmetricKeyType} ${key.asymmetricKeyDetails?.namedCurve ?? ""}`);
}

const unauthenticated = (message: string) => new AppError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });

/**
 * Verifies `Authorization: Bearer <jwt>` (issuer, audience, expiry, signature) and turns its claims into
 * the platform's Identity. No token at all is the public; any token that fails is refused, never
 * downgraded to public.
 */
export class UserTokenVerifier {
  private key: Promise<Uint8Array | PublicKey | JWTVerifyGetKey>;
  /** Pinned, so that a token cannot choose how it is checked (e.g. alg "none" or HS256 with a public key). */
  private readonly algorithms: string[];

  constructor(private readonly config: UserTokenConfig) {
    if (config.jwksUrl) {
      this.key = Promise.resolve(createRemoteJWKSet(new URL(config.jwksUrl)));
      this.algorithms = config.algorithms ?? JWKS_ALGORITHMS;
    } else if (config.publicKeyPem) {
      const alg = algorithmOfPem(config.publicKeyPem);
      this.key = importSPKI(config.publicKeyPem, alg);
      this.algorithms = [alg];
    } else if (config.secret) {
      this.key = Promise.resolve(new TextEncoder().encode(config.secret));
      this.algorithms = ["HS256"];
    } else throw new Error("the gateway needs JWT_SECRET, JWT_PUBLIC_KEY or JWT_JWKS_URL to check users' tokens");
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
        algorithms: this.algorithms,
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
