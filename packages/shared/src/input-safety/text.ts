/**
 * Characters no clerk types and no database column should hold: C0 controls other than tab, line
 * feed and carriage return, DEL and the C1 controls. A NUL reached SQLite as text and answered
 * INTERNAL_SERVER_ERROR; now every text input is refused with a clear message before any resolver.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** The first control character of `s` as `U+XXXX`, or null. */
export function controlCharacterIn(s: string): string | null {
  const m = CONTROL.exec(s);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}` : null;
}

/** The message a clerk reads for a control character found in `where`. */
export function controlCharacterMessage(where: string, code: string): string {
  return `${where}含有不可见的控制字符（${code}），请删除后重试`;
}

/** Zero-width characters (space, non-joiner, joiner, word joiner, BOM): invisible, so never part of an identifier. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * The form in which identifiers typed by people (certificate numbers) are stored and compared:
 * Unicode NFKC (full-width ＡＢ１２ → AB12) without zero-width characters, so that a full-width
 * digit or a pasted zero-width space cannot register the same certificate twice.
 */
export function normalizeIdentifier(s: string): string {
  return s.normalize("NFKC").replace(ZERO_WIDTH, "");
}
