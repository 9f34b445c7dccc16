/// <reference lib="webworker" />
/**
 * Verifies a draw record off the page's thread, downloading or reading it HERE so that the ~100 MB of a
 * 600,000-candidate record exists once (bytes → text → parsed view, each dropped when the next exists), never
 * on the page. Recomputed with the same pure draw engine the county ran — compiled for the browser, SHA-256 from
 * @noble/hashes — and the same file check the `npm run verify-draw` command runs.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex } from "@noble/hashes/utils.js";
// eslint-disable-next-line import-x/no-extraneous-dependencies -- a Vite alias of scripts/src/verify/verify-file-core.ts (vite.config.ts), not a package
import { verifyPublicFile } from "@ssj/verify-file";
import { readAll } from "./read-bytes";
import { checkRecordText, type VerifyMessage, type VerifyRequest } from "./record-file";
import { topLevelObjectRange } from "./view-range";

const post = (m: VerifyMessage) => self.postMessage(m);

async function fetchBytes(url: string): Promise<Uint8Array> {
  const r = await fetch(url);
  if (!r.ok || !r.body) throw new Error(r.status === 404 ? "没有这一编号的已公布摇号" : `下载失败（HTTP ${r.status}）`);
  // A compressed response's length is the compressed size: progress then shows bytes only, no percentage.
  const total = r.headers.get("content-encoding") ? undefined : Number(r.headers.get("content-length")) || undefined;
  let last = 0;
  return readAll(r.body, total, (received) => {
    if (received - last < 1 << 20 && received !== total) return;
    last = received;
    post({ kind: "download", received, total });
  });
}

async function verify(req: VerifyRequest): Promise<VerifyMessage> {
  let bytes: Uint8Array | null = "url" in req ? await fetchBytes(req.url) : await readAll(req.file.stream(), req.file.size, () => {});
  post({ kind: "stage", stage: "parse" });
  const range = topLevelObjectRange(bytes, "view");
  const rawViewDigest = range ? bytesToHex(sha256(bytes.subarray(range.start, range.end))) : undefined;
  let text: string | null = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  bytes = null; // the text is all that is needed now: let the collector take the bytes
  const parsed = checkRecordText(text);
  text = null;
  if (!parsed.ok) return { kind: "done", ok: false, message: parsed.message };
  post({ kind: "stage", stage: "recompute", candidates: parsed.candidates });
  const r = verifyPublicFile(parsed.file, { rawViewDigest });
  return r.ok ? { kind: "done", ok: true, message: r.scope } : { kind: "done", ok: false, message: `第一处不同：${r.firstDifference}` };
}

self.onmessage = (e: MessageEvent<VerifyRequest>) => {
  verify(e.data).then(post, (err: Error) => post({ kind: "done", ok: false, message: `复算出错：${err.message}` }));
};
