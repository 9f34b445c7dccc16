import { describe, expect, it } from "vitest";
import { hashOf, IdTable } from "./id-table.js";

const utf8 = (s: string) => Buffer.from(s, "utf8");
/** Adds a string's UTF-8 bytes, as a line's id is added from its network buffer. */
const addString = (t: IdTable, s: string) => {
  const b = utf8(s);
  return t.add(b, 0, b.length);
};

describe("the id table (byte keys → dense indices)", () => {
  it("numbers keys 0, 1, 2… as first added, and gives equal bytes the same index wherever they sit", () => {
    const t = new IdTable();
    expect(t.size).toBe(0);
    expect(t.indexOf(utf8("a"), 0, 1)).toBe(-1);
    expect(t.add(utf8("abc"), 0, 3)).toBe(0);
    expect(t.add(utf8("xxabcyy"), 2, 5)).toBe(0);
    expect(t.add(utf8("ab"), 0, 2)).toBe(1);
    expect(t.add(utf8("abcd"), 0, 4)).toBe(2);
    expect(t.add(utf8(""), 0, 0)).toBe(3);
    expect(t.add(utf8("--"), 1, 1)).toBe(3);
    expect(t.size).toBe(4);
    expect(t.indexOf(utf8("zabcd"), 1, 5)).toBe(2);
    expect(t.indexOf(utf8("abce"), 0, 4)).toBe(-1);
    expect(t.indexOfString("abcd")).toBe(2);
  });

  it("keys a string by its UTF-8 bytes: non-ASCII and astral characters, different lengths", () => {
    const t = new IdTable();
    const keys = ["成都", "成都市", "Z😀", "Z", "é", "e\u0301", "a\tb", "x".repeat(1000)];
    keys.forEach((k, i) => expect(addString(t, k)).toBe(i));
    keys.forEach((k, i) => {
      const b = utf8(`<${k}>`);
      expect(t.indexOf(b, 1, b.length - 1)).toBe(i);
      expect(t.add(b, 1, b.length - 1)).toBe(i);
      expect(t.indexOfString(k)).toBe(i);
    });
    expect(t.indexOfString("成")).toBe(-1);
    // latin1 "é" is one byte 0xE9; UTF-8 "é" is two: different keys
    expect(t.indexOf(Buffer.from("é", "latin1"), 0, 1)).toBe(-1);
    expect(t.size).toBe(keys.length);
  });

  it("keeps every key through many growths", () => {
    const t = new IdTable();
    const n = 200_000;
    const key = (i: number) => `9151${String((i * 7919) % n).padStart(14, "0")}`;
    const wrong: number[] = [];
    for (let i = 0; i < n; i++) if (addString(t, key(i)) !== i) wrong.push(i);
    for (let i = 0; i < n; i++) {
      const b = utf8(key(i));
      if (t.indexOf(b, 0, b.length) !== i || t.add(b, 0, b.length) !== i) wrong.push(i);
    }
    expect(wrong).toEqual([]);
    expect(t.size).toBe(n);
    expect(t.indexOfString(key(0) + "0")).toBe(-1);
  });

  it("tells apart keys whose hashes are equal, through growth", () => {
    // every key of one length has the same hash: all compared byte for byte
    class Colliding extends IdTable {
      protected override hash(_bytes: Uint8Array, start: number, end: number): number {
        return (end - start) % 4;
      }
    }
    const t = new Colliding();
    const keys = Array.from({ length: 3000 }, (_, i) => `k${i}`).concat(["成都", "成都市", "", "Z😀"]);
    keys.forEach((k, i) => expect(addString(t, k)).toBe(i));
    keys.forEach((k, i) => expect(t.indexOfString(k)).toBe(i));
    keys.forEach((k, i) => expect(addString(t, k)).toBe(i));
    expect(t.indexOfString("k3000")).toBe(-1);
    expect(t.size).toBe(keys.length);
  });

  it("finds keys whose slots collide (probing past the others), and a key absent among them", () => {
    // keys with the same low hash bits land in the same slot of a small table
    const t = new IdTable();
    const want = hashOf(utf8("k0"), 0, 2) & 1023;
    const same: string[] = [];
    for (let i = 0; same.length < 20; i++) {
      const k = `k${i}`;
      if ((hashOf(utf8(k), 0, k.length) & 1023) === want) same.push(k);
    }
    same.forEach((k, i) => expect(addString(t, k)).toBe(i));
    same.forEach((k, i) => expect(t.indexOfString(k)).toBe(i));
    expect(t.indexOfString("k-absent")).toBe(-1);
  });
});
