import type { SubjectRecordInput } from "@ssj/shared";

/**
 * What the two staging writers share (import.stage.sqlite.ts, import.stage.postgres.ts): the checked
 * rows of an import go into a temporary table with the record's columns, then set-based SQL links them
 * to the stored records by USCC, inserts the new, updates the changed and writes one history entry per
 * row written. Only the dialects differ (how rows get in, how transactions are cut).
 */

/** How many rows were added, changed, or left alone because they were identical. */
export interface ChunkResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** A stage that takes the checked rows while the file is read (file order) and is dropped at the end. */
export interface ImportStage {
  count: number;
  add(records: SubjectRecordInput[]): Promise<void>;
  dispose(): Promise<void>;
}

/**
 * The record's columns as the stage holds them. PostgreSQL's stage adds `snapshot`, the history entry serialised in
 * JavaScript; SQLite's builds it in its history insert (snapshot.sqlite.ts).
 */
export const STAGE_COLUMNS = [
  "uscc",
  "name",
  "category",
  "address",
  "legal_representative",
  "region",
  "supervision_types",
  "supervision_types_key",
  "risk_class",
  "abnormal_list",
  "dishonest",
  "serious_violation",
  "key_sectors",
  "key_sectors_key",
] as const;

/**
 * A staged row `s` identical to the live record `r`: then nothing is written and no history entry is
 * added. The lists compare by their keys (`listKey`), as the directory's filters do.
 */
export const SAME_AS_STORED = [
  "r.removed_at is null",
  ...STAGE_COLUMNS.filter((c) => c !== "uscc" && c !== "supervision_types" && c !== "key_sectors").map((c) => `r.${c} = s.${c}`),
].join(" and ");

/** `set` list of an update of the record from the staged row. */
export const SET_FROM_STAGE = STAGE_COLUMNS.filter((c) => c !== "uscc")
  .map((c) => `${c} = s.${c}`)
  .join(", ");
