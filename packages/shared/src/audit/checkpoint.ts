import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Signed checkpoints of audit-chain heads (docs/draw-record.md, "Checkpoints").
 *
 * Why: a hash chain kept in the same database as the data only proves that the rows agree with each
 * other; whoever can write the database can delete the last entry, or rewrite one and recompute every
 * later hash. A checkpoint is the chain's head (chain, seq, hash, time) signed with an Ed25519 key that
 * is *not* in the database (a file or a KMS named by configuration). Checkpoints are published, so
 * anyone holding an earlier one detects a truncated or rewritten chain; and without the key, nobody
 * can sign the head of a forged chain.
 */

export const CHECKPOINT_FORMAT = "ssj-checkpoint/1";

/** What is signed: the head of one chain. */
export interface CheckpointHead {
  chain: string;
  seq: number;
  hash: string;
  /** ISO 8601, UTC, whole seconds. */
  at: string;
}

/** A signed checkpoint as published. */
export interface SignedCheckpoint extends CheckpointHead {
  /** Key id: the first 16 hex digits of SHA-256 of the raw 32-byte public key. */
  kid: string;
  /** Ed25519 signature of {@link checkpointText}, base64url. */
  signature: string;
}

/** A public key as published: key id and the raw 32-byte Ed25519 key, base64url (JWK `x`). */
export interface PublishedKey {
  kid: string;
  alg: "Ed25519";
  x: string;
}

/** The exact text that is signed: `ssj-checkpoint/1 LF chain LF seq LF hash LF at LF` (UTF-8). */
export function checkpointText(h: CheckpointHead): string {
  return `${CHECKPOINT_FORMAT}\n${h.chain}\n${h.seq}\n${h.hash}\n${h.at}\n`;
}

function rawPublic(key: KeyObject): Buffer {
  const jwk = key.export({ format: "jwk" }) as { x?: string };
  if (!jwk.x) throw new Error("not an Ed25519 key");
  return Buffer.from(jwk.x, "base64url");
}

export function publishKey(key: KeyObject): PublishedKey {
  const pub = key.type === "private" ? createPublicKey(key) : key;
  const raw = rawPublic(pub);
  return { kid: createHash("sha256").update(raw).digest("hex").slice(0, 16), alg: "Ed25519", x: raw.toString("base64url") };
}

export function keyFromPublished(k: PublishedKey): KeyObject {
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: k.x }, format: "jwk" });
}

/** Signs chain heads with one private key. */
export class CheckpointSigner {
  readonly publicKey: PublishedKey;
  constructor(private readonly key: KeyObject) {
    if (key.asymmetricKeyType !== "ed25519" || key.type !== "private") throw new Error("checkpoint key must be an Ed25519 private key");
    this.publicKey = publishKey(key);
  }

  sign(head: CheckpointHead): SignedCheckpoint {
    const signature = sign(null, Buffer.from(checkpointText(head), "utf8"), this.key).toString("base64url");
    return { ...head, kid: this.publicKey.kid, signature };
  }

  /** A fresh key (tests, or a demo instance without a configured file). */
  static generate(): CheckpointSigner {
    return new CheckpointSigner(generateKeyPairSync("ed25519").privateKey);
  }

  /** Reads a PEM (PKCS#8) private key; with `create`, writes a new one (mode 600) if the file does not exist. */
  static fromFile(path: string, create = false): CheckpointSigner {
    if (!existsSync(path)) {
      if (!create) throw new Error(`checkpoint key file not found: ${path}`);
      const { privateKey } = generateKeyPairSync("ed25519");
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, privateKey.export({ format: "pem", type: "pkcs8" }), { mode: 0o600 });
    }
    return new CheckpointSigner(createPrivateKey(readFileSync(path, "utf8")));
  }
}

/** Checks one checkpoint's signature against the trusted keys (by kid). */
export function checkpointSignatureValid(c: SignedCheckpoint, trusted: PublishedKey[]): boolean {
  const k = trusted.find((t) => t.kid === c.kid);
  if (!k) return false;
  try {
    return verify(null, Buffer.from(checkpointText(c), "utf8"), keyFromPublished(k), Buffer.from(c.signature, "base64url"));
  } catch {
    return false;
  }
}

/** One problem a chain check found, in words a clerk and an auditor can act on. */
export interface ChainProblem {
  check: "CHAIN" | "CHECKPOINT";
  message: string;
}

/**
 * Compares a chain (entries in seq order) with signed checkpoints: every signature must hold, every
 * checkpointed position must still carry the signed hash, the chain must not end before the latest
 * checkpoint (truncation), and its head must be checkpointed (entries added without the key).
 */
export function checkChainAgainstCheckpoints(
  entries: { seq: number; hash: string }[],
  checkpoints: SignedCheckpoint[],
  trusted: PublishedKey[],
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const bySeq = new Map(entries.map((e) => [e.seq, e.hash]));
  let latest = 0;
  for (const c of checkpoints) {
    if (!checkpointSignatureValid(c, trusted)) {
      problems.push({ check: "CHECKPOINT", message: `第 ${c.seq} 条的签名检查点签名无效 / checkpoint at seq ${c.seq}: signature invalid` });
      continue;
    }
    latest = Math.max(latest, c.seq);
    const h = bySeq.get(c.seq);
    if (h === undefined)
      problems.push({
        check: "CHECKPOINT",
        message: `链被截断：检查点签署了第 ${c.seq} 条，链中已无此条 / chain truncated: checkpoint signed seq ${c.seq}, the chain no longer has it`,
      });
    else if (h !== c.hash)
      problems.push({
        check: "CHECKPOINT",
        message: `链被改写：第 ${c.seq} 条的哈希与签名检查点不同 / chain rewritten: seq ${c.seq} no longer has the signed hash`,
      });
  }
  const head = entries.length ? entries[entries.length - 1]!.seq : 0;
  if (head > latest)
    problems.push({
      check: "CHECKPOINT",
      message: `第 ${latest + 1}–${head} 条没有签名检查点 / seq ${latest + 1}–${head} not covered by any signed checkpoint`,
    });
  return problems;
}
