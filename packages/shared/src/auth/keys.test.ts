import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Issuer, signIdentity, verifyIdentity } from "./internal-token.js";
import { generateSigningKey, publicKeySet, type JSONWebKeySet } from "./keys.js";

const dir = mkdtempSync(join(tmpdir(), "ssj-keys-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Key sets in files, as `npm start` and production use them: changed on disk, used at once. */
describe("key set files", () => {
  const privateFile = join(dir, "gateway.key.json");
  const publicFile = join(dir, "gateway.jwks.json");
  const write = (set: JSONWebKeySet) => {
    writeFileSync(publicFile, JSON.stringify(publicKeySet(set)));
    writeFileSync(privateFile, JSON.stringify(set));
  };
  const signer = { issuer: Issuer.GATEWAY, keys: { file: privateFile } };
  const trusted = { [Issuer.GATEWAY]: { keys: { file: publicFile }, purpose: "users" as const } };
  const auditor = { sub: "qian", role: "auditor" as const };

  it("signs with the first key and verifies against the public file, re-read when it changes (rotation without restart)", async () => {
    const first = generateSigningKey();
    write({ keys: [first] });
    const before = await signIdentity(auditor, signer, "q");
    expect(await verifyIdentity(before, trusted, "q")).toMatchObject(auditor);

    await new Promise((r) => setTimeout(r, 20)); // a later modification time
    const second = generateSigningKey();
    write({ keys: [second, first] });
    const after = await signIdentity(auditor, signer, "q");
    expect(JSON.parse(Buffer.from(after.split(".")[0]!, "base64url").toString()).kid).toBe(second.kid);
    expect(await verifyIdentity(after, trusted, "q")).toMatchObject(auditor);
    expect(await verifyIdentity(before, trusted, "q")).toMatchObject(auditor); // in flight, still valid

    await new Promise((r) => setTimeout(r, 20));
    write({ keys: [second] }); // the old key retired
    await expect(verifyIdentity(before, trusted, "q")).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
  });

  it("never publishes a private member", () => {
    const set = publicKeySet({ keys: [generateSigningKey()] });
    expect(set.keys[0]!.d).toBeUndefined();
    expect(set.keys[0]!.kty).toBe("OKP");
  });
});
