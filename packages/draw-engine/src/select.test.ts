import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { selectByStrata } from "./select.js";
import { compareTickets } from "./sampler.js";
import { sampleWithoutReplacement } from "./ticket-table.js";
import { STRATA } from "./strata.js";
import type { Stratum } from "./types.js";

const zyIds = Array.from({ length: 1000 }, (_, i) => "9151" + String((i * 7919) % 10 ** 14).padStart(14, "0"));

describe("selection per stratum", () => {
  it("one stratum reproduces the Python sampler order (Ziyang vector)", () => {
    const sel = selectByStrata(
      zyIds.map((subjectId) => ({ subjectId, stratum: "B" as const })),
      "20261127-资阳-001",
      { B: 10 },
    );
    expect(sel.map((s) => s.id).slice(0, 3)).toEqual(["915100000002930030", "915100000004125799", "915100000002557837"]);
    expect(sel[9]!.id).toBe("915100000003436846");
    expect(sel.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(sel[0]!.ticket.startsWith("0.000860943194312096")).toBe(true);
  });

  it("each stratum takes its smallest tickets; output is in ticket order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<Stratum>(...STRATA), { minLength: 1, maxLength: 200 }),
        fc.array(fc.nat(30), { minLength: 5, maxLength: 5 }),
        fc.string(),
        (strata, ks, seed) => {
          const cands = strata.map((stratum, i) => ({ subjectId: `S-${i}`, stratum }));
          const targets = Object.fromEntries(STRATA.map((s, i) => [s, ks[i]!]));
          const sel = selectByStrata(cands, seed, targets);
          for (const s of STRATA) {
            const ids = cands.filter((c) => c.stratum === s).map((c) => c.subjectId);
            const expected = sampleWithoutReplacement(ids, seed, targets[s]);
            const got = sel.filter((x) => x.stratum === s);
            expect(got.map((x) => ({ id: x.id, ticket: x.ticket }))).toEqual(expected);
            expect(got.map((x) => x.rank)).toEqual(expected.map((_, i) => i + 1));
          }
          for (let i = 1; i < sel.length; i++) expect(compareTickets(sel[i - 1]!.ticket, sel[i]!.ticket)).toBeLessThan(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});
