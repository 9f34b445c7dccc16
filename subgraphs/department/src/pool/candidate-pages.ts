import type { FilterQuery } from "@mikro-orm/core";
import type { EntityManager as SqlEntityManager } from "@mikro-orm/knex";
import { recordFilter } from "../directory/record.service.js";
import { SupervisionRecord } from "../directory/supervision-record.entity.js";

/** Rows read per SQL statement while streaming a pool. */
export const PAGE = 5000;

/** What a county asks of a candidate pool (`GET /pool/candidates?regions=…&categories=…&supervisionTypes=…`). */
export interface CandidateQuery {
  regions: string[];
  categories: string[];
  supervisionTypes: string[];
}

/** The pool's filter: records not removed, in one of the regions, categories and supervision types (each if any). */
export function candidateWhere(q: CandidateQuery): FilterQuery<SupervisionRecord> {
  return {
    $and: [
      recordFilter({}),
      ...(q.regions.length ? [{ $or: q.regions.map((r) => recordFilter({ region: r })) }] : []),
      ...(q.categories.length ? [{ category: { $in: q.categories } }] : []),
      ...(q.supervisionTypes.length ? [{ $or: q.supervisionTypes.map((t) => recordFilter({ supervisionType: t })) }] : []),
    ],
  } as FilterQuery<SupervisionRecord>;
}

/**
 * The pool as a query: the rows of `where` with the columns a candidate line carries. Every way of serving a pool
 * (a page built in JavaScript or by SQLite, PostgreSQL's COPY) starts from this one query, so they cannot disagree
 * on which rows a pool holds.
 */
export function poolQuery(em: SqlEntityManager, where: FilterQuery<SupervisionRecord>) {
  return em
    .createQueryBuilder(SupervisionRecord)
    .select([
      "id",
      "uscc",
      "name",
      "region",
      "category",
      "supervisionTypes",
      "riskClass",
      "abnormalList",
      "dishonest",
      "seriousViolation",
      "keySectors",
    ])
    .where(where as never);
}

/** One page of the pool: the rows after id `after`, by id, `PAGE` of them (keyset pagination). */
function pageQuery(em: SqlEntityManager, where: FilterQuery<SupervisionRecord>, after: number) {
  return poolQuery(em, { $and: [where, { id: { $gt: after } }] } as FilterQuery<SupervisionRecord>)
    .orderBy({ id: "asc" })
    .limit(PAGE);
}

/** One page of a pool stream: how many rows, the last one's id (the next page's key), and its lines, each LF-terminated. */
export interface PoolPage {
  count: number;
  last: number;
  chunk: string | Buffer;
}

/** The raw rows of a page (column names as in the table): a million-line stream must not build entities. */
export async function candidateRows(
  em: SqlEntityManager,
  where: FilterQuery<SupervisionRecord>,
  after: number,
): Promise<Record<string, unknown>[]> {
  return (await pageQuery(em, where, after).execute("all", false)) as unknown as Record<string, unknown>[];
}

/** A list column's JSON text: SQLite gives the stored text, PostgreSQL the parsed array. */
export const listJson = (v: unknown): string => (typeof v === "string" ? v : JSON.stringify(v));

/** A raw row as an NDJSON line (`CandidateLine`). */
export function candidateRowJson(r: Record<string, unknown>): string {
  return `{"uscc":${JSON.stringify(r.uscc)},"name":${JSON.stringify(r.name)},"region":${JSON.stringify(r.region)},"category":${JSON.stringify(r.category)},"supervisionTypes":${listJson(r.supervision_types)},"riskClass":${JSON.stringify(r.risk_class)},"abnormalList":${Boolean(r.abnormal_list)},"dishonest":${Boolean(r.dishonest)},"seriousViolation":${Boolean(r.serious_violation)},"keySectors":${listJson(r.key_sectors)}}`;
}

