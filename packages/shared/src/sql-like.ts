import { raw } from "@mikro-orm/core";
import { AppError, ErrorCode } from "./errors.js";

/**
 * A user's search text as a `LIKE '%…%' ESCAPE '\'` pattern, its `%`, `_` and `\` escaped: a search for "10%"
 * finds names containing "10%", not every name containing "10". Blank or over 200 characters is refused
 * (`field`, `label` name the argument in the error). A `?` stands for any one character.
 */
export function containsPattern(text: string, field: string, label: string): string {
  const t = text.trim();
  if (!t) throw new AppError(ErrorCode.BAD_USER_INPUT, `${label}不能为空白`, { field });
  if (t.length > 200) throw new AppError(ErrorCode.BAD_USER_INPUT, `${label}过长（最多 200 个字符）`, { field });
  // `?` as `_` (any one character): a `?` must not reach the SQL text (see withoutPlaceholders), so a search for
  // "a?b" also finds "a？b" and "axb" — wider, never narrower
  return `%${t.replace(/[\\%_]/g, "\\$&").replace(/\?/g, "_")}%`;
}

/**
 * "`column` contains `text`" as a filter. MikroORM's `$like` has no ESCAPE clause, and SQLite has no default
 * escape character, hence the raw fragment (the same SQL on SQLite and PostgreSQL).
 */
export function containsText(column: string, text: string, field: string, label: string): Record<string, unknown> {
  if (!/^[a-z_][a-z0-9_]*$/.test(column)) throw new Error(`not a column name: ${column}`);
  const pattern = containsPattern(text, field, label);
  return { [raw((alias: string) => `${alias ? `${alias}.` : ""}${column} like ? escape '\\'`, [pattern])]: [] };
}
