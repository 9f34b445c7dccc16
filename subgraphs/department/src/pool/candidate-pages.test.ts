import type { MikroORM } from "@mikro-orm/core";
import type { EntityManager as SqlEntityManager } from "@mikro-orm/knex";
import { CandidateTsvReader, candidateFields, candidateTsvLine, openDatabase, usccCheckDigit, type CandidateFields } from "@ssj/shared";
import { mkdtempSync, rmSync } from "node:fs";
import { Writable } from "node:stream";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KeySectorEnum, RiskClassEnum } from "../directory/enums.js";
import { listKey, SupervisionRecord } from "../directory/supervision-record.entity.js";
import { departmentDatabase } from "../service.js";
import { copyCandidateTsv } from "./candidate-copy.js";
import {
  candidateRowJson,
  candidateRowsPage,
  candidateTsvPage,
  candidateWhere,
  PAGE,
  type CandidateQuery,
  type PoolPage,
  tsvLineSql,
} from "./candidate-pages.js";

const uscc = (n: number) => {
  const first17 = `91512021${String(n).padStart(8, "0")}X`.slice(0, 17);
  return first17 + usccCheckDigit(first17);
};

interface Fixture {
  uscc: string;
  name: string;
  region: string;
  category: string;
  supervisionTypes: string[];
  riskClass: RiskClassEnum;
  abnormalList: boolean;
  dishonest: boolean;
  seriousViolation: boolean;
  keySectors: KeySectorEnum[];
  removed: boolean;
}

const RISKS = [RiskClassEnum.A, RiskClassEnum.B, RiskClassEnum.C, RiskClassEnum.D];

/** Rows whose text tests the escaping, the encodings and the lists; then a bulk of plain rows for the page boundaries. */
function fixtures(): Fixture[] {
  const tricky: Partial<Fixture>[] = [
    { name: "TAB\there, LF\nthere, CR\rand back\\slash \\t literally", region: "512002", category: "餐饮\t服务" },
    { name: "雁江区某某餐馆（总店）", region: "512002", category: "餐饮服务", supervisionTypes: ["食品经营", "小作坊"] },
    { name: "astral 😀 𠀀 and é", region: "512021", category: "食品\\销售", keySectors: [KeySectorEnum.FOOD_DRUG] },
    { name: "", region: "512021", category: "餐饮服务" },
    {
      name: "\\",
      region: "5\t1\\2\n0\r",
      category: "\\\\",
      supervisionTypes: ["a, b", 'quote " and \\ back', 'x", "y', "tab\tin list", "ctl\u0001"],
    },
    { name: "\n\r\t", region: "512002", category: "", keySectors: [KeySectorEnum.FOOD_DRUG, KeySectorEnum.SAFETY] },
    { name: "removed one", region: "512002", category: "餐饮服务", removed: true },
    { name: "中文名称 trailing \\", region: "512099", category: "药品零售", supervisionTypes: ["药品经营"] },
    // characters PostgreSQL's COPY escapes and candidateTsvLine does not (`\b`, `\f`, `\v`): the bytes differ there
    { name: "退格\b换页\f纵表\v", region: "512002", category: "餐饮\v服务", supervisionTypes: ["\b"] },
  ];
  const rows: Fixture[] = [];
  const base = (i: number): Fixture => ({
    uscc: uscc(i + 1),
    name: `主体${i}`,
    region: i % 3 ? "512002" : "512021",
    category: i % 2 ? "餐饮服务" : "食品销售",
    supervisionTypes: i % 4 === 0 ? [] : i % 4 === 1 ? ["食品经营"] : ["食品经营", "小作坊"],
    riskClass: RISKS[i % 4]!,
    abnormalList: (i & 1) === 1,
    dishonest: (i & 2) === 2,
    seriousViolation: (i & 4) === 4,
    keySectors: i % 5 === 0 ? [KeySectorEnum.ENVIRONMENT] : [],
    removed: i % 997 === 996,
  });
  for (const [i, t] of tricky.entries()) rows.push({ ...base(i), supervisionTypes: [], keySectors: [], removed: false, ...t });
  // two pages and a bit
  for (let i = tricky.length; i < tricky.length + 2 * PAGE + 20; i++) rows.push(base(i));
  return rows;
}

function expectedText(rows: Fixture[], q: CandidateQuery): string {
  return rows
    .filter(
      (r) =>
        !r.removed &&
        (!q.regions.length || q.regions.some((p) => r.region.startsWith(p))) &&
        (!q.categories.length || q.categories.includes(r.category)) &&
        (!q.supervisionTypes.length || q.supervisionTypes.some((t) => r.supervisionTypes.includes(t))),
    )
    .map(
      (r) =>
        candidateTsvLine({
          ...r,
          supervisionTypes: JSON.stringify(r.supervisionTypes),
          keySectors: JSON.stringify(r.keySectors),
        }) + "\n",
    )
    .join("");
}

