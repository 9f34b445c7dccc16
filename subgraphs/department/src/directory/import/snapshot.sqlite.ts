import { RECORD_FIELDS } from "@ssj/shared";

/** The stage's column of each field of the record (import.stage.ts). */
const COLUMN_OF: Record<(typeof RECORD_FIELDS)[number], string> = {
  uscc: "uscc",
  name: "name",
  category: "category",
  address: "address",
  legalRepresentative: "legal_representative",
  region: "region",
  supervisionTypes: "supervision_types",
  riskClass: "risk_class",
  abnormalList: "abnormal_list",
  dishonest: "dishonest",
  seriousViolation: "serious_violation",
  keySectors: "key_sectors",
};
const LISTS = new Set<string>(["supervisionTypes", "keySectors"]);
const FLAGS = new Set<string>(["abnormalList", "dishonest", "seriousViolation"]);

/**
 * The history snapshot of a staged row `alias`, as SQLite text, byte for byte what `snapshotOf` (record.service.ts)
 * gives for the same record with `removedAt: null`: the fields in `RECORD_FIELDS` order, text quoted by `json_quote`
 * (the escapes of `JSON.stringify`: `\"`, `\\`, `\b \f \n \r \t`, other controls as lower-case `\u00xx`, nothing
 * else; snapshot.sqlite.test.ts holds it), the lists as the JSON text already staged for their columns, the flags
 * as `true`/`false`.
 *
 * Why in SQL: on SQLite the snapshot was serialised in JavaScript for every row and staged as the widest column of
 * the temporary table, then copied into the history. Built in the history insert instead, it costs nothing for the
 * rows that are not written (identical ones) and the staged row is half as wide (docs/performance.md).
 *
 * Text reaches SQLite as UTF-8, so a lone UTF-16 surrogate (which `JSON.stringify` writes as `\udxxx`) would read
 * U+FFFD here, as it does in the record's columns; a decoded CSV file never holds one (csv/decode.ts).
 */
export function snapshotSql(alias: string): string {
  const parts = RECORD_FIELDS.map((f, i) => {
    const column = `${alias}.${COLUMN_OF[f]}`;
    const value = LISTS.has(f) ? column : FLAGS.has(f) ? `iif(${column}, 'true', 'false')` : `json_quote(${column})`;
    return `'${i ? "," : "{"}"${f}":' || ${value}`;
  });
  return `${parts.join(" || ")} || ',"removedAt":null}'`;
}
