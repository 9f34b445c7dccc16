/// <reference lib="webworker" />
/**
 * Verifies a downloaded draw record off the page's thread (a 600,000-candidate record takes seconds), with
 * the same pure draw engine the county ran — compiled for the browser, SHA-256 from @noble/hashes — and
 * the same file check the `npm run verify-draw` command runs.
 */
// eslint-disable-next-line import-x/no-extraneous-dependencies -- a Vite alias of scripts/src/verify/verify-file-core.ts (vite.config.ts), not a package
import { verifyPublicFile } from "@ssj/verify-file";
import { checkRecordText, type VerifyMessage } from "./record-file";

self.onmessage = (e: MessageEvent<string>) => {
  const post = (m: VerifyMessage) => self.postMessage(m);
  const parsed = checkRecordText(e.data);
  if (!parsed.ok) return post({ kind: "done", ok: false, message: parsed.message });
  post({ kind: "stage", stage: "recompute", candidates: parsed.candidates });
  try {
    const r = verifyPublicFile(parsed.file);
    post(r.ok ? { kind: "done", ok: true, message: r.scope } : { kind: "done", ok: false, message: `第一处不同：${r.firstDifference}` });
  } catch (err) {
    post({ kind: "done", ok: false, message: `复算出错：${(err as Error).message}` });
  }
};
