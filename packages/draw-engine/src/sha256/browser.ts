/**
 * SHA-256 for the browser (the public portal verifies draws with this engine): `@noble/hashes`, which is
 * synchronous like `node:crypto` (Web Crypto's digest is async only, and the engine is synchronous).
 * Same three functions as ./node.ts; which one a build gets is chosen by package.json "imports".
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import type { Sha256 } from "./types.js";

export function sha256HexOf(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

export function sha256RawOf(text: string): Uint8Array {
  return sha256(utf8ToBytes(text));
}

export function digestByte(raw: Uint8Array, i: number): number {
  return raw[i]!;
}

export function createSha256(): Sha256 {
  const h = sha256.create();
  return {
    update(chunk: string) {
      h.update(utf8ToBytes(chunk));
    },
    hex: () => bytesToHex(h.digest()),
  };
}
