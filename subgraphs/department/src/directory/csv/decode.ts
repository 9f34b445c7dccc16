import iconv from "iconv-lite";
import { AppError, ErrorCode } from "@ssj/shared";

/** How the bytes of an uploaded CSV are to be read. */
export type CsvEncoding = "AUTO" | "UTF8" | "GBK";
/** The encoding actually used. */
export type ResolvedEncoding = "UTF8" | "GBK";

export interface DecodeOptions {
  encoding?: CsvEncoding;
  /** Told once, before the first string is yielded, which encoding was chosen. */
  onEncoding?: (encoding: ResolvedEncoding) => void;
  /** How many leading bytes AUTO inspects (default 64 KiB). */
  probeBytes?: number;
}

export const DEFAULT_PROBE_BYTES = 64 * 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function toBytes(chunk: Buffer | Uint8Array | string): Buffer {
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

function startsWith(buf: Buffer, prefix: readonly number[]): boolean {
  if (buf.length < prefix.length) return false;
  return prefix.every((b, i) => buf[i] === b);
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

/** Line (1-based, counting from the lines already decoded) of the first byte UTF-8 rejects in `chunk`. */
function lineOfInvalidUtf8(chunk: Buffer, linesBefore: number): number {
  // Up to 3 leading continuation bytes may complete a sequence begun in the previous chunk.
  let start = 0;
  while (start < 3 && start < chunk.length && (chunk[start]! & 0xc0) === 0x80) start++;
  const text = new TextDecoder("utf-8").decode(chunk.subarray(start));
  const bad = text.indexOf("\uFFFD");
  return linesBefore + countNewlines(bad === -1 ? text : text.slice(0, bad)) + 1;
}

function invalidEncoding(encoding: ResolvedEncoding, line: number, explicit: boolean): AppError {
  const name = encoding === "UTF8" ? "UTF-8" : "GBK";
  const hint =
    encoding === "UTF8"
      ? explicit
        ? "；如为 GBK（GB18030）编码的文件，请选择 GBK 编码"
        : "（文件开头按 UTF-8 识别）；如为 GBK（GB18030）编码的文件，请选择 GBK 编码"
      : "";
  return new AppError(ErrorCode.INVALID_CSV, `CSV 文件第 ${line} 行附近含有无效的 ${name} 字符${hint}`, { line, encoding });
}

/**
 * Decode a byte stream (a Node Readable, an HTTP request body …) into strings, chunk by chunk, never
 * holding more than the probe plus one chunk.
 *
 * - A UTF-8 byte-order mark means UTF-8 whatever `encoding` says, and is stripped; a GB18030 BOM is
 *   stripped too. UTF-16 (BOM FF FE / FE FF) is refused with `INVALID_CSV`.
 * - `AUTO`: the first `probeBytes` (64 KiB) are tried as strict UTF-8 (a multibyte character cut at the
 *   probe's end is carried over, not counted as an error); if they decode, the file is read as UTF-8,
 *   otherwise as GBK (decoded as GB18030, its superset, with iconv-lite's streaming decoder).
 * - `UTF8` / `GBK`: as told.
 * - A later byte sequence invalid in the chosen encoding → AppError `INVALID_CSV` naming the approximate
 *   line (details: `line`, `encoding`).
 */
export async function* decodeCsvBytes(
  source: AsyncIterable<Buffer | Uint8Array | string>,
  opts: DecodeOptions = {},
): AsyncGenerator<string, void, undefined> {
  const requested = opts.encoding ?? "AUTO";
  const probeBytes = Math.max(4, opts.probeBytes ?? DEFAULT_PROBE_BYTES);
  const iterator = source[Symbol.asyncIterator]();
  let done = false;
  try {
    // Gather the head: enough to see a BOM, and for AUTO the whole probe.
    const need = requested === "AUTO" ? probeBytes : 4;
    const headParts: Buffer[] = [];
    let headLength = 0;
    while (headLength < need) {
      const r = await iterator.next();
      if (r.done) {
        done = true;
        break;
      }
      const b = toBytes(r.value);
      if (b.length === 0) continue;
      headParts.push(b);
      headLength += b.length;
    }
    const head = headParts.length === 1 ? headParts[0]! : Buffer.concat(headParts, headLength);
    if (head.length === 0) return;

    if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
      throw new AppError(ErrorCode.INVALID_CSV, "不支持 UTF-16 编码的 CSV 文件，请另存为 UTF-8 或 GBK 编码", { line: 1 });
    }

    let encoding: ResolvedEncoding;
    if (startsWith(head, UTF8_BOM)) encoding = "UTF8";
    else if (requested === "UTF8" || requested === "GBK") encoding = requested;
    else {
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: !done });
        encoding = "UTF8";
      } catch {
        encoding = "GBK";
      }
    }
    opts.onEncoding?.(encoding);
    const explicit = requested !== "AUTO";

    let lines = 0;
    let first = true;
    const emit = (text: string): string => {
      if (first && text.length) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      lines += countNewlines(text);
      return text;
    };

    if (encoding === "UTF8") {
      // ignoreBOM: false (the default) strips a leading UTF-8 BOM.
      const decoder = new TextDecoder("utf-8", { fatal: true });
      const decode = (chunk: Buffer): string => {
        try {
          return decoder.decode(chunk, { stream: true });
        } catch {
          throw invalidEncoding("UTF8", lineOfInvalidUtf8(chunk, lines), explicit);
        }
      };
      let text = emit(decode(head));
      if (text) yield text;
      while (!done) {
        const r = await iterator.next();
        if (r.done) {
          done = true;
          break;
        }
        text = emit(decode(toBytes(r.value)));
        if (text) yield text;
      }
      let tail: string;
      try {
        tail = decoder.decode();
      } catch {
        throw invalidEncoding("UTF8", lines + 1, explicit);
      }
      tail = emit(tail);
      if (tail) yield tail;
    } else {
      const decoder = iconv.getDecoder("gb18030");
      const check = (text: string): string => {
        const bad = text.indexOf("\uFFFD");
        if (bad !== -1) throw invalidEncoding("GBK", lines + countNewlines(text.slice(0, bad)) + 1, explicit);
        return emit(text);
      };
      let text = check(decoder.write(head));
      if (text) yield text;
      while (!done) {
        const r = await iterator.next();
        if (r.done) {
          done = true;
          break;
        }
        text = check(decoder.write(toBytes(r.value)));
        if (text) yield text;
      }
      const tail = check(decoder.end() ?? "");
      if (tail) yield tail;
    }
  } finally {
    if (!done) await iterator.return?.();
  }
}
