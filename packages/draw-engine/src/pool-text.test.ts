import { describe, expect, it } from "vitest";
import { canonicalCandidatePool, candidatePoolDigest } from "./canonical.js";
import { canonicalCommittedPool, canonicalCommittedPoolOf, commitCandidates, committedPoolDigest } from "./commitment.js";
import { digest } from "./canonical.js";
import { runDraw } from "./draw.js";
import { isCanonicalCandidatePool, parseCandidatePool } from "./pool-text.js";
import type { CandidateEntry, DrawInput } from "./types.js";

const candidates: CandidateEntry[] = [
  { subjectId: "91512002MA6XYZ0002", stratum: "D", matters: ["market:12", "ecology:3", "market:12"], departments: ["market", "ecology"] },
  { subjectId: "91512002MA6XYZ0001", stratum: "FLAGGED", matters: ["market:1"], departments: ["market"] },
  { subjectId: "a\tb,c\\d\n", stratum: "A", matters: ["x:1,2", "y\\,z"], departments: [] },
  { subjectId: "𠀀-above-BMP", stratum: "C", matters: ["market:1"], departments: ["market"] },
];

describe("parseCandidatePool", () => {
  it("reads back entries whose canonical text is the same bytes", () => {
    const text = canonicalCandidatePool(candidates);
    expect(isCanonicalCandidatePool(text)).toBe(true);
    const parsed = parseCandidatePool(text);
    expect(parsed).toHaveLength(candidates.length);
    expect(canonicalCandidatePool(parsed)).toBe(text);
    expect(parsed.find((c) => c.subjectId.startsWith("a"))).toEqual({
      subjectId: "a\tb,c\\d\n",
      stratum: "A",
      matters: ["x:1,2", "y\\,z"],
      departments: [],
    });
  });

  it("reads the same entries, and the same digest, from the text's chunks however it is split", () => {
    const text = canonicalCandidatePool(candidates);
    const whole = parseCandidatePool(text);
    const lineEnds = [...text.matchAll(/\n/g)].map((m) => m.index + 1);
    // split at whole lines (as the county stores it), and at every other place too (a line carried over)
    const splits: number[][] = [lineEnds.slice(0, -1), ...Array.from({ length: text.length - 1 }, (_, i) => [i + 1])];
    splits.push([text.length - 1, text.length], [0, 5, 5, 40]);
    for (const cuts of splits) {
      const chunks = [0, ...cuts].map((from, i) => text.slice(from, [...cuts, text.length][i]));
      expect(chunks.join("")).toBe(text);
      if (!chunks[0]!.startsWith("ssj-candidate-pool/1\n")) {
        expect(() => parseCandidatePool(chunks)).toThrow(/格式/);
        continue;
      }
      expect(parseCandidatePool(chunks)).toEqual(whole);
      // the digest hashes each chunk's UTF-8: equal where no chunk ends inside a character (stored chunks end at lines)
      if (!chunks.some((c) => /[\uD800-\uDBFF]$/.test(c))) expect(digest(chunks)).toBe(digest(text));
    }
    expect(() => parseCandidatePool([text.slice(0, -1), ""])).toThrow(/换行/);
    expect(() => parseCandidatePool([text, "x\tA\n"])).toThrow(/4 个字段/);
  });

  it("tells the JSON form older draws stored from the canonical text", () => {
    expect(isCanonicalCandidatePool(JSON.stringify(candidates))).toBe(false);
    expect(() => parseCandidatePool(JSON.stringify(candidates))).toThrow(/格式/);
  });

  it("refuses a line with an unknown stratum or a missing field", () => {
    const text = canonicalCandidatePool(candidates);
    expect(() => parseCandidatePool(text.replace("\tFLAGGED\t", "\tX\t"))).toThrow(/层级/);
    expect(() => parseCandidatePool(text.replace("\tFLAGGED\tmarket:1\t", "\tFLAGGED\tmarket:1 "))).toThrow(/4 个字段/);
    expect(() => parseCandidatePool(text.slice(0, -1))).toThrow(/换行/);
  });
});

describe("streamed committed pool digest", () => {
  it("equals the digest of the whole text", () => {
    const salts = Object.fromEntries(candidates.map((c, i) => [c.subjectId, i.toString(16).padStart(32, "0")]));
    const committed = commitCandidates(candidates, salts);
    expect(committedPoolDigest(committed)).toBe(digest(canonicalCommittedPool(committed)));
    expect(committedPoolDigest([...committed].reverse())).toBe(committedPoolDigest(committed));
    expect(canonicalCommittedPoolOf([...candidates].reverse(), salts)).toBe(canonicalCommittedPool(committed));
  });
});

describe("runDraw with a verified candidate digest", () => {
  it("gives the same record as recomputing the digest", () => {
    const input: DrawInput = {
      pools: {
        candidates: candidates.slice(0, 2),
        inspectors: [
          {
            id: "market:1",
            department: "market",
            categories: [],
            region: "512002",
            status: "ACTIVE",
            conflicts: [],
            lastVisitedSubject: null,
          },
          {
            id: "ecology:1",
            department: "ecology",
            categories: [],
            region: "512002",
            status: "ACTIVE",
            conflicts: [],
            lastVisitedSubject: null,
          },
        ],
        experts: [],
      },
      rules: {
        ratios: { FLAGGED: 1, D: 1, C: 1, B: 1, A: 1 },
        cap: 10,
        minInspectors: 1,
        matters: {
          "market:1": { department: "market", categories: [], expertCategories: null },
          "market:12": { department: "market", categories: [], expertCategories: null },
          "ecology:3": { department: "ecology", categories: [], expertCategories: null },
        },
      },
      ceremonyValues: ["381"],
    };
    const full = runDraw(input);
    const fast = runDraw(input, { verifiedCandidateDigest: candidatePoolDigest(input.pools.candidates) });
    expect(JSON.stringify(fast)).toBe(JSON.stringify(full));
  });
});
