import { describe, expect, it } from "vitest";
import { saltCandidates, saltsJson, saltsJsonChunks } from "./salts.js";

describe("the stored salts", () => {
  it("are the JSON object subject id → salt, in chunks that join to the same text", () => {
    const salted = saltCandidates(
      ["91512002MA6XYZ0001", '安岳县"某"店', "𠀀"].map((subjectId) => ({ subjectId, stratum: "A" as const, matters: [], departments: [] })),
    );
    const text = saltsJson(salted);
    expect(JSON.parse(text)).toEqual(Object.fromEntries(salted.map((c) => [c.subjectId, c.salt])));
    for (const size of [1, 2, 40, text.length, 1 << 20]) expect([...saltsJsonChunks(salted, size)].join("")).toBe(text);
    expect(saltsJson([])).toBe("{}");
  });
});
