import { publicView, runDraw, viewDigest } from "@ssj/draw-engine";
import { describe, expect, it } from "vitest";
import { syntheticCounty } from "../../../packages/draw-engine/src/bench/synthetic.js";
import { verifyPublicFile } from "./verify-file-core.js";

/** A disclosed public record of a small synthetic draw, as `GET /draws/:id/record.json` serves it. */
function recordFile() {
  const county = syntheticCounty({ subjects: 300, inspectors: 40, experts: 5 });
  const record = runDraw({
    pools: { candidates: county.candidates, inspectors: county.inspectors, experts: county.experts },
    rules: { ratios: { FLAGGED: 0.5, D: 0.3, C: 0.1, B: 0.05, A: 0.02 }, cap: 100, minInspectors: 2, matters: county.matters },
    ceremonyValues: ["福彩3D 2027001 期 123"],
  });
  const view = publicView(
    record,
    county.candidates,
    Object.fromEntries(county.candidates.map((c, i) => [c.subjectId, i.toString(16).padStart(32, "0")])),
  );
  const file = {
    format: "ssj-public-draw/2",
    disclosure: { policy: "IMMEDIATE", disclosed: true, viewDigest: viewDigest(view) },
    view,
    chain: { name: "draw:t", checkpoints: [], keys: [] },
  };
  return { file, committed: viewDigest(view) };
}

describe("the view digest of the file's own bytes (rawViewDigest)", () => {
  it("stands in for re-serialising the view when it equals the committed digest", () => {
    const { file, committed } = recordFile();
    expect(verifyPublicFile(file, { rawViewDigest: committed }).ok).toBe(true);
  });

  it("changes nothing when it differs: a tampered view is still caught by the engine's own digest", () => {
    const { file } = recordFile();
    file.view.selected[0]!.ticket = "0.1";
    const r = verifyPublicFile(file, { rawViewDigest: "0".repeat(64) });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.firstDifference).toMatch(/^view: hashes to/);
  });
});
