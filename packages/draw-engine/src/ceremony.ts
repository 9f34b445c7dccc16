/**
 * Ceremony values with their provenance (FORMAT.md §2.1, `ssj-ceremony/1`).
 *
 * Why: a bare string such as "381" says nothing a journalist can check. A structured value says where
 * it came from (福彩3D, issue 2027087, drawn 2027-03-31) and who saw it entered, so anyone can compare it
 * with the lottery's own publication. The seed (seed.ts) still takes plain strings: each structured value
 * becomes one canonical text by the rule below, which keeps every existing record verifiable unchanged.
 *
 * Rule. The canonical text is these lines joined by LF (no LF after the last one):
 *
 *     ssj-ceremony/1
 *     kind<TAB><LOTTERY | DICE | DEPARTMENT_COMMITMENT | OTHER>
 *     source<TAB><source, escaped>            e.g. 福彩3D, or the committing department's code
 *     issue<TAB><issue / period, escaped>     optional: empty when absent
 *     date<TAB><YYYY-MM-DD>                   optional: empty when absent
 *     value<TAB><value, escaped>              required, non-empty
 *     witnesses<TAB><list field of witnesses> optional: sorted by code point, de-duplicated
 *
 * Every field is used exactly as entered — no trimming, no case folding, no normalisation — and escaped
 * as a canonical field (`\` `TAB` `LF` `CR`); witnesses are a list field (`,` escaped too).
 */

import { sha256HexOf } from "#sha256";
import { InvalidInputError } from "./errors.js";
import { escapeField, isWellFormed, listField, requireText } from "./text.js";

export const CEREMONY_FORMAT = "ssj-ceremony/1";

export const CEREMONY_KINDS = ["LOTTERY", "DICE", "DEPARTMENT_COMMITMENT", "OTHER"] as const;
export type CeremonyKind = (typeof CEREMONY_KINDS)[number];

/** One value entered at the public draw, with where it came from and who saw it. */
export interface CeremonyValue {
  kind: CeremonyKind;
  /** e.g. 福彩3D, 体彩排列3, 现场骰子; for DEPARTMENT_COMMITMENT the department's code. */
  source?: string | null;
  /** Lottery issue / period, e.g. 2027087. */
  issue?: string | null;
  /** The day the value was produced, YYYY-MM-DD. */
  date?: string | null;
  value: string;
  /** Names or roles of the people present, e.g. 纪检监察室 王某. */
  witnesses?: readonly string[] | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function optional(v: string | null | undefined, what: string): string {
  if (v === null || v === undefined || v === "") return "";
  if (typeof v !== "string" || !isWellFormed(v)) throw new InvalidInputError(`${what} 必须是可编码为 UTF-8 的字符串`, { what, value: v });
  return v;
}

/** The canonical text of one ceremony value (the string fed to the seed). */
export function ceremonyText(c: CeremonyValue): string {
  if (!CEREMONY_KINDS.includes(c.kind)) throw new InvalidInputError(`现场随机值类型 ${String(c.kind)} 无效`, { kind: c.kind });
  const date = optional(c.date, "date");
  if (date && !DATE.test(date)) throw new InvalidInputError(`日期 ${date} 应为 YYYY-MM-DD`, { date });
  const witnesses = (c.witnesses ?? []).map((w) => requireText(w, "witness"));
  return [
    CEREMONY_FORMAT,
    `kind\t${c.kind}`,
    `source\t${escapeField(optional(c.source, "source"))}`,
    `issue\t${escapeField(optional(c.issue, "issue"))}`,
    `date\t${date}`,
    `value\t${escapeField(requireText(c.value, "value"))}`,
    `witnesses\t${listField(witnesses)}`,
  ].join("\n");
}

/**
 * The commitment to a value a department keeps secret until the ceremony: SHA-256 hex of the UTF-8
 * bytes of the value exactly as it will be revealed (the `value` field only).
 */
export function commitmentOf(value: string): string {
  return sha256HexOf(requireText(value, "value"));
}
