import { describe, expect, it } from "vitest";
import {
  canonicalCandidatePool,
  canonicalExpertPool,
  canonicalInspectorPool,
  candidatePoolDigest,
  digest,
  expertPoolDigest,
  inspectorPoolDigest,
} from "./canonical.js";
import { DuplicateIdError, InvalidInputError } from "./errors.js";
import type { CandidateEntry, InspectorEntry } from "./types.js";

const candidates: CandidateEntry[] = [
  { subjectId: "91512002MA6XYZ0002", stratum: "D", matters: ["market:12", "ecology:3", "market:12"], departments: ["market", "ecology"] },
  { subjectId: "91512002MA6XYZ0001", stratum: "FLAGGED", matters: ["market:1"], departments: ["market"] },
  { subjectId: "a\tb,c\\d", stratum: "A", matters: ["x:1,2"], departments: [] },
];

const inspectors: InspectorEntry[] = [
  {
    id: "market:7",
    department: "market",
    categories: ["食品", "特种设备"],
    region: "512002",
    status: "ACTIVE",
    conflicts: ["91512002MA6XYZ0001"],
    lastVisitedSubject: "91512002MA6XYZ0002",
    level: "county",
  },
  { id: "market:10", department: "market", categories: [], region: "512021", status: "SUSPENDED", conflicts: [] },
];

describe("canonical pools", () => {
  it("candidate pool text is exactly as documented in FORMAT.md", () => {
    expect(canonicalCandidatePool(candidates)).toBe(
      "ssj-candidate-pool/1\n" +
        "91512002MA6XYZ0001\tFLAGGED\tmarket:1\tmarket\n" +
        "91512002MA6XYZ0002\tD\tecology:3,market:12\tecology,market\n" +
        "a\\tb,c\\\\d\tA\tx:1\\,2\t\n",
    );
  });

  it("inspector pool text is exactly as documented in FORMAT.md", () => {
    expect(canonicalInspectorPool(inspectors)).toBe(
      "ssj-inspector-pool/1\n" +
        "market:10\tmarket\t\t512021\tSUSPENDED\t\t\t\n" +
        "market:7\tmarket\t特种设备,食品\t512002\tACTIVE\t91512002MA6XYZ0001\t91512002MA6XYZ0002\tcounty\n",
    );
    expect(canonicalExpertPool([]).startsWith("ssj-expert-pool/1\n")).toBe(true);
  });

  it("digests are SHA-256 of the text and do not depend on input order", () => {
    expect(candidatePoolDigest(candidates)).toBe(digest(canonicalCandidatePool(candidates)));
    expect(candidatePoolDigest([...candidates].reverse())).toBe(candidatePoolDigest(candidates));
    expect(inspectorPoolDigest(inspectors)).toBe(digest(canonicalInspectorPool(inspectors)));
    expect(inspectorPoolDigest([...inspectors].reverse())).toBe(inspectorPoolDigest(inspectors));
    expect(expertPoolDigest(inspectors)).not.toBe(inspectorPoolDigest(inspectors));
    expect(digest("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("any change of an entry changes the digest", () => {
    const d = candidatePoolDigest(candidates);
    expect(candidatePoolDigest([{ ...candidates[0]!, stratum: "C" }, candidates[1]!, candidates[2]!])).not.toBe(d);
    expect(candidatePoolDigest([{ ...candidates[0]!, matters: ["market:12"] }, candidates[1]!, candidates[2]!])).not.toBe(d);
    const i = inspectorPoolDigest(inspectors);
    expect(inspectorPoolDigest([{ ...inspectors[0]!, lastVisitedSubject: null }, inspectors[1]!])).not.toBe(i);
    expect(inspectorPoolDigest([{ ...inspectors[0]!, status: "TRANSFERRED" }, inspectors[1]!])).not.toBe(i);
  });

  it("sorts by code point, not by UTF-16 unit", () => {
    const text = canonicalCandidatePool([
      { subjectId: "\u{1F600}", stratum: "A", matters: [], departments: [] },
      { subjectId: "\uFF21", stratum: "A", matters: [], departments: [] },
    ]);
    expect(text.split("\n")[1]!.startsWith("\uFF21")).toBe(true);
  });

  it("rejects duplicates, unknown strata, empty or malformed fields", () => {
    expect(() => canonicalCandidatePool([candidates[0]!, candidates[0]!])).toThrow(DuplicateIdError);
    expect(() => canonicalCandidatePool([{ ...candidates[0]!, stratum: "E" as never }])).toThrow(InvalidInputError);
    expect(() => canonicalCandidatePool([{ ...candidates[0]!, subjectId: "" }])).toThrow(InvalidInputError);
    expect(() => canonicalCandidatePool([{ ...candidates[0]!, matters: [""] }])).toThrow(InvalidInputError);
    expect(() => canonicalCandidatePool([{ ...candidates[0]!, subjectId: "x\uD800" }])).toThrow(InvalidInputError);
    expect(() => canonicalInspectorPool([{ ...inspectors[0]!, status: "RETIRED" as never }])).toThrow(InvalidInputError);
  });
});
