/**
 * `npm run verify-draw -- <record.json> [--opening opening.json] [--earlier earlier-record.json]`:
 * checks a published draw in the view the file allows (docs/draw-record.md, "Verifying"):
 * - public file: the seed, every ticket, the counts and each stratum's threshold (strata stay committed);
 * - with `--opening` (a subject's own opening, from its supervising department): also that the subject's
 *   commitment opens to its stratum and that it was drawn exactly if its ticket is within the threshold;
 * - auditors' file (`record.json?pools=all`): the whole record recomputed, every commitment opened.
 * Always: the signed checkpoints of the draw's chain; with `--earlier`, that they still extend the
 * earlier copy's (no truncation or rewrite) and that the view hashes to the value committed before.
 * Prints `verified (<view>)` and the checks made, or `NOT verified:` and the first difference (exit 1).
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { verifyPublicFile } from "./verify/verify-file.js";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { opening: { type: "string" }, earlier: { type: "string" } },
});
const read = (path: string): unknown => {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (e) {
    console.error(`无法读取 / cannot read ${path}: ${(e as Error).message}`);
    process.exit(2);
  }
};
const path = positionals[0];
if (!path) {
  console.error("用法 / usage: npm run verify-draw -- <record.json> [--opening opening.json] [--earlier earlier.json]");
  process.exit(2);
}
type Opening = { subjectId: string; stratum: string; salt: string };
// the mutation's whole answer ({ data: { discloseStratumOpening } }) or just the opening
const given = values.opening ? (read(values.opening) as Opening & { data?: { discloseStratumOpening?: Opening } }) : undefined;
const opening = given?.data?.discloseStratumOpening ?? given;
const result = verifyPublicFile(read(path), {
  opening: opening && { subjectId: opening.subjectId, stratum: opening.stratum as never, salt: opening.salt },
  earlier: values.earlier ? read(values.earlier) : undefined,
});
for (const c of result.checks) console.log(`  ✓ ${c}`);
if (result.ok) {
  console.log(`verified (${result.view} view) — ${result.scope}`);
} else {
  console.log(`NOT verified (${result.view} view): ${result.firstDifference}`);
  process.exit(1);
}
