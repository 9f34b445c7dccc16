/**
 * `npm run verify-draw -- <record.json>`: recomputes a published draw and prints `verified`, or the
 * first difference. Anyone can run it on the public record (it carries the frozen candidate pool):
 * the seed, every ticket, the per-stratum counts and the selection are recomputed. With the auditor's
 * export (`record.json?pools=all`, which adds the inspector and expert pools) the whole record,
 * inspector assignment included, is recomputed by the same engine the county service ran.
 */
import { readFileSync } from "node:fs";
import { verifyPublicFile } from "./verify/verify-file.js";

const path = process.argv[2];
if (!path) {
  console.error("用法 / usage: npm run verify-draw -- <record.json>");
  process.exit(2);
}
let file: unknown;
try {
  file = JSON.parse(readFileSync(path, "utf8"));
} catch (e) {
  console.error(`无法读取 / cannot read ${path}: ${(e as Error).message}`);
  process.exit(2);
}
const result = verifyPublicFile(file);
if (result.ok) {
  console.log(`verified — ${result.scope}`);
} else {
  console.log(`NOT verified: ${result.firstDifference}`);
  process.exit(1);
}
