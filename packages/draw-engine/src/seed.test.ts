import { describe, expect, it } from "vitest";
import { deriveSeed, seedText } from "./seed.js";
import { sha256Hex } from "./sampler.js";
import { InvalidInputError } from "./errors.js";

const a = "a".repeat(64),
  b = "b".repeat(64),
  c = "c".repeat(64);

describe("seed derivation", () => {
  it("hashes the documented text", () => {
    const inputs = { candidatePoolDigest: a, inspectorPoolDigest: b, expertPoolDigest: c, ceremonyValues: ["20261127", "x\ty"] };
    const text = `ssj-draw-seed/1\ncandidates\t${a}\ninspectors\t${b}\nexperts\t${c}\nceremony\t20261127\nceremony\tx\\ty\n`;
    expect(seedText(inputs)).toBe(text);
    expect(deriveSeed(inputs)).toBe(sha256Hex(text));
    expect(deriveSeed(inputs)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("depends on every input, and on the order of the ceremony values", () => {
    const base = { candidatePoolDigest: a, inspectorPoolDigest: b, expertPoolDigest: c, ceremonyValues: ["1", "2"] };
    const s = deriveSeed(base);
    expect(deriveSeed({ ...base, ceremonyValues: ["2", "1"] })).not.toBe(s);
    expect(deriveSeed({ ...base, candidatePoolDigest: b })).not.toBe(s);
    expect(deriveSeed({ ...base, inspectorPoolDigest: a })).not.toBe(s);
    expect(deriveSeed({ ...base, expertPoolDigest: a })).not.toBe(s);
    expect(deriveSeed({ ...base, ceremonyValues: ["12"] })).not.toBe(s);
    expect(deriveSeed({ ...base })).toBe(s);
  });

  it("refuses missing ceremony values and malformed digests", () => {
    expect(() => deriveSeed({ candidatePoolDigest: a, inspectorPoolDigest: b, expertPoolDigest: c, ceremonyValues: [] })).toThrow(
      InvalidInputError,
    );
    expect(() => deriveSeed({ candidatePoolDigest: a, inspectorPoolDigest: b, expertPoolDigest: c, ceremonyValues: [""] })).toThrow(
      InvalidInputError,
    );
    expect(() =>
      deriveSeed({ candidatePoolDigest: "A".repeat(64), inspectorPoolDigest: b, expertPoolDigest: c, ceremonyValues: ["1"] }),
    ).toThrow(InvalidInputError);
  });
});