/** Every page of a pool, as the route reads them. */
async function pages(page: (after: number) => Promise<PoolPage>) {
  const chunks: Buffer[] = [];
  const shape: [number, number][] = [];
  let after = 0;
  for (;;) {
    const p = await page(after);
    if (!p.count) break;
    chunks.push(typeof p.chunk === "string" ? Buffer.from(p.chunk) : p.chunk);
    shape.push([p.count, p.last]);
    after = p.last;
    if (p.count < PAGE) break;
  }
  return { text: Buffer.concat(chunks), shape };
}

/** A pool served by one COPY (PostgreSQL), as the response would receive it. */
async function copied(em: SqlEntityManager, where: ReturnType<typeof candidateWhere>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _, done) {
      chunks.push(chunk);
      done();
    },
  });
  await copyCandidateTsv(em, where, out);
  return Buffer.concat(chunks);
}

/** The text COPY writes: `candidateTsvLine`'s, with a backspace, form feed and vertical tab escaped as well. */
const copyText = (text: string) => text.replace(/[\b\f\v]/g, (c) => ({ "\b": "\\b", "\f": "\\f", "\v": "\\v" })[c]!);

/** What the county reads of a TSV text. */
function decoded(text: Buffer): CandidateFields[] {
  const out: CandidateFields[] = [];
  const reader = new CandidateTsvReader((v) => out.push(candidateFields(v)));
  reader.push(text);
  reader.end();
  return out;
}

/**
 * The pool's TSV as each dialect serves it — pages built by SQLite, one COPY on PostgreSQL — must be the bytes
 * `candidateTsvLine` makes of the same rows (on PostgreSQL with COPY's three extra escapes), and read back the same.
 */
