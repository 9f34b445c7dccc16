/**
 * The forms spreadsheets (and the clerks typing into them) use for the directory's columns, read
 * into the canonical values. Documented for users in the README ("Importing a directory"); the
 * template served at `GET /import/template.csv` shows one of each.
 */

/** Yes/no cells: 是/否, Y/N, yes/no, 1/0, TRUE/FALSE (any case, half- or full-width); an empty cell is 否. */
const TRUE_WORDS = new Set(["是", "true", "1", "y", "yes", "t", "√", "有"]);
const FALSE_WORDS = new Set(["否", "false", "0", "n", "no", "f", "", "×", "无"]);

/** Full-width ASCII (Ｂ, １, ＴＲＵＥ) and the ideographic space, as half-width. */
export function halfWidth(s: string): string {
  if (!/[\u3000\uFF01-\uFF5E]/.test(s)) return s; // the common case, without building a new string
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

/** `true`/`false`, or `undefined` for a cell that is neither. */
export function readFlag(cell: string): boolean | undefined {
  const w = halfWidth(cell).trim().toLowerCase();
  if (TRUE_WORDS.has(w)) return true;
  if (FALSE_WORDS.has(w)) return false;
  return undefined;
}

/**
 * 风险等级 as spreadsheets write it: "B", "b", "B类", "B 类", "Ｂ类", "B级" → "B". Anything else is
 * returned trimmed, for the record check to refuse with its own message.
 */
export function readRiskClass(cell: string): string {
  const t = halfWidth(cell).trim();
  const m = /^([A-Da-d])\s*[类级]?$/.exec(t);
  return m ? m[1]!.toUpperCase() : t;
}

/** Separators accepted between the items of a list cell (监管类型, 重点领域): 、 ， , ; ； | */
export const LIST_SEPARATORS = ["、", "，", ",", ";", "；", "|"] as const;

/** A list cell split on any of `LIST_SEPARATORS`, items trimmed, empty items dropped. */
export function splitList(cell: string): string[] {
  return cell
    .split(/[、，,;；|]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