/** A page built in JavaScript from the raw rows, one line per row by `line`. */
export async function candidateRowsPage(
  em: SqlEntityManager,
  where: FilterQuery<SupervisionRecord>,
  after: number,
  line: (r: Record<string, unknown>) => string,
): Promise<PoolPage> {
  const rows = await candidateRows(em, where, after);
  if (!rows.length) return { count: 0, last: after, chunk: "" };
  let chunk = "";
  for (const r of rows) chunk += line(r) + "\n";
  return { count: rows.length, last: Number(rows.at(-1)!.id), chunk };
}

/**
 * A TSV page built by SQLite in one statement: the page's rows (the query of `pageQuery`, its values bound), each
 * made into a line by `tsvLineSql` and joined in id order, arriving as one `Buffer` of UTF-8 to write as is.
 * (PostgreSQL serves the whole pool by one COPY instead: candidate-copy.ts.)
 *
 * Why: building 200,000 lines in JavaScript — a row object per subject, ten property reads, four escape tests and
 * a template string per line, then the page's `join` and its UTF-8 encoding in `res.write` — cost a department
 * 1.0–1.2 s of CPU per 200,000-row pool alone and ≈ 2.5 s in a joint freeze, where five departments compete for two
 * cores with the county (docs/performance.md). SQLite builds the same text inside the statement it already runs:
 * 0.55–0.7 s alone, and 0.8–1.9 s instead of 1.8–3.7 s per department in the joint freeze.
 */
export async function candidateTsvPage(em: SqlEntityManager, where: FilterQuery<SupervisionRecord>, after: number): Promise<PoolPage> {
  const knex = em.getConnection().getKnex();
  const text = `cast(group_concat(${tsvLineSql("t")}, char(10) order by t.id) || char(10) as blob)`;
  const query = knex
    .select(knex.raw(`count(*) as n, max(t.id) as last, ${text} as chunk`))
    .from(pageQuery(em, where, after).getKnexQuery().as("t"));
  const tx = em.getTransactionContext();
  if (tx) query.transacting(tx);
  const [row] = (await query) as { n: number; last: number | null; chunk: Buffer | null }[];
  const count = Number(row?.n ?? 0);
  if (!count) return { count: 0, last: after, chunk: "" };
  return { count, last: Number(row!.last), chunk: row!.chunk! };
}

/** A flag column as the line's `1` or `0` (SQLite stores 1/0, PostgreSQL a boolean: the same expression for both). */
export const flagSql = (t: string, c: string) => `case when ${t}.${c} then '1' else '0' end`;

/**
 * The SQLite expression of one TSV line (as `candidateTsvLine` builds it) over the columns of the page's rows `t`.
 * Escapes are spelled with `char(92)`, not as literals holding a backslash, so that no query builder reads them.
 * The two lists are the JSON texts as SQLite stores them (the NDJSON lines carry the same texts).
 */
export function tsvLineSql(t: string): string {
  const bs = "char(92)";
  // the backslash first, so that the backslashes the other escapes bring are not doubled
  const escaped = (x: string) =>
    `replace(replace(replace(replace(${x}, ${bs}, ${bs} || ${bs}), char(9), ${bs} || 't'), char(10), ${bs} || 'n'), char(13), ${bs} || 'r')`;
  const tab = " || char(9) || ";
  const fields = [
    `${t}.uscc`,
    `coalesce(${t}.name, '')`,
    `${t}.region`,
    `${t}.category`,
    `${t}.supervision_types`,
    `${t}.risk_class`,
    `${t}.key_sectors`,
  ];
  const flags = ["abnormal_list", "dishonest", "serious_violation"].map((c) => flagSql(t, c));
  const line = (e: (x: string) => string) => [...fields.slice(0, 6).map(e), ...flags, e(fields[6]!)].join(tab);
  // Nearly no row holds a character to escape: one scan of the row's text decides, and only such a row pays for the
  // 28 replace calls (they were 60 % of the statement; the test covers both branches).
  return `case when ${fields.join(" || ")} glob '*[' || char(9, 10, 13, 92) || ']*' then ${line(escaped)} else ${line((x) => x)} end`;
}
