import { describe, expect, it } from "vitest";
import { findSubjectFacts, subjectFactsOf } from "./subject-facts.js";
import { SubjectSnapshot, SUBJECTS_FORMAT } from "./subject-snapshot.js";

/** Subject ids numbered in the order first seen, as the tally does. */
function indexer() {
  const ids = new Map<string, number>();
  return { of: (id: string) => ids.get(id) ?? ids.set(id, ids.size).get(id)!, find: (id: string) => ids.get(id) ?? -1 };
}

describe("the subjects' snapshot at the freeze", () => {
  it("is stored in chunks that join to the same text, with Chinese names and astral characters beside the boundaries", () => {
    const ids = indexer();
    const s = new SubjectSnapshot(false, ids.find);
    const all = ["U1", "U2", "U3", "U4"];
    const names = ["安岳县某店", "𠀀号", "", "a\tb"];
    all.forEach((id, i) => s.add(ids.of(id), { name: names[i] || undefined }, "market", "market", 0));
    const text = s.serialise(all);
    for (const size of [1, 5, 13, text.length, 1 << 20]) {
      const chunks = [...s.serialiseChunks(all, size)];
      expect(chunks.join("")).toBe(text);
      for (const c of chunks) expect(c.endsWith("\n")).toBe(true);
    }
  });

  it("lets go of its names and of the tally's index once released (the freeze drops them after storing the text)", () => {
    const ids = indexer();
    const s = new SubjectSnapshot(true, ids.find);
    s.add(ids.of("U1"), { name: "乐至某店" }, "city", "lezhi", 2);
    expect(s.facts(0)).toEqual({ name: "乐至某店", directories: { city: "lezhi" } });
    s.release();
    expect(s.facts(0)).toEqual({ name: null, directories: null });
    expect(s.serialise(["U1"])).toBe(`${SUBJECTS_FORMAT}\nU1\t\t\n`);
  });

  it("takes the city's own record over a unit's, and the first unit in registry order, whatever order the streams answer in", () => {
    // ranks: city 0 (the plan's department), then its units anyue 1 and lezhi 2
    const lines: [string, string, string, number][] = [
      ["U1", "乐至某店", "lezhi", 2],
      ["U1", "安岳某店", "anyue", 1],
      ["U2", "资阳某店", "lezhi", 2],
      ["U2", "资阳某店（市）", "city", 0],
      ["U3", "乐至另一店", "lezhi", 2],
    ];
    for (const order of [lines, [...lines].reverse()]) {
      const ids = indexer();
      const s = new SubjectSnapshot(true, ids.find);
      for (const [uscc, name, source, rank] of order) s.add(ids.of(uscc), { name }, "city", source, rank);
      expect(s.facts(ids.find("U1"))).toEqual({ name: "安岳某店", directories: { city: "anyue" } });
      expect(s.facts(ids.find("U2"))).toEqual({ name: "资阳某店（市）", directories: null });
      expect(s.facts(ids.find("U3"))).toEqual({ name: "乐至另一店", directories: { city: "lezhi" } });
      const text = s.serialise(["U1", "U2"]);
      expect(text).toBe(`${SUBJECTS_FORMAT}\nU1\t安岳某店\t{"city":"anyue"}\nU2\t资阳某店（市）\t\n`);
      expect(findSubjectFacts([text], "U1")).toEqual({ name: "安岳某店", directories: { city: "anyue" } });
      expect(findSubjectFacts([text], "U2")).toEqual({ name: "资阳某店（市）", directories: null });
      expect(findSubjectFacts([text], "U3")).toEqual({ name: null, directories: null });
    }
  });

  it("reads a line's name only when it keeps it (a TSV line's view decodes it then)", () => {
    const ids = indexer();
    const s = new SubjectSnapshot(false, ids.find);
    let reads = 0;
    const line = (name: string | undefined) => ({
      get name() {
        reads++;
        return name;
      },
    });
    s.add(ids.of("U1"), line("某店（卫健）"), "health", "health", 1);
    s.add(ids.of("U1"), line("某店"), "market", "market", 0);
    expect(reads).toBe(2);
    // a name from a later directory in registry order than the one kept is not read
    s.add(ids.of("U1"), line("某店（生态）"), "ecology", "ecology", 2);
    expect(reads).toBe(2);
    expect(s.facts(ids.find("U1"))).toEqual({ name: "某店", directories: null });
  });

  it("keeps no directory for a plan drawing only its departments' own directories, and no name a department did not send", () => {
    const ids = indexer();
    const s = new SubjectSnapshot(false, ids.find);
    s.add(ids.of("U1"), { name: "某店" }, "market", "market", 0);
    s.add(ids.of("U1"), { name: "某店（卫健）" }, "health", "health", 1);
    s.add(ids.of("U2"), { name: undefined }, "market", "market", 0);
    s.add(ids.of("U3"), { name: undefined }, "health", "health", 1);
    s.add(ids.of("U3"), { name: "后到的名称" }, "market", "market", 0);
    expect(s.facts(ids.find("U1"))).toEqual({ name: "某店", directories: null });
    expect(s.facts(ids.find("U2"))).toEqual({ name: null, directories: null });
    expect(s.facts(ids.find("U3"))).toEqual({ name: "后到的名称", directories: null });
  });

  it("finds every stored subject by binary search, ids in code-point order and names with TABs and newlines included", () => {
    const ids = indexer();
    const s = new SubjectSnapshot(false, ids.find);
    // code-point order differs from UTF-16 order for the astral character (U+1F600 sorts after U+FF5E)
    const all = Array.from({ length: 500 }, (_, i) => `9151${String(i * 7).padStart(6, "0")}`).concat(["Z～", "Z😀", "a\tb"]);
    const names = (id: string) => (id.endsWith("3") ? undefined : `名称 ${id}\t第二列\n第二行 \\`);
    for (const id of [...all].reverse()) s.add(ids.of(id), { name: names(id) }, "market", "market", 0);
    const text = s.serialise(all);
    expect(text.split("\n")).toHaveLength(all.length + 2);
    // whole, and as stored chunks (of ≈ 2,000 characters: a dozen of them)
    for (const chunks of [[text], [...s.serialiseChunks(all, 2000)]]) {
      for (const id of all) expect(findSubjectFacts(chunks, id)).toEqual({ name: names(id) ?? null, directories: null });
      for (const absent of ["", "0", "9151000001", "Z", "Z😀!", "zz"])
        expect(findSubjectFacts(chunks, absent)).toEqual({ name: null, directories: null });
    }
  });

  it("still reads the form stored by draws frozen before (one JSON object), and none at all", () => {
    const old = subjectFactsOf(JSON.stringify({ U1: ["安岳某店", { city: "anyue" }], U2: [null, null] }));
    expect(old("U1")).toEqual({ name: "安岳某店", directories: { city: "anyue" } });
    expect(old("U2")).toEqual({ name: null, directories: null });
    expect(old("U3")).toEqual({ name: null, directories: null });
    expect(subjectFactsOf(null)("U1")).toEqual({ name: null, directories: null });
  });
});
