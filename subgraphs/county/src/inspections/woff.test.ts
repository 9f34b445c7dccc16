import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sfntFromWoff } from "./woff.js";

const require = createRequire(import.meta.url);

describe("sfntFromWoff", () => {
  it("unwraps the report font into a font fontkit reads with the same glyphs and Chinese coverage", () => {
    const fontkit = require("fontkit");
    const woff = readFileSync(require.resolve("@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff"));
    const sfnt = sfntFromWoff(woff);
    const a = fontkit.create(woff);
    const b = fontkit.create(sfnt);
    expect(b.type).toBe("TTF");
    expect(b.numGlyphs).toBe(a.numGlyphs);
    expect(b.glyphsForString("抽查报告").map((g: { id: number }) => g.id)).toEqual(
      a.glyphsForString("抽查报告").map((g: { id: number }) => g.id),
    );
    expect(b.glyphsForString("抽").every((g: { id: number }) => g.id > 0)).toBe(true);
  });

  it("refuses what is not WOFF 1.0", () => {
    expect(() => sfntFromWoff(Buffer.from("OTTO0000"))).toThrow(/WOFF/);
  });
});