describe.each([
  ["SQLite", undefined],
  ["PostgreSQL", process.env.TEST_PG_URL],
])("the TSV pool on %s", (dialect, pg) => {
  let orm: MikroORM;
  const dir = mkdtempSync(join(tmpdir(), "ssj-candidate-pages-test-"));
  const rows = fixtures();
  const em = () => orm.em.fork() as unknown as SqlEntityManager;
  const skip = dialect === "PostgreSQL" && !pg;
  const sqlite = dialect === "SQLite";

  beforeAll(async () => {
    if (skip) return;
    const url = pg ? `${pg.replace(/\/?$/, "/")}ssj_candidate_pages_${process.pid}` : join(dir, "department.sqlite");
    orm = await openDatabase(departmentDatabase(url));
    await orm.em.fork().insertMany(
      SupervisionRecord,
      rows.map(({ removed, ...r }) => ({
        ...r,
        address: "某路 1 号",
        legalRepresentative: "王建国",
        supervisionTypesKey: listKey(r.supervisionTypes),
        keySectorsKey: listKey(r.keySectors),
        createdAt: new Date("2026-11-30T08:00:00Z"),
        updatedAt: new Date("2026-11-30T08:00:00Z"),
        removedAt: removed ? new Date("2026-11-30T09:00:00Z") : null,
      })),
    );
  }, 120_000);
  afterAll(async () => {
    if (orm && pg) await orm.schema.dropDatabase();
    await orm?.close(true);
    rmSync(dir, { recursive: true, force: true });
  });

  const queries: [string, CandidateQuery][] = [
    ["the whole pool (three pages)", { regions: [], categories: [], supervisionTypes: [] }],
    ["one region prefix", { regions: ["51202"], categories: [], supervisionTypes: [] }],
    ["two regions", { regions: ["512021", "512099"], categories: [], supervisionTypes: [] }],
    ["categories with escapes", { regions: [], categories: ["餐饮\t服务", "食品\\销售", "\\\\", ""], supervisionTypes: [] }],
    ["supervision types", { regions: [], categories: [], supervisionTypes: ["小作坊", "药品经营"] }],
    ["all three filters", { regions: ["512002", "512021"], categories: ["餐饮服务"], supervisionTypes: ["食品经营"] }],
    ["nothing matches", { regions: ["3301"], categories: [], supervisionTypes: [] }],
  ];

  it.skipIf(skip).each(queries)("%s: the bytes of candidateTsvLine, the same rows as the JavaScript path", async (_, q) => {
    const where = candidateWhere(q);
    const expected = expectedText(rows, q);
    const js = await pages((after) => candidateRowsPage(em(), where, after, candidateRowJson));
    expect(js.text.toString("utf8").split("\n").length).toBe(expected.split("\n").length);
    if (sqlite) {
      const sql = await pages((after) => candidateTsvPage(em(), where, after));
      expect(sql.text.toString("utf8")).toBe(expected);
      expect(sql.text.equals(Buffer.from(expected, "utf8"))).toBe(true);
      expect(sql.shape).toEqual(js.shape);
      expect(decoded(sql.text)).toEqual(decoded(Buffer.from(expected)));
    } else {
      const copy = await copied(em(), where);
      expect(copy.toString("utf8")).toBe(copyText(expected));
      expect(decoded(copy)).toEqual(decoded(Buffer.from(expected)));
    }
  });

  it.skipIf(skip || sqlite)("closes the connection of a COPY whose reader goes away, and the next pool is served whole", async () => {
    const all = candidateWhere({ regions: [], categories: [], supervisionTypes: [] });
    let written = 0;
    const broken = new Writable({
      write(chunk: Buffer, _, done) {
        written += chunk.length;
        done(written > 100_000 ? new Error("the county went away") : null);
      },
    });
    await expect(copyCandidateTsv(em(), all, broken)).rejects.toThrow(/went away/);
    // the pool gave out a closed connection's place, not the connection in the middle of a COPY
    for (let i = 0; i < 3; i++)
      expect(await em().count(SupervisionRecord, { removedAt: null })).toBe(rows.filter((r) => !r.removed).length);
    const again = await copied(em(), all);
    expect(again.toString("utf8")).toBe(copyText(expectedText(rows, { regions: [], categories: [], supervisionTypes: [] })));
  });

  it.skipIf(skip || !sqlite)("ends a pool of exactly PAGE rows, and of PAGE + 1, at the right boundaries", async () => {
    const all = candidateWhere({ regions: [], categories: [], supervisionTypes: [] });
    const full = await pages((after) => candidateTsvPage(em(), all, after));
    const live = rows.filter((r) => !r.removed).length;
    expect(full.shape.map(([n]) => n)).toEqual([PAGE, PAGE, live - 2 * PAGE]);
    // keyset pagination: the page after the last id of the first is the second page's rows
    const ids = (await em().find(SupervisionRecord, { removedAt: null }, { fields: ["id"], orderBy: { id: "asc" } })).map((r) => r.id);
    expect(full.shape.map(([, last]) => last)).toEqual([ids[PAGE - 1], ids[2 * PAGE - 1], ids.at(-1)]);
    const exact = await candidateTsvPage(em(), all, ids[ids.length - PAGE - 1]!);
    expect(exact.count).toBe(PAGE);
    expect((await candidateTsvPage(em(), all, exact.last)).count).toBe(0);
    const one = await candidateTsvPage(em(), all, ids.at(-2)!);
    expect([one.count, one.last]).toEqual([1, ids.at(-1)]);
    expect(Buffer.from(one.chunk).toString("utf8")).toBe(
      expectedText(rows, { regions: [], categories: [], supervisionTypes: [] }).split("\n").at(-2) + "\n",
    );
    const none = await candidateTsvPage(em(), all, ids.at(-1)!);
    expect(none.count).toBe(0);
  });

  it.skipIf(skip || !sqlite)("writes an absent name as an empty field (the column is NOT NULL: the line's expression alone)", async () => {
    const knex = em().getConnection().getKnex();
    const list = (v: string) => knex.raw("?", [v]);
    const flag = (b: boolean) => knex.raw("?", [b ? 1 : 0]);
    const row = knex
      .select({
        uscc: knex.raw("cast(? as text)", ["x\\y"]),
        name: knex.raw("cast(null as text)"),
        region: knex.raw("cast(? as text)", ["512002"]),
        category: knex.raw("cast(? as text)", ["c\td"]),
        supervision_types: list('["a","b\\"c"]'),
        risk_class: knex.raw("cast(? as text)", ["A"]),
        abnormal_list: flag(true),
        dishonest: flag(false),
        serious_violation: flag(true),
        key_sectors: list("[]"),
      })
      .as("t");
    const [got] = (await knex.select(knex.raw(`${tsvLineSql("t")} as line`)).from(row)) as {
      line: string;
    }[];
    expect(got!.line).toBe(
      candidateTsvLine({
        uscc: "x\\y",
        name: null,
        region: "512002",
        category: "c\td",
        supervisionTypes: '["a","b\\"c"]',
        riskClass: "A",
        abnormalList: true,
        dishonest: false,
        seriousViolation: true,
        keySectors: "[]",
      }),
    );
  });
});
