import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { syntheticCounty } from "./bench/synthetic.js";
import { digest } from "./canonical.js";
import { canonicalCommittedPoolOf, COMMITTED_POOL_FORMAT, committedPoolChunksOf } from "./commitment.js";
import { runDraw } from "./draw.js";
import { findLine, parseCommittedPool, wholeLineChunks } from "./pool-text.js";
import { publicView, publicViewOfCommitted, viewDigest, viewDigestOfCommittedText } from "./public-view.js";
import type { CandidateEntry, DrawRecord } from "./types.js";

const county = syntheticCounty({ subjects: 3000, inspectors: 60, experts: 10, prngSeed: 5 });
const record = runDraw({
  pools: { candidates: county.candidates, inspectors: county.inspectors, experts: county.experts },
  rules: { ratios: { FLAGGED: 0.5, D: 0.3, C: 0.1, B: 0.05, A: 0.02 }, minInspectors: 2, matters: county.matters },
  ceremonyValues: ["福彩3D 2026327期 581"],
});
const saltOf = (id: string) => createHash("sha256").update(id).digest("hex").slice(0, 32);
const whole = (v: unknown) => createHash("sha256").update(JSON.stringify(v)).digest("hex");

describe("the view's digest read from the committed pool text", () => {
  it("is the digest of the view built from the same text, and of the view rebuilt from pools and salts", () => {
    const salts = Object.fromEntries(county.candidates.map((c) => [c.subjectId, saltOf(c.subjectId)]));
    const text = canonicalCommittedPoolOf(county.candidates, salts);
    expect(text.length).toBeGreaterThan(4 << 16); // several pieces of the streamed hash
    const d = digest(text);
    const fromText = viewDigestOfCommittedText(record, text, d);
    expect(fromText).toBe(viewDigest(publicViewOfCommitted(record, parseCommittedPool(text), d)));
    expect(fromText).toBe(whole(publicView(record, county.candidates, salts)));
  });

  it("escapes ids as JSON does, finds escaped and non-BMP ids, and leaves a commitment empty for an id not in the pool", () => {
    const odd: CandidateEntry[] = [
      { subjectId: 'q"uote\\back', stratum: "D", matters: ["market:12", "ecology:3"], departments: ["market", "ecology"] },
      { subjectId: "a\tb,c\\d\n", stratum: "A", matters: ["x:1,2", "y\\,z"], departments: [] },
      { subjectId: "𠀀-above-BMP", stratum: "C", matters: ["market:1"], departments: ["market"] },
      { subjectId: "\uffff-last-unit", stratum: "B", matters: ["market:1"], departments: ["market"] },
      { subjectId: "91512002MA6XYZ0001", stratum: "FLAGGED", matters: ["market:1"], departments: ["market"] },
    ];
    const r = JSON.parse(JSON.stringify(record)) as DrawRecord;
    ["a\tb,c\\d\n", "𠀀-above-BMP", 'q"uote\\back', "\uffff-last-unit", "not-in-the-pool"].forEach((id, i) => (r.selected[i]!.id = id));
    const text = canonicalCommittedPoolOf(odd, (c) => saltOf(c.subjectId));
    const d = digest(text);
    const view = publicViewOfCommitted(r, parseCommittedPool(text), d);
    expect(view.selected.slice(0, 5).map((s) => s.commitment === "")).toEqual([false, false, false, false, true]);
    expect(viewDigestOfCommittedText(r, text, d)).toBe(whole(view));
  });

  it("is the same read from the text's chunks, split at lines as stored or anywhere, and finds every drawn line", () => {
    const salts = Object.fromEntries(county.candidates.map((c) => [c.subjectId, saltOf(c.subjectId)]));
    const text = canonicalCommittedPoolOf(county.candidates, salts);
    const d = digest(text);
    const expected = viewDigestOfCommittedText(record, text, d);
    const atLines = (size: number) => [...committedPoolChunksOf(county.candidates, salts, size)];
    const anywhere = (size: number) =>
      Array.from({ length: Math.ceil(text.length / size) }, (_, k) => text.slice(k * size, k * size + size));
    for (const chunks of [atLines(1), atLines(5000), atLines(1 << 20), anywhere(977), [...atLines(3000), ""]]) {
      expect(viewDigestOfCommittedText(record, chunks, d)).toBe(expected);
      expect(parseCommittedPool(chunks)).toEqual(parseCommittedPool(text));
    }
    const chunks = wholeLineChunks(atLines(5000));
    expect(chunks.length).toBeGreaterThan(10);
    for (const c of county.candidates.slice(0, 500)) {
      const line = findLine(chunks, COMMITTED_POOL_FORMAT, c.subjectId)!;
      expect(line.chunk.slice(line.at, line.chunk.indexOf("\t", line.at))).toBe(c.subjectId);
    }
    expect(findLine(chunks, COMMITTED_POOL_FORMAT, "0-before-every-id")).toBeNull();
    expect(findLine(chunks, COMMITTED_POOL_FORMAT, "\uffff-after-every-id")).toBeNull();
  });

  it("refuses a text that is not a committed pool, or whose last line has no LF", () => {
    expect(() => viewDigestOfCommittedText(record, ["ssj-committed-candidate-pool/1\n", "x\ty\tz\tw"], "0".repeat(64))).toThrow(/换行符/);
    expect(() => viewDigestOfCommittedText(record, "ssj-candidate-pool/1\n", "0".repeat(64))).toThrow(/格式/);
  });
});
