import { AppError, PUBLIC_IDENTITY, Role, ROLES, type Identity, ErrorCode } from "@ssj/shared";
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
  /** Algorithms accepted from the JWKS (default: JWKS_ALGORITHMS). A secret or PEM key accepts its own only. */
  algorithms?: string[];
}

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
    if (!authorization) return PUBLIC_IDENTITY;
    const m = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!m) throw unauthenticated("Authorization 头格式应为「Bearer <令牌>」");
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(m[1]!, (await this.key) as Uint8Array, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: this.algorithms,
      }));
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === "ERR_JWT_EXPIRED") throw unauthenticated("登录令牌已过期，请重新登录");
      if (code === "ERR_JWT_CLAIM_VALIDATION_FAILED") throw unauthenticated("登录令牌的签发方或适用对象不符");
      throw unauthenticated("登录令牌无效（签名不符或格式错误）");
    }
    const role = payload.role as Identity["role"];
    if (typeof payload.sub !== "string" || !ROLES.includes(role) || role === Role.SERVICE || role === Role.PUBLIC) {
      throw unauthenticated("登录令牌缺少有效的用户或角色");
    }
    const str = (k: string) => (typeof payload[k] === "string" ? (payload[k] as string) : undefined);
    const identity: Identity = {
      sub: payload.sub,
      role,
      name: str("name"),
      department: str("department"),
      inspectorId: str("inspectorId"),
      region: str("region"),
    };
    if ((role === Role.DEPARTMENT_ADMIN || role === Role.INSPECTOR) && !identity.department)
      throw unauthenticated("部门人员的令牌须注明所属部门");
    if (role === Role.INSPECTOR && !identity.inspectorId) throw unauthenticated("执法人员的令牌须注明人员编号");
    return identity;
  }
}
