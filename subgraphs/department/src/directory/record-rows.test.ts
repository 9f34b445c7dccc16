import type { MikroORM } from "@mikro-orm/core";
import type { SqlEntityManager } from "@mikro-orm/knex";
import { openDatabase, usccCheckDigit } from "@ssj/shared";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { departmentDatabase } from "../service.js";
import { RiskClassEnum, KeySectorEnum } from "./enums.js";
import { findRecordRows, listRecordRows } from "./record-rows.js";
import { listKey, SupervisionRecord } from "./supervision-record.entity.js";

const uscc = (n: number) => {
  const first17 = `91512021${String(n).padStart(8, "0")}X`.slice(0, 17);
  return first17 + usccCheckDigit(first17);
};

/** The plain rows must carry what the entity carries, converted alike, on both dialects. */
describe.each([
  ["SQLite", undefined],
  ["PostgreSQL", process.env.TEST_PG_URL],
])("findRecordRows on %s", (dialect, pg) => {
  let orm: MikroORM;
  const dir = mkdtempSync(join(tmpdir(), "ssj-record-rows-test-"));

  beforeAll(async () => {
    if (dialect === "PostgreSQL" && !pg) return;
    const url = pg ? `${pg.replace(/\/?$/, "/")}ssj_record_rows_${process.pid}` : join(dir, "department.sqlite");
    orm = await openDatabase(departmentDatabase(url));
    const em = orm.em.fork();
    for (const n of [1, 2, 3]) {
      const types = n === 2 ? [] : ["食品经营", "小作坊"];
      const sectors = n === 1 ? [KeySectorEnum.FOOD_DRUG] : [];
      em.create(SupervisionRecord, {
        uscc: uscc(n),
        name: `某某餐馆${n}`,
        category: "餐饮服务",
        address: `雁江区某路 ${n} 号`,
        legalRepresentative: "王建国",
        region: "512002",
        supervisionTypes: types,
        supervisionTypesKey: listKey(types),
        riskClass: n === 1 ? RiskClassEnum.D : RiskClassEnum.B,
        abnormalList: n === 1,
        dishonest: false,
        seriousViolation: n === 2,
        keySectors: sectors,
        keySectorsKey: listKey(sectors),
        removedAt: n === 3 ? new Date("2026-11-30T08:00:00Z") : null,
      });
    }
    await em.flush();
  });
  afterAll(async () => {
    if (orm && pg) await orm.schema.dropDatabase();
    await orm?.close(true);
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(dialect === "PostgreSQL" && !pg)(
    "reads the exposed properties as the entity has them, leaving removed records out",
    async () => {
      const rows = await findRecordRows(orm.em.fork(), [uscc(1), uscc(2), uscc(3), uscc(4)]);
      const entities = await orm.em.fork().find(SupervisionRecord, { uscc: { $in: [uscc(1), uscc(2)] } }, { orderBy: { id: "asc" } });
      const expected = entities.map(({ supervisionTypesKey: _t, keySectorsKey: _k, ...rest }) => ({ ...rest }));
      expect(rows.sort((a, b) => a.id - b.id)).toEqual(expected);
      expect(rows[0]!.createdAt).toBeInstanceOf(Date);
      expect(rows[0]!.abnormalList).toBe(true);
      expect(rows[0]!.keySectors).toEqual([KeySectorEnum.FOOD_DRUG]);
      expect(rows[1]!.supervisionTypes).toEqual([]);
      expect(rows.some((r) => r.uscc === uscc(3))).toBe(false);
    },
  );

  it.skipIf(dialect === "PostgreSQL" && !pg)("reads only the columns asked for (with the key), converted as the entity's", async () => {
    const rows = await findRecordRows(orm.em.fork(), [uscc(1), uscc(2), uscc(3)], ["name", "abnormalList", "keySectors"]);
    expect(rows.sort((a, b) => a.uscc.localeCompare(b.uscc))).toEqual([
      { uscc: uscc(1), name: "某某餐馆1", abnormalList: true, keySectors: [KeySectorEnum.FOOD_DRUG], removedAt: null },
      { uscc: uscc(2), name: "某某餐馆2", abnormalList: false, keySectors: [], removedAt: null },
    ]);
  });

  it.skipIf(dialect === "PostgreSQL" && !pg)("lists a page after a key, by id, with the filter and the columns asked for", async () => {
    const em = orm.em.fork();
    const all = await listRecordRows(em, { region: { $like: "512%" } }, null, 10, ["riskClass", "createdAt", "supervisionTypes"]);
    expect(all.map((r) => r.riskClass)).toEqual([RiskClassEnum.D, RiskClassEnum.B, RiskClassEnum.B]);
    expect(all.map((r) => r.supervisionTypes)).toEqual([["食品经营", "小作坊"], [], ["食品经营", "小作坊"]]);
    expect(Object.keys(all[0]!).sort()).toEqual(["createdAt", "id", "riskClass", "supervisionTypes"]);
    expect(all[0]!.createdAt).toBeInstanceOf(Date);
    const next = await listRecordRows(em, { removedAt: null }, all[0]!.id, 1, ["uscc"]);
    expect(next).toEqual([{ id: all[1]!.id, uscc: uscc(2) }]);
  });

  it.skipIf(dialect !== "SQLite")("looks the USCCs up in their unique index, not through the removed_at index", async () => {
    const em = orm.em.fork() as unknown as SqlEntityManager;
    const statements: { sql: string; bindings: unknown[] }[] = [];
    const listen = (q: { sql: string; bindings: unknown[] }) => statements.push(q);
    em.getKnex().client.on("query", listen);
    try {
      // an entity fetch's 1,000 USCCs: with so long a list, SQLite preferred the removed_at index when it could
      await findRecordRows(
        em,
        Array.from({ length: 1000 }, (_, i) => uscc(i + 1)),
        ["name"],
      );
    } finally {
      em.getKnex().client.removeListener("query", listen);
    }
    expect(statements).toHaveLength(1);
    const plan = await em.getKnex().raw(`explain query plan ${statements[0]!.sql}`, statements[0]!.bindings as never);
    expect(JSON.stringify(plan)).toMatch(/USING INDEX supervision_record_uscc_unique/);
  });
});
