import { describe, expect, it } from "vitest";
import { checkChainAgainstCheckpoints, checkpointSignatureValid, CheckpointSigner } from "./checkpoint.js";

const signer = CheckpointSigner.generate();
const entries = [1, 2, 3].map((seq) => ({ seq, hash: String(seq).repeat(64) }));
const at = "2027-04-01T02:00:00.000Z";
const signed = entries.map((e) => signer.sign({ chain: "draw:1", seq: e.seq, hash: e.hash, at }));

describe("checkpoints", () => {
  it("verify with the signing key only", () => {
    expect(checkpointSignatureValid(signed[0]!, [signer.publicKey])).toBe(true);
    expect(checkpointSignatureValid(signed[0]!, [CheckpointSigner.generate().publicKey])).toBe(false);
    expect(checkpointSignatureValid({ ...signed[0]!, seq: 2 }, [signer.publicKey])).toBe(false);
  });

  it("accept an intact chain, and name truncation, rewrites, unsigned heads and forged signatures", () => {
    const trusted = [signer.publicKey];
    expect(checkChainAgainstCheckpoints(entries, signed, trusted)).toEqual([]);
    expect(checkChainAgainstCheckpoints(entries.slice(0, 2), signed, trusted)[0]!.message).toContain("chain truncated");
    const rewritten = entries.map((e) => (e.seq >= 2 ? { ...e, hash: "f".repeat(64) } : e));
    expect(checkChainAgainstCheckpoints(rewritten, signed, trusted).map((p) => p.message)).toEqual([
      expect.stringContaining("chain rewritten: seq 2"),
      expect.stringContaining("chain rewritten: seq 3"),
    ]);
    expect(checkChainAgainstCheckpoints([...entries, { seq: 4, hash: "4".repeat(64) }], signed, trusted)[0]!.message).toContain(
      "seq 4–4 not covered",
    );
    const forged = CheckpointSigner.generate().sign({ chain: "draw:1", seq: 3, hash: entries[2]!.hash, at });
    expect(
      checkChainAgainstCheckpoints(entries, [...signed.slice(0, 2), { ...forged, kid: signer.publicKey.kid }], trusted)[0]!.message,
    ).toContain("signature invalid");
  });
});

describe("the checkpoint key file", () => {
  it("is created once when allowed, read back with the same key id, and required otherwise", async () => {
    const { mkdtempSync, statSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const file = join(mkdtempSync(join(tmpdir(), "ssj-ckpt-")), "key.pem");
    expect(() => CheckpointSigner.fromFile(file)).toThrow(/not found/);
    const created = CheckpointSigner.fromFile(file, true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(CheckpointSigner.fromFile(file).publicKey).toEqual(created.publicKey);
  });
});
