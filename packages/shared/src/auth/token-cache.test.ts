import { describe, expect, it } from "vitest";
import { Role } from "./identity.js";
import { verifyIdentity } from "./internal-token.js";
import { generateSigningKey, publicJwk } from "./keys.js";
import { SignedIdentityCache } from "./token-cache.js";

describe("signed identity cache", () => {
  const key = generateSigningKey();
  const signer = { issuer: "gateway", keys: { keys: [key] } };
  const trusted = { gateway: { keys: { keys: [publicJwk(key)] }, purpose: "users" as const } };
  const clerk = { sub: "wang", role: Role.DEPARTMENT_ADMIN, department: "market" };

  it("reuses a token for the same caller and query, and signs anew for another query or caller", async () => {
    const cache = new SignedIdentityCache(signer);
    const a = await cache.sign(clerk, "{ a }");
    expect(await cache.sign(clerk, "{ a }")).toBe(a);
    expect(await cache.sign(clerk, "{ b }")).not.toBe(a);
    expect(await cache.sign({ ...clerk, sub: "li" }, "{ a }")).not.toBe(a);
    // still bound to its query
    expect((await verifyIdentity(a, trusted, "{ a }")).sub).toBe("wang");
    await expect(verifyIdentity(a, trusted, "{ b }")).rejects.toThrow();
  });

  it("signs anew once the reuse period is over, and after a key rotation", async () => {
    const cache = new SignedIdentityCache(signer, 0);
    const a = await cache.sign(clerk, "{ a }");
    await new Promise((r) => setTimeout(r, 1100)); // iat has whole seconds
    expect(await cache.sign(clerk, "{ a }")).not.toBe(a);
    const rotating = { issuer: "gateway", keys: { keys: [key] } };
    const rotated = new SignedIdentityCache(rotating);
    const before = await rotated.sign(clerk, "{ a }");
    const next = generateSigningKey();
    rotating.keys.keys = [next, key];
    const after = await rotated.sign(clerk, "{ a }");
    expect(after).not.toBe(before);
  });
});
