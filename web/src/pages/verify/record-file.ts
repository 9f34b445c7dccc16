/** The public draw record format this page verifies (docs/draw-record.md). */
export const PUBLIC_RECORD_FORMAT = "ssj-public-draw/2";

/** What the page asks the worker: a record to download from the server, or a file the user opened. */
export type VerifyRequest = { url: string } | { file: Blob };

/** What the worker reports back: progress only (the record itself never crosses to the page), then the verdict. */
export type VerifyMessage =
  | { kind: "download"; received: number; total?: number }
  | { kind: "stage"; stage: "parse" | "recompute"; candidates?: number }
  | { kind: "done"; ok: boolean; message: string };

/** A record file's text, checked before anything is recomputed: JSON, and of the one known format. */
export function checkRecordText(text: string): { ok: true; file: unknown; candidates: number } | { ok: false; message: string } {
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return { ok: false, message: "文件不是 JSON 格式，无法读取。请选择从“下载摇号记录”得到的 record.json 文件。" };
  }
  const f = file as { format?: unknown; view?: { candidates?: unknown[] } | null } | null;
  if (typeof f !== "object" || f === null || f.format !== PUBLIC_RECORD_FORMAT)
    return {
      ok: false,
      message: `无法识别的记录格式${typeof f?.format === "string" ? `「${f.format}」` : ""}：本页面只能验证 ${PUBLIC_RECORD_FORMAT} 格式的摇号记录。`,
    };
  return { ok: true, file, candidates: Array.isArray(f.view?.candidates) ? f.view.candidates.length : 0 };
}
