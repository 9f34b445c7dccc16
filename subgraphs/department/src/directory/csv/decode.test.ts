import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { AppError } from "@ssj/shared";
import { decodeCsvBytes, type CsvEncoding, type ResolvedEncoding } from "./decode.js";

async function* chunks(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function decodeAll(buf: Buffer, encoding: CsvEncoding, size = 7, probeBytes?: number) {
  let used: ResolvedEncoding | undefined;
  let text = "";
  for await (const s of decodeCsvBytes(chunks(buf, size), { encoding, probeBytes, onEncoding: (e) => (used = e) })) text += s;
  return { text, used };
}

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error("expected a failure");
}

const TEXT = "统一社会信用代码,名称\n91350100M000100Y43,安岳县岳阳镇老王火锅店\n第三行,乐至县\n";

describe("decodeCsvBytes", () => {
  it("AUTO reads UTF-8, also with characters cut across chunks", async () => {
    for (const size of [1, 2, 3, 5, 64, 100000]) {
      expect(await decodeAll(Buffer.from(TEXT, "utf8"), "AUTO", size)).toEqual({ text: TEXT, used: "UTF8" });
    }
  });

  it("AUTO reads GBK", async () => {
    for (const size of [1, 3, 64, 100000]) {
      expect(await decodeAll(iconv.encode(TEXT, "gbk"), "AUTO", size)).toEqual({ text: TEXT, used: "GBK" });
    }
  });

  it("AUTO does not mistake a multibyte character cut at the probe's end for GBK", async () => {
    const buf = Buffer.from("中文".repeat(50), "utf8");
    for (const probe of [4, 5, 10, 11, 31]) {
      expect(await decodeAll(buf, "AUTO", 7, probe)).toEqual({ text: "中文".repeat(50), used: "UTF8" });
    }
  });

  it("strips a UTF-8 BOM in AUTO and UTF8 mode, and honours it in GBK mode", async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, "utf8")]);
    for (const mode of ["AUTO", "UTF8", "GBK"] as const) {
      for (const size of [1, 2, 5, 1000]) expect(await decodeAll(bom, mode, size)).toEqual({ text: TEXT, used: "UTF8" });
    }
  });

  it("GBK mode reads GBK and strips a GB18030 BOM", async () => {
    expect((await decodeAll(iconv.encode(TEXT, "gbk"), "GBK")).text).toBe(TEXT);
    const withBom = Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), iconv.encode(TEXT, "gb18030")]);
    expect((await decodeAll(withBom, "GBK", 2)).text).toBe(TEXT);
  });

  it("UTF8 mode on a GBK file fails naming the line", async () => {
    const err = await failure(decodeAll(iconv.encode(TEXT, "gbk"), "UTF8", 4));
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe("INVALID_CSV");
    expect(err.message).toContain("第 1 行");
    expect(err.message).toContain("GBK");
  });

  it("a GBK byte after a clean UTF-8 probe fails with the approximate line", async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `91350100M000100Y43,row ${i + 1}\n`).join("");
    const buf = Buffer.concat([Buffer.from(lines, "utf8"), iconv.encode("安岳县\n", "gbk")]);
    const err = await failure(decodeAll(buf, "AUTO", 4096));
    expect(err.code).toBe("INVALID_CSV");
    expect(err.extensions.line).toBe(3001);
    expect(err.message).toContain("第 3001 行");
  });

  it("a truncated UTF-8 character at the end fails", async () => {
    const buf = Buffer.from("a,b\n中", "utf8").subarray(0, 6);
    const err = await failure(decodeAll(buf, "UTF8"));
    expect(err.code).toBe("INVALID_CSV");
    expect(err.extensions.line).toBe(2);
  });

  it("invalid GBK bytes fail with the line", async () => {
    const buf = Buffer.concat([iconv.encode("甲,乙\n丙,丁\n", "gbk"), Buffer.from([0xff, 0x0a])]);
    const err = await failure(decodeAll(buf, "GBK"));
    expect(err.code).toBe("INVALID_CSV");
    expect(err.extensions.line).toBe(3);
  });

  it("refuses UTF-16", async () => {
    const err = await failure(decodeAll(Buffer.from("\ufeffa,b", "utf16le"), "AUTO"));
    expect(err.code).toBe("INVALID_CSV");
    expect(err.message).toContain("UTF-16");
  });

  it("yields nothing for an empty source and closes the source when abandoned", async () => {
    expect(await decodeAll(Buffer.alloc(0), "AUTO")).toEqual({ text: "", used: undefined });
    let closed = false;
    async function* src() {
      try {
        for (let i = 0; ; i++) yield Buffer.from(`line ${i}\n`);
      } finally {
        closed = true;
      }
    }
    for await (const s of decodeCsvBytes(src(), { probeBytes: 16 })) {
      expect(s).toContain("line 0");
      break;
    }
    expect(closed).toBe(true);
  });
});
