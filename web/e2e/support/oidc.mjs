/**
 * A real OpenID Connect provider for the browser tests (the `oidc-provider` package, not a mock), on a free
 * port: authorization code with PKCE for one public client, its accounts the demo users with their `role`
 * (and `department` / `inspectorId`) claims in the ID token, as docs/web.md asks of a production provider.
 * Its login page is the package's development interaction (any password), enough to drive the redirect flow.
 */
import { DEMO_USERS } from "@ssj/gateway";
import { createServer } from "node:http";
import Provider from "oidc-provider";

export const OIDC_CLIENT_ID = "ssj-web";

/** Listens first (the issuer needs its port), then `configure(redirectUris)` once the gateway's port is known. */
export async function startOidcProvider() {
  let handler = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  return {
    issuer,
    configure(redirectUris) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: OIDC_CLIENT_ID,
            token_endpoint_auth_method: "none",
            redirect_uris: redirectUris,
            response_types: ["code"],
            grant_types: ["authorization_code"],
          },
        ],
        claims: { openid: ["sub"], profile: ["name", "role", "department", "inspectorId"] },
        // the gateway reads the role from the ID token (it is the bearer token), not from /userinfo
        conformIdTokenClaims: false,
        pkce: { required: () => true },
        cookies: { keys: ["browser-test-cookie-key"] },
        features: { devInteractions: { enabled: true } },
        findAccount: (_ctx, sub) => {
          const u = DEMO_USERS.find((x) => x.sub === sub);
          return (
            u && {
              accountId: sub,
              claims: () => ({ sub, name: u.name, role: u.role, department: u.department, inspectorId: u.inspectorId }),
            }
          );
        },
      });
      handler = provider.callback();
    },
    close: () => new Promise((r) => server.close(r)),
  };
}
