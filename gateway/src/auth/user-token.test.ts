import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from "jose";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { UserTokenVerifier } from "./user-token.js";

const ISSUER = "https://idp.example.gov.cn";
const AUDIENCE = "ssj-gateway";

/** Production identity providers sign with their own keys: a PEM public key or a JWKS URL. */
describe("user tokens signed by an identity provider", () => {
  let keys: Awaited<ReturnType<typeof generateKeyPair>>;
  let jwksUrl: string;
  const server = createServer();
  beforeAll(async () => {
    keys = await generateKeyPair("RS256");
    const jwk = { ...(await exportJWK(keys.publicKey)), kid: "k1", alg: "RS256", use: "sig" };
    server.on("request", (_req, res) => res.setHeader("content-type", "application/json").end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const token = (claims: Record<string, unknown>, key = keys.privateKey) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid: "k1" })
      .setSubject("wang.fang")
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime("5m")
      .sign(key);

  it("accepts a token checked against the JWKS URL, and refuses one signed by another key", async () => {
    const verifier = new UserTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl });
    const identity = await verifier.identify(`Bearer ${await token({ role: "department_admin", department: "market" })}`);
    expect(identity).toMatchObject({ sub: "wang.fang", role: "department_admin", department: "market" });
    const other = await generateKeyPair("RS256");
    await expect(verifier.identify(`Bearer ${await token({ role: "auditor" }, other.privateKey)}`)).rejects.toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
    });
  });

  it("accepts a token checked against a PEM public key", async () => {
    const verifier = new UserTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, publicKeyPem: await exportSPKI(keys.publicKey) });
    expect(await verifier.identify(`Bearer ${await token({ role: "auditor" })}`)).toMatchObject({ role: "auditor" });
  });

  it("refuses a role the platform does not know, and treats no token as the public", async () => {
    const verifier = new UserTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, jwksUrl });
    await expect(verifier.identify(`Bearer ${await token({ role: "service" })}`)).rejects.toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
    });
    expect(await verifier.identify(undefined)).toMatchObject({ role: "public" });
  });

  for (const alg of ["RS256", "ES256", "EdDSA"] as const) {
    it(`accepts a PEM ${alg} key with its own algorithm, and refuses a token signed under another one`, async () => {
      const pair = await generateKeyPair(alg, { extractable: true });
      const verifier = new UserTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, publicKeyPem: await exportSPKI(pair.publicKey) });
      const signed = (header: { alg: string }, key: Parameters<SignJWT["sign"]>[0]) =>
        new SignJWT({ role: "auditor" })
          .setProtectedHeader(header)
          .setSubject("li.na")
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setExpirationTime("5m")
          .sign(key);
      expect(await verifier.identify(`Bearer ${await signed({ alg }, pair.privateKey)}`)).toMatchObject({ sub: "li.na", role: "auditor" });
      // HS256 keyed with the public key's PEM text: the classic algorithm-confusion forgery.
      const forged = await signed({ alg: "HS256" }, new TextEncoder().encode(await exportSPKI(pair.publicKey)));
      await expect(verifier.identify(`Bearer ${forged}`)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
    });
  }
});
