import { raw } from "@mikro-orm/core";

/**
 * "The list column `column` (stored as `|a|b|c|`) holds `token`", as an exact comparison: never a
 * LIKE pattern, so no character of an identity or a user's text can widen the match (a department of
 * "%" listed every plan). `replace()` and `length()` mean the same on SQLite and PostgreSQL.
 */
export function hasToken(column: string, token: string): Record<string, { $gt: number }> {
  if (!/^[a-z_][a-z0-9_]*$/.test(column)) throw new Error(`not a column name: ${column}`);
  const needle = `|${withoutPlaceholders(token)}|`;
  return { [raw((alias) => `length(${alias}.${column}) - length(replace(${alias}.${column}, ?, ''))`, [needle])]: { $gt: 0 } };
}

/**
 * MikroORM writes a raw fragment's values into the SQL text as literals, and knex then takes every `?` of that
 * text, literals included, for a placeholder of the statement's own values: a `?` in a user's text shifted them
 * (`plans(department: "?", first: 1)` ended in `limit NULL`, found by the fuzz test). Stored tokens are department
 * codes and `department:inspector` pairs, which never hold a `?` (DEPARTMENT_CODE_PATTERN), so a token with one
 * matches nothing, and U+FFFD (never in a code either) keeps it matching nothing without the `?`.
 */
function withoutPlaceholders(text: string): string {
  return text.replace(/\?/g, "\uFFFD");
}
