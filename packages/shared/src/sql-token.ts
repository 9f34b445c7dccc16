import { raw } from "@mikro-orm/core";

/**
 * "The list column `column` (stored as `|a|b|c|`) holds `token`", as an exact comparison: never a
 * LIKE pattern, so no character of an identity or a user's text can widen the match (a department of
 * "%" listed every plan). `replace()` and `length()` mean the same on SQLite and PostgreSQL.
 */
export function hasToken(column: string, token: string): Record<string, { $gt: number }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(column)) throw new Error(`not a column name: ${column}`);
  const needle = `|${token}|`;
  return { [raw((alias) => `length(${alias}.${column}) - length(replace(${alias}.${column}, ?, ''))`, [needle])]: { $gt: 0 } };
}
