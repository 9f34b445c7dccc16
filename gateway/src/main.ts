import { envInt, envString, privateKeySourceFromConfig } from "@ssj/shared";
import { startGateway } from "./server.js";
import { DEFAULT_MAX_LIFETIME_SECONDS } from "./auth/user-token.js";
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from "./auth/demo-users.js";
import type { WebAuthOptions } from "./auth/demo-idp.js";

/** The gateway as a process: `PORT`, `COUNTY_URL`, `SUPERGRAPH` (path). */
const gateway = await startGateway({
  port: envInt("PORT", 4000),
  host: envString("HOST", "127.0.0.1"),
  countyUrl: envString("COUNTY_URL", "http://127.0.0.1:4001/graphql"),
  supergraphPath: process.env.SUPERGRAPH || undefined,
  shardMapTtlMs: envInt("SHARD_MAP_TTL_MS", 5000),
  responseCacheMs: envInt("RESPONSE_CACHE_MS", 1000),
  auth: {
    users: {
      issuer: envString("JWT_ISSUER", DEFAULT_ISSUER),
      audience: envString("JWT_AUDIENCE", DEFAULT_AUDIENCE),
      secret: process.env.JWT_SECRET || undefined,
      publicKeyPem: process.env.JWT_PUBLIC_KEY || undefined,
      jwksUrl: process.env.JWT_JWKS_URL || undefined,
      maxLifetimeSeconds: envInt("JWT_MAX_LIFETIME", DEFAULT_MAX_LIFETIME_SECONDS),
    },
    keys: privateKeySourceFromConfig(envString("SIGNING_KEYS")),
  },
  metricsToken: process.env.METRICS_TOKEN || undefined,
  web: { dir: process.env.WEB_DIR || undefined, auth: webAuth() },
});

/**
 * How the web signs users in: `DEMO_IDP=1` (set by `npm start`, HS256 with JWT_SECRET) lists the demo
 * users; `OIDC_ISSUER` + `OIDC_CLIENT_ID` (+ `OIDC_SCOPE`) use an OpenID Connect provider, whose ID tokens
 * the gateway then verifies (JWT_JWKS_URL, JWT_ISSUER, JWT_AUDIENCE = the client id).
 */
function webAuth(): WebAuthOptions {
  const secret = process.env.JWT_SECRET;
  return {
    demo:
      process.env.DEMO_IDP === "1" && secret
        ? { secret, issuer: envString("JWT_ISSUER", DEFAULT_ISSUER), audience: envString("JWT_AUDIENCE", DEFAULT_AUDIENCE) }
        : undefined,
    oidc:
      process.env.OIDC_ISSUER && process.env.OIDC_CLIENT_ID
        ? { authority: process.env.OIDC_ISSUER, clientId: process.env.OIDC_CLIENT_ID, scope: process.env.OIDC_SCOPE || undefined }
        : undefined,
  };
}
console.log(`gateway ready at ${gateway.url}`);
const stop = async () => {
  await gateway.stop();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
