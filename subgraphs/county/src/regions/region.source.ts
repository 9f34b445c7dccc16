import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { RegionTable } from "./region-table.js";

/** The demo's table: 资阳市, its districts and counties and some of their towns (town codes illustrative, as in the demo data). */
export const DEMO_REGIONS_FILE = fileURLToPath(new URL("../../regions/ziyang.csv", import.meta.url));

let table: RegionTable | undefined;

/**
 * The deployment's region table: the `code,name` CSV named by `REGIONS_FILE`, else the demo's.
 * Read on first use and kept; a malformed file fails loudly, naming the line.
 */
export function regionTable(): RegionTable {
  if (!table) {
    const file = process.env.REGIONS_FILE || DEMO_REGIONS_FILE;
    table = RegionTable.parse(readFileSync(file, "utf8"), file);
  }
  return table;
}
