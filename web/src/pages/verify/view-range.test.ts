import { describe, expect, it } from "vitest";
import { topLevelObjectRange } from "./view-range";

const enc = (s: string) => new TextEncoder().encode(s);
const slice = (text: string) => {
  const bytes = enc(text);
  const r = topLevelObjectRange(bytes, "view");
  return r && new TextDecoder().decode(bytes.subarray(r.start, r.end));
};

describe("the view's bytes in a record file", () => {
  it("are exactly JSON.stringify(view) for a file the server wrote", () => {
    const view = { a: [1, { b: 'x}"]' }], view: { c: "中文" } };
    const text = JSON.stringify({ format: "f", draw: { view: { no: 1 } }, view, chain: { k: "view" } });
    expect(slice(text)).toBe(JSON.stringify(view));
  });
  it("are found in a re-formatted file too (the caller then compares digests)", () => {
    expect(slice('{ "view" :\n {"x": 1} }')).toBe('{"x": 1}');
  });
  it("are absent when the view is withheld or missing", () => {
    expect(slice('{"view":null}')).toBeNull();
    expect(slice('{"summary":{"view":{}}}')).toBeNull();
  });
});
