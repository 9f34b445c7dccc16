import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { candidatePoolChunks, canonicalCandidatePool, digest } from "./canonical.js";
import { chunksOf, joinChunks } from "./chunks.js";
import { canonicalCommittedPoolOf, committedPoolChunksOf } from "./commitment.js";
import { STRATA } from "./strata.js";
import type { CandidateEntry } from "./types.js";

/** SHA-256 of the chunks fed one at a time, as freeze hashes a stored text. */
const hashOfChunks = (chunks: Iterable<string>) => {
  const h = createHash("sha256");
  for (const c of chunks) h.update(c, "utf8");
  return h.digest("hex");
};

/** The UTF-8 bytes of each chunk, concatenated: what the stored rows hold, read back byte for byte. */
const bytesOfChunks = (chunks: Iterable<string>) => Buffer.concat([...chunks].map((c) => Buffer.from(c, "utf8")));

// ids with two-, three- and four-byte characters (a surrogate pair above U+FFFF), and characters that are escaped
const ids = ["91512002MA6XYZ0001", "安岳县某店", "𠀀-above-BMP", "a\tb,c\\d\n", "é", "z𝔘", "资阳\\市"];
const candidates: CandidateEntry[] = ids.map((subjectId, i) => ({
  subjectId,
  stratum: STRATA[i % STRATA.length]!,
  matters: i % 2 ? ["market:1", "生态:2"] : ["x:1,2"],
  departments: ["market", "生态环境"],
}));
const salt = (c: CandidateEntry) => createHash("md5").update(c.subjectId).digest("hex");

describe("chunked canonical texts", () => {
  it("give the string form's bytes and digest at every chunk size, multi-byte characters at the boundaries", () => {
    const text = canonicalCandidatePool(candidates);
    const committed = canonicalCommittedPoolOf(candidates, salt);
    for (const size of [1, 2, 3, 7, 20, 64, text.length - 1, text.length, text.length + 1, 1 << 20]) {
      const chunks = [...candidatePoolChunks(candidates, size)];
      expect(joinChunks(chunks)).toBe(text);
      expect(bytesOfChunks(chunks).equals(Buffer.from(text, "utf8"))).toBe(true);
      expect(hashOfChunks(chunks)).toBe(digest(text));
      // each chunk is whole lines: UTF-8 of its own (no chunk ends inside a surrogate pair)
      for (const c of chunks) expect(c.endsWith("\n") && Buffer.from(c, "utf8").toString("utf8") === c).toBe(true);
      const committedChunks = [...committedPoolChunksOf(candidates, salt, size)];
      expect(joinChunks(committedChunks)).toBe(committed);
      expect(hashOfChunks(committedChunks)).toBe(digest(committed));
    }
    // the header rides with the first line
    expect([...candidatePoolChunks(candidates, 1)]).toHaveLength(candidates.length);
    expect([...candidatePoolChunks(candidates)]).toEqual([text]);
  });

  it("validate the entries as the string forms do", () => {
    const duplicate = [...candidates, { ...candidates[0]! }];
    expect(() => [...candidatePoolChunks(duplicate, 16)]).toThrow(/重复/);
    expect(() => canonicalCandidatePool(duplicate)).toThrow(/重复/);
    const badSalt = () => "not a salt";
    expect(() => [...committedPoolChunksOf(candidates, badSalt, 16)]).toThrow(/盐值/);
  });
});

describe("chunksOf", () => {
  it("concatenates head, pieces and tail whatever the chunk size, each chunk at least the size but the last", () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.string({ unit: "grapheme" })),
        fc.string(),
        fc.integer({ min: 1, max: 40 }),
        (head, pieces, tail, size) => {
          const chunks = [...chunksOf(head, pieces, (p) => p, size, tail)];
          expect(chunks.join("")).toBe(head + pieces.join("") + tail);
          expect(chunks.length).toBeGreaterThan(0);
          for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(size);
        },
      ),
    );
  });

  it("gives one empty chunk for an empty text", () => {
    expect([...chunksOf("", [], String, 8)]).toEqual([""]);
  });
});
