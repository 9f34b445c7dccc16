import { describe, expect, it } from "vitest";
import { ceremonyText, commitmentOf } from "./ceremony.js";
import { deriveSeed } from "./seed.js";

const lottery = {
  kind: "LOTTERY",
  source: "福彩3D",
  issue: "2027087",
  date: "2027-03-31",
  value: "381",
  witnesses: ["纪检 王某", "公证员 李某"],
} as const;

describe("ceremony text (ssj-ceremony/1)", () => {
  it("lists every field in a fixed order, witnesses sorted by code point", () => {
    expect(ceremonyText(lottery)).toBe(
      "ssj-ceremony/1\nkind\tLOTTERY\nsource\t福彩3D\nissue\t2027087\ndate\t2027-03-31\nvalue\t381\nwitnesses\t公证员 李某,纪检 王某",
    );
  });

  it("uses values exactly as entered: surrounding spaces change the text and the seed", () => {
    const spaced = ceremonyText({ ...lottery, value: " 381" });
    expect(spaced).toContain("value\t 381\n");
    const digests = { candidatePoolDigest: "a".repeat(64), inspectorPoolDigest: "b".repeat(64), expertPoolDigest: "c".repeat(64) };
    expect(deriveSeed({ ...digests, ceremonyValues: [spaced] })).not.toBe(
      deriveSeed({ ...digests, ceremonyValues: [ceremonyText(lottery)] }),
    );
  });

  it("escapes separators and leaves absent optional fields empty", () => {
    expect(ceremonyText({ kind: "DICE", value: "3\t5", witnesses: ["a,b"] })).toBe(
      "ssj-ceremony/1\nkind\tDICE\nsource\t\nissue\t\ndate\t\nvalue\t3\\t5\nwitnesses\ta\\,b",
    );
  });

  it("refuses an empty value, an unknown kind and a malformed date", () => {
    expect(() => ceremonyText({ ...lottery, value: "" })).toThrow(/value/);
    expect(() => ceremonyText({ ...lottery, kind: "COIN" as never })).toThrow(/类型/);
    expect(() => ceremonyText({ ...lottery, date: "2027/3/31" })).toThrow(/YYYY-MM-DD/);
  });

  it("commits to the value's exact UTF-8 bytes", () => {
    expect(commitmentOf("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(commitmentOf("abc ")).not.toBe(commitmentOf("abc"));
  });
});
