import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as browser from "./browser.js";
import * as node from "./node.js";

/** The browser build must hash exactly as the Node build, or a draw verified in the browser would differ. */
describe("SHA-256 in the browser and in Node", () => {
  it("gives the same hex, raw bytes and incremental digest for any text", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme" }), { minLength: 1, maxLength: 4 }), (chunks) => {
        const text = chunks.join("");
        expect(browser.sha256HexOf(text)).toBe(node.sha256HexOf(text));
        const b = browser.sha256RawOf(text);
        const n = node.sha256RawOf(text);
        for (let i = 0; i < 32; i++) expect(browser.digestByte(b, i)).toBe(node.digestByte(n, i));
        const hb = browser.createSha256();
        const hn = node.createSha256();
        for (const c of chunks) {
          hb.update(c);
          hn.update(c);
        }
        expect(hb.hex()).toBe(hn.hex());
      }),
    );
  });

  it("knows the FIPS 180-2 test vector", () => {
    expect(browser.sha256HexOf("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });
});
