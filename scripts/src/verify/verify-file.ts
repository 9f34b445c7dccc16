import { checkpointSignatureValid } from "@ssj/shared";
import { verifyPublicFile as verifyWith, type FileVerification, type VerifyFileOptions } from "./verify-file-core.js";

export type { FileVerification, VerifyFileOptions, ViewName } from "./verify-file-core.js";

/**
 * Verifies a downloaded draw record file (docs/draw-record.md), checkpoint signatures included. The checks
 * themselves are in verify-file-core.ts, which the browser's verifier compiles without Node's crypto.
 */
export function verifyPublicFile(file: unknown, opts: VerifyFileOptions = {}): FileVerification {
  return verifyWith(file, { verifySignature: checkpointSignatureValid, ...opts });
}
