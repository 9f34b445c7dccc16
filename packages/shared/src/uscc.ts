import { AppError, ErrorCode } from "./errors.js";

/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 *
 * 18 characters:
 *   1      登记管理部门代码 (registration authority: 1 机构编制, 5 民政, 9 工商/市场监管, Y 其他 …)
 *   2      机构类别代码 (type within that authority, e.g. 91 企业, 92 个体工商户, 93 农民专业合作社)
 *   3–8    登记管理机关行政区划码 (6-digit administrative division code)
 *   9–17   主体标识码 (organisation code, GB 11714, itself ending in its own check character)
 *   18     校验码, over the first 17 characters
 *
 * Characters come from `0123456789ABCDEFGHJKLMNPQRTUWXY` (no I, O, Z, S, V); position i (1-based) of the
 * first 17 is weighted 3^(i-1) mod 31 and the check character is (31 − Σ mod 31) mod 31.
 *
 * Decision: we check length, character set, the 6-digit division code and the check digit, but NOT the
 * registration-authority (1st) and type (2nd) characters against the standard's tables. Those tables have
 * been amended since 2015 (2 外交, 3 司法行政, 4 文化, 6 旅游, 7 宗教, 8 工会, A 中央军委改革和编制办公室,
 * N 农业 …) and a real code the platform has never heard of must not be refused; a mistyped character
 * is caught by the check digit anyway. `usccAuthority` describes them for display only.
 *
 * Input is normalised before checking: surrounding whitespace trimmed, full-width ASCII (common when
 * codes are copied from Chinese documents, e.g. "９１３５…") turned into half-width, letters upper-cased.
 */

export const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
export const USCC_LENGTH = 18;
export const USCC_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

const VALUE = new Map<string, number>([...USCC_CHARSET].map((c, i) => [c, i]));
/** value of each ASCII character in the charset, −1 if not in it */
const CODE_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_CHARSET.length; i++) CODE_VALUE[USCC_CHARSET.charCodeAt(i)] = i;
const WELL_FORMED = /^[0-9A-HJ-NP-RTUWXY]{2}[0-9]{6}[0-9A-HJ-NP-RTUWXY]{10}$/;

/** Trim, turn full-width ASCII into half-width, upper-case. */
export function normalizeUscc(code: string): string {
  return code
    .trim()
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

/** The check character for the first 17 characters (which must already be upper-case and in the charset). */
export function usccCheckDigit(first17: string): string {
  if (first17.length !== 17) {
    throw new RangeError(`usccCheckDigit expects 17 characters, got ${first17.length}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const code = first17.charCodeAt(i);
    const v = code < 128 ? CODE_VALUE[code]! : -1;
    if (v < 0) throw new RangeError(`usccCheckDigit: illegal character ${JSON.stringify(first17[i])} at position ${i + 1}`);
    sum += v * USCC_WEIGHTS[i]!;
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/**
 * Why a code is not a valid USCC, in Chinese, or null if it is valid. Checks, in order: empty, length,
 * character set (first offending position), division code digits, check digit.
 */
export function explainUsccError(code: unknown): string | null {
  if (code === null || code === undefined || (typeof code === "string" && code.trim() === "")) {
    return "统一社会信用代码不能为空";
  }
  if (typeof code !== "string") return "统一社会信用代码应为文本";
  if (WELL_FORMED.test(code)) {
    // fast path (bulk imports): already normalised, right length and characters
    const expected = usccCheckDigit(code.slice(0, 17));
    return code[17] === expected ? null : `统一社会信用代码校验码错误，应为 ${expected}`;
  }
  const c = normalizeUscc(code);
  const chars = [...c];
  if (chars.length !== USCC_LENGTH) {
    return `统一社会信用代码应为18位，实际为 ${chars.length} 位`;
  }
  for (let i = 0; i < chars.length; i++) {
    if (!VALUE.has(chars[i]!)) {
      return `统一社会信用代码第 ${i + 1} 位含非法字符“${chars[i]}”（只能是数字和大写字母，不含 I、O、Z、S、V）`;
    }
  }
  if (!/^[0-9]{6}$/.test(c.slice(2, 8))) {
    return `统一社会信用代码第 3–8 位应为 6 位数字的行政区划码，实际为“${c.slice(2, 8)}”`;
  }
  const expected = usccCheckDigit(c.slice(0, 17));
  if (c[17] !== expected) {
    return `统一社会信用代码校验码错误，应为 ${expected}`;
  }
  return null;
}

export function isValidUscc(code: string): boolean {
  return typeof code === "string" && explainUsccError(code) === null;
}

/** The normalised code, or an AppError `INVALID_USCC` with the precise reason (details: `field: "uscc"`). */
export function validateUscc(code: unknown, field = "uscc"): string {
  const reason = explainUsccError(code);
  if (reason !== null) throw new AppError(ErrorCode.INVALID_USCC, reason, { field });
  return normalizeUscc(code as string);
}

const AUTHORITIES: Record<string, string> = {
  "1": "机构编制",
  "2": "外交",
  "3": "司法行政",
  "4": "文化",
  "5": "民政",
  "6": "旅游",
  "7": "宗教",
  "8": "工会",
  "9": "市场监督管理（工商）",
  A: "中央军委改革和编制办公室",
  N: "农业",
  Y: "其他",
};

/** The registration authority named by the first character (display only; unknown → null). */
export function usccAuthority(code: string): string | null {
  return AUTHORITIES[normalizeUscc(code).charAt(0)] ?? null;
}
