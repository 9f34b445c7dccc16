import { AppError, PUBLIC_IDENTITY, Role, ROLES, type Identity } from "@ssj/shared";
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
}

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
    if (!authorization) return PUBLIC_IDENTITY;
    const m = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!m) throw unauthenticated("Authorization 头格式应为「Bearer <令牌>」");
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(m[1]!, (await this.key) as Uint8Array, {
        issuer: this.config.issuer,
        audience: this.config.audience,
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
    if ((role === Role.DEPARTMENT_ADMIN || role === Role.DEPARTMENT_REVIEWER || role === Role.INSPECTOR) && !identity.department)
      throw unauthenticated("部门人员的令牌须注明所属部门");
    if (role === Role.INSPECTOR && !identity.inspectorId) throw unauthenticated("执法人员的令牌须注明人员编号");
    return identity;
  }
}
