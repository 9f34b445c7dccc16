import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compareTickets, firstFraction, nextFraction, sampler, sha256Hex, sha256Uniform, ticket, trim } from "./sampler.js";
import { DuplicateIdError } from "./errors.js";
import { sampleWithoutReplacement, TicketTable } from "./ticket-table.js";

const zyIds = Array.from({ length: 1000 }, (_, i) => "9151" + String((i * 7919) % 10 ** 14).padStart(14, "0"));
const ZY_SEED = "20261127-资阳-001";

describe("consistent sampler (vectors from consistent-sampler 1.0.10)", () => {
  it("sha256_hex / sha256_uniform", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Uniform("abc")).toBe("0.56998071861792858926477341561059638840106636224182943832566300809078486324348");
  });

  it("first_fraction and ticket", () => {
    const v = "0.26299714122838008416507544297546663599715395525154425586041245287750224561854";
    expect(firstFraction("AB-130", "01382438112797316654")).toBe(v);
    expect(ticket("AB-130", "01382438112797316654")).toBe(v);
  });

  it("next_fraction", () => {
    expect(nextFraction("0.25471")).toBe("0.642853261655004694691182528114375607701032283189922170593838029306715548381901");
    expect(nextFraction("0.26299714122838008416507544297546663599715395525154425586041245287750224561854")).toBe(
      "0.8232357229934205790595761924514048157652891124687533667363938813600770093316",
    );
  });

  it("trim", () => {
    expect(trim("0.9991234567890", 4)).toBe("0.9991234");
    expect(trim("0.12345678901234")).toBe("0.123456789");
  });

  it("make_ticket_heap doc example tickets", () => {
    const seed = "xy()134!g2n";
    expect(firstFraction("cat", seed)).toBe("0.24866413894129579898796850445568128508290132707747976039848637531569373309555");
    expect(firstFraction("dog", seed)).toBe("0.33886035615681875183111698317327684455682722683976874746986356932751818935066");
    expect(firstFraction("fish", seed)).toBe("0.74685932088827950509145941729789143204056041958068799542050396198792954500593");
    expect(firstFraction("goat", seed)).toBe("0.49599842072022713663423753308080171636735689997237236247068925068573448764387");
  });

  it("sampler doc examples (with and without replacement)", () => {
    const withRepl = [...sampler(["A#2", "B#7", "C#1", "D#4"], "314159", { withReplacement: true, take: 8 })].map((t) => t.id);
    expect(withRepl).toEqual(["D#4", "C#1", "C#1", "B#7", "A#2", "C#1", "D#4", "B#7"]);
    const without = [...sampler(["ab-1", "ab-2", "cd-1", "ef-3"], "314159")].map((t) => [t.ticketNumber, t.id, t.generation]);
    expect(without).toEqual([
      ["0.317685817", "cd-1", 1],
      ["0.832984519", "ef-3", 1],
      ["0.9098039269", "ab-1", 1],
      ["0.9231549043", "ab-2", 1],
    ]);
  });

  it("Ziyang vector: 1000 ids without replacement", () => {
    const drawn = sampleWithoutReplacement(zyIds, ZY_SEED);
    expect(drawn).toHaveLength(1000);
    expect(drawn[0]!.id).toBe("915100000002930030");
    expect(drawn[0]!.ticket.startsWith("0.000860943194312096")).toBe(true);
    expect(drawn[1]!.id).toBe("915100000004125799");
    expect(drawn[1]!.ticket.startsWith("0.000930473273144886")).toBe(true);
    expect(drawn[2]!.id).toBe("915100000002557837");
    expect(drawn[2]!.ticket.startsWith("0.001088384108208988")).toBe(true);
    expect(drawn[9]!.id).toBe("915100000003436846");
    // take = 10 gives the same prefix; the slow faithful generator gives the same order
    expect(sampleWithoutReplacement(zyIds, ZY_SEED, 10)).toEqual(drawn.slice(0, 10));
    const slow = [...sampler(zyIds, ZY_SEED, { digits: Infinity })].map((t) => ({ id: t.id, ticket: t.ticketNumber }));
    expect(slow).toEqual(drawn);
  });

  it("more vectors computed with the Python package (non-ASCII ids, with replacement)", () => {
    const vectors: [string, string][] = [
      ["91512002MA6XYZ0001", "0.334816078496032158448097499645250459873650845672113582455605500008940652299801"],
      ["市场主体-甲", "0.12801044798814299261395027004599844173210739689533814350826560417250476158942"],
      ["😀x", "0.846636637116796151317833617671427715003948622368276725764444622723319120428101"],
      ["a,b\tc", "0.52379836739209212432286943264608569433945290089663533318833932475330140715173"],
    ];
    for (const [id, t] of vectors) expect(firstFraction(id, ZY_SEED)).toBe(t);
    expect(sampleWithoutReplacement(zyIds, ZY_SEED, 1)[0]!.ticket).toBe(
      "0.00086094319431209655181077651800237720396427622467989386312350352427445858233",
    );
    const withRepl = [...sampler(["市", "场", "主体"], "s", { withReplacement: true, take: 10, digits: 12 })].map((t) => [
      t.ticketNumber,
      t.id,
      t.generation,
    ]);
    expect(withRepl).toEqual([
      ["0.143894025464", "市", 1],
      ["0.463922644471", "场", 1],
      ["0.583485097870", "主体", 1],
      ["0.627227283211", "市", 2],
      ["0.669831283703", "场", 2],
      ["0.676725370032", "主体", 2],
      ["0.736341167063", "主体", 3],
      ["0.831274616376", "市", 3],
      ["0.863846846911", "主体", 4],
      ["0.877646521645", "场", 3],
    ]);
  });

  it("fast selection equals a full sort by ticket for random pools", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 60 }),
        fc.string(),
        fc.nat(70),
        (ids, seed, take) => {
          const fast = sampleWithoutReplacement(ids, seed, take);
          const slow = ids
            .map((id) => ({ id, ticket: ticket(id, seed) }))
            .sort((a, b) => compareTickets(a.ticket, b.ticket))
            .slice(0, take);
          expect(fast).toEqual(slow);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("key ties fall back to the full ticket, then the id (forced ties)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 80 }),
        fc.array(fc.nat(79), { maxLength: 40 }),
        fc.nat(90),
        fc.nat(3),
        (n, dupes, take, groupsSeed) => {
          const ids = Array.from({ length: n }, (_, i) => `id-${i}`);
          const table = new TicketTable(ids, "seed");
          // force many equal 15-digit keys
          for (const d of dupes) if (d < n) table.keys[d] = table.keys[0]!;
          const groupOf = new Uint8Array(n).map((_, i) => (i + groupsSeed) % 3);
          const ks = [take, Math.floor(take / 2), n];
          const got = table.smallestByGroup(groupOf, ks);
          for (let g = 0; g < 3; g++) {
            const expected = ids
              .map((_, i) => i)
              .filter((i) => groupOf[i] === g)
              .sort((a, b) => table.compare(a, b))
              .slice(0, ks[g]);
            expect(got[g]).toEqual(expected);
          }
          const all = ids.map((_, i) => i);
          expect(table.sortByTicket(all)).toEqual([...all].sort((a, b) => table.compare(a, b)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("rejects duplicate ids like the Python assertion", () => {
    expect(() => sampleWithoutReplacement(["a", "b", "a"], "s")).toThrow(DuplicateIdError);
  });
});
