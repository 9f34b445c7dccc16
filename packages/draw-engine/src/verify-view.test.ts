import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { syntheticCounty } from "./bench/synthetic.js";
import { stratumCommitment } from "./commitment.js";
import { runDraw } from "./draw.js";
import { publicView, viewDigest, type PublicDrawView } from "./public-view.js";
import { compareTickets, ticket } from "./sampler.js";
import { verifyAudit, verifyOpening, verifyPublicView } from "./verify-view.js";
import type { DrawRecord, Pools } from "./types.js";

const county = syntheticCounty({ subjects: 400, inspectors: 60, experts: 10, prngSeed: 3 });
const pools: Pools = { candidates: county.candidates, inspectors: county.inspectors, experts: county.experts };
const record = runDraw({
  pools,
  rules: { ratios: { FLAGGED: 0.5, D: 0.3, C: 0.1, B: 0.05, A: 0.02 }, minInspectors: 2, matters: county.matters },
  ceremonyValues: ["福彩3D 2026327期 581"],
});
const salts = Object.fromEntries(
  pools.candidates.map((c) => [c.subjectId, createHash("sha256").update(c.subjectId).digest("hex").slice(0, 32)]),
);
const view = publicView(record, pools.candidates, salts);
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const opening = (id: string) => ({ subjectId: id, stratum: pools.candidates.find((c) => c.subjectId === id)!.stratum, salt: salts[id]! });

describe("the public view", () => {
  it("hashes, piece by piece, to the SHA-256 of its whole JSON text, whatever its key order", () => {
    const whole = (v: unknown) => createHash("sha256").update(JSON.stringify(v)).digest("hex");
    expect(view.candidates.length).toBeGreaterThan(100);
    expect(viewDigest(view)).toBe(whole(view));
    const { candidates, ...rest } = clone(view);
    const reordered = { candidates, ...rest } as PublicDrawView;
    expect(viewDigest(reordered)).toBe(whole(reordered));
    const empty = { ...rest, candidates: [] } as PublicDrawView;
    expect(viewDigest(empty)).toBe(whole(empty));
    // several 64 KiB pieces (not a valid view: only its hashing is checked here)
    const large = { ...rest, candidates: Array.from({ length: 8 }, () => candidates).flat() } as PublicDrawView;
    expect(JSON.stringify(large.candidates).length).toBeGreaterThan(4 << 16);
    expect(viewDigest(large)).toBe(whole(large));
  });

  it("names no stratum, and commits to each one", () => {
    const text = JSON.stringify(view.candidates) + JSON.stringify(view.selected);
    expect(text).not.toMatch(/"stratum"/);
    const c = pools.candidates[0]!;
    expect(view.candidates.find((x) => x.subjectId === c.subjectId)!.commitment).toBe(
      stratumCommitment(c.subjectId, c.stratum, salts[c.subjectId]!),
    );
    for (const s of view.strata)
      if (s.drawn) expect(s.threshold).toBe(record.selected.filter((x) => x.stratum === s.stratum).at(-1)!.ticket);
  });

  it("lets the public check seed, tickets, counts and thresholds", () => {
    const r = verifyPublicView(view);
    expect(r.ok).toBe(true);
    expect(r.checks.join("\n")).toMatch(/seed.*\n.*targets.*\n.*ticket/s);
    const t = clone(view);
    t.selected[2]!.ticket = t.selected[2]!.ticket.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    expect(verifyPublicView(t)).toMatchObject({ ok: false, firstDifference: expect.stringContaining("selected[2].ticket") });
    const c = clone(view);
    c.strata[1]!.target += 1;
    expect(verifyPublicView(c)).toMatchObject({ ok: false, firstDifference: expect.stringContaining("target") });
    const p = clone(view);
    p.candidates[5]!.commitment = "0".repeat(64);
    expect(verifyPublicView(p)).toMatchObject({ ok: false, firstDifference: expect.stringContaining("committedCandidates") });
  });

  it("lets a subject open its own commitment, and refuses a wrong salt or stratum", () => {
    const drawn = record.selected[0]!.id;
    expect(verifyOpening(view, opening(drawn))).toMatchObject({
      ok: true,
      checks: expect.arrayContaining([`${drawn} drawn, as its ticket and its stratum's threshold require`]),
    });
    const left = pools.candidates.find((c) => !record.selected.some((s) => s.id === c.subjectId))!.subjectId;
    expect(verifyOpening(view, opening(left)).ok).toBe(true);
    expect(verifyOpening(view, { ...opening(left), salt: "f".repeat(32) })).toMatchObject({
      ok: false,
      firstDifference: expect.stringContaining("does not match"),
    });
    const other = opening(left).stratum === "A" ? "B" : "A";
    expect(verifyOpening(view, { ...opening(left), stratum: other }).ok).toBe(false);
  });

  it("shows a subject that it was passed over, although the public checks still pass", () => {
    // The county drops X (stratum D, drawn) and draws Y (D, the next ticket) instead: counts and tickets still add up.
    const inD = record.selected.filter((s) => s.stratum === "D");
    const x = inD.at(-1)!;
    const [y] = pools.candidates
      .filter((c) => c.stratum === "D" && !record.selected.some((s) => s.id === c.subjectId))
      .map((c) => ({ id: c.subjectId, ticket: ticket(c.subjectId, record.seed.value) }))
      .sort((a, b) => compareTickets(a.ticket, b.ticket));
    const forged: DrawRecord = clone(record);
    const i = forged.selected.findIndex((s) => s.id === x.id);
    forged.selected[i] = { id: y!.id, stratum: "D", ticket: y!.ticket, rank: x.rank };
    forged.assignment[i] = { ...forged.assignment[i]!, subjectId: y!.id };
    const order = forged.selected.map((s, k) => k).sort((a, b) => compareTickets(forged.selected[a]!.ticket, forged.selected[b]!.ticket));
    forged.selected = order.map((k) => forged.selected[k]!);
    forged.assignment = order.map((k) => forged.assignment[k]!);
    const forgedView: PublicDrawView = publicView(forged, pools.candidates, salts);
    expect(verifyPublicView(forgedView)).toMatchObject({ ok: true });
    expect(verifyOpening(forgedView, opening(x.id))).toMatchObject({ ok: false, firstDifference: expect.stringContaining("passed over") });
    expect(verifyAudit(forgedView, { record: forged, ...pools, salts }).ok).toBe(false);
  });

  it("gives auditors everything, and notices a view that is not the record's", () => {
    const r = verifyAudit(view, { record, ...pools, salts });
    expect(r).toMatchObject({ ok: true, checks: expect.arrayContaining([expect.stringContaining("inspector assignment included")]) });
    const other = { ...salts, [pools.candidates[0]!.subjectId]: "a".repeat(32) };
    expect(verifyAudit(view, { record, ...pools, salts: other })).toMatchObject({
      ok: false,
      firstDifference: expect.stringContaining("committedCandidates"),
    });
  });
});

describe("stratum commitment", () => {
  it("matches the check value of FORMAT.md §9", () => {
    expect(stratumCommitment("91512002MA6XYZ0001", "C", "00112233445566778899aabbccddeeff")).toBe(
      "f5a66f47a1d807e25c3a5e06d06708fbfe6c5bacccdf9f3b3cb3141eff25fd63",
    );
    expect(() => stratumCommitment("x", "C", "short")).toThrow();
  });
});
