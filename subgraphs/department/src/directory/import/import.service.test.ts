import type { MikroORM } from "@mikro-orm/core";
import { openDatabase, usccCheckDigit } from "@ssj/shared";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { departmentDatabase } from "../../service.js";
import { snapshotOf } from "../record.service.js";
import { CHUNK_ROWS, importSubjects } from "./import.service.js";
import { CsvEncoding, ImportMode } from "./import.types.js";

const HEADER =
  "uscc,name,category,address,legalRepresentative,region,supervisionTypes,riskClass,abnormalList,dishonest,seriousViolation,keySectors";
const uscc = (n: number) => {
  const first17 = `91512021${String(n).padStart(8, "0")}X`.slice(0, 17);
  return first17 + usccCheckDigit(first17);
};
const line = (n: number, risk = "B", address = `雁江区某路 ${n} 号`) =>
  `${uscc(n)},某某餐馆${n},餐饮服务,"${address}",张三,512002,食品经营;小作坊,${risk},否,是,否,食品药品`;
const file = (...lines: string[]) => Readable.from([Buffer.from([HEADER, ...lines].join("\r\n"))]);
const run = (orm: MikroORM, lines: string[], mode = ImportMode.ALL_OR_NOTHING) =>
  importSubjects(orm.em.fork(), file(...lines), { mode, encoding: CsvEncoding.UTF8 }, "clerk");

interface Row {
  id: number;
  uscc: string;
  risk_class: string;
  removed_at: unknown;
}
interface Change {
  record_id: number;
  action: string;
  snapshot: string;
  actor: string;
}

/** The staged writers (import.stage.*.ts) against a real database: SQLite, and PostgreSQL when TEST_PG_URL is set. */
describe.each([
  ["SQLite", undefined],
  ["PostgreSQL", process.env.TEST_PG_URL],
])("importSubjects on %s", (dialect, pg) => {
  let orm: MikroORM;
  const dir = mkdtempSync(join(tmpdir(), "ssj-import-test-"));
  const records = () =>
    orm.em.fork().getConnection().execute<Row[]>("select id, uscc, risk_class, removed_at from supervision_record order by id");
  const changes = () =>
    orm.em.fork().getConnection().execute<Change[]>("select record_id, action, snapshot, actor from supervision_record_change order by id");

  beforeAll(async () => {
    if (dialect === "PostgreSQL" && !pg) return;
    const url = pg ? `${pg.replace(/\/?$/, "/")}ssj_import_unit_${process.pid}` : join(dir, "department.sqlite");
    orm = await openDatabase(departmentDatabase(url));
  });
  afterAll(async () => {
    if (orm && pg) await orm.schema.dropDatabase();
    await orm?.close(true);
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(dialect === "PostgreSQL" && !pg)(
    "inserts, updates, restores and leaves identical rows alone, with history in file order",
    async () => {
      expect(await run(orm, [line(3), line(1), line(2)])).toMatchObject({ created: 3, updated: 0, unchanged: 0, committed: true });
      const first = await records();
      expect(first.map((r) => r.uscc)).toEqual([uscc(3), uscc(1), uscc(2)]);
      const history = await changes();
      expect(history.map((c) => c.record_id)).toEqual(first.map((r) => Number(r.id)));
      // the snapshot is the one every other history entry has, byte for byte
      expect(history[1]!.snapshot).toBe(
        snapshotOf({
          uscc: uscc(1),
          name: "某某餐馆1",
          category: "餐饮服务",
          address: "雁江区某路 1 号",
          legalRepresentative: "张三",
          region: "512002",
          supervisionTypes: ["食品经营", "小作坊"],
          riskClass: "B",
          abnormalList: false,
          dishonest: true,
          seriousViolation: false,
          keySectors: ["FOOD_DRUG"],
          removedAt: null,
        }),
      );

      // subject 2 was removed from the directory since: importing it unchanged restores it
      await orm.em
        .fork()
        .getConnection()
        .execute("update supervision_record set removed_at = updated_at where uscc = ?", [uscc(2)]);
      const report = await run(orm, [line(1), line(2), line(3, "D", '有""引号""\t和换行\n的地址'), line(4)]);
      expect(report).toMatchObject({ created: 1, updated: 2, unchanged: 1, committed: true });
      const after = await records();
      expect(after.map((r) => [r.uscc, r.risk_class, r.removed_at])).toEqual([
        [uscc(3), "D", null],
        [uscc(1), "B", null],
        [uscc(2), "B", null],
        [uscc(4), "B", null],
      ]);
      const added = (await changes()).slice(3);
      expect(added.map((c) => [c.record_id, c.action, c.actor])).toEqual([
        [Number(after[2]!.id), "IMPORTED", "clerk"],
        [Number(after[0]!.id), "IMPORTED", "clerk"],
        [Number(after[3]!.id), "IMPORTED", "clerk"],
      ]);
      expect(JSON.parse(added[1]!.snapshot)).toMatchObject({ riskClass: "D", address: '有"引号"\t和换行\n的地址' });
    },
  );

  it.skipIf(dialect === "PostgreSQL" && !pg)(
    "links every history entry to its record across several chunks of new and stored rows",
    async () => {
      // stored ones scattered through a file longer than two chunks (CHUNK_ROWS), new ones numbered between them
      const stored = Array.from({ length: 600 }, (_, i) => line(100_000 + i * 31));
      await run(orm, stored);
      const n = CHUNK_ROWS * 2 + 500;
      const lines = Array.from({ length: n }, (_, i) => (i % 31 === 0 && i / 31 < 600 ? line(100_000 + i, "D") : line(200_000 + i)));
      const before = (await changes()).length;
      const report = await run(orm, lines);
      expect(report).toMatchObject({ created: n - 600, updated: 600, unchanged: 0, committed: true });
      const idOf = new Map((await records()).map((r) => [r.uscc, Number(r.id)]));
      const added = (await changes()).slice(before);
      expect(added.map((c) => c.record_id)).toEqual(lines.map((l) => idOf.get(l.slice(0, 18))));
      expect(added.map((c) => JSON.parse(c.snapshot).uscc)).toEqual(lines.map((l) => l.slice(0, 18)));
    },
    60_000,
  );

  it.skipIf(dialect === "PostgreSQL" && !pg)(
    "writes nothing when a row is bad (ALL_OR_NOTHING) or the file breaks after good rows",
    async () => {
      const before = [(await records()).length, (await changes()).length];
      const refused = await run(orm, [line(10), `${uscc(11).slice(0, 17)}Z,坏行,餐饮服务,地址,张三,512002,食品经营,B,否,否,否,`]);
      expect(refused).toMatchObject({ rejected: 1, committed: false, created: 0 });
      await expect(
        run(orm, [line(12), line(13), `${uscc(14)},"未闭合的引号,餐饮服务,地址,张三,512002,食品经营,B,否,否,否,`]),
      ).rejects.toMatchObject({
        code: "INVALID_CSV",
      });
      expect([(await records()).length, (await changes()).length]).toEqual(before);
      // GOOD_ROWS writes the good row and lists the bad one
      const partly = await run(orm, [line(15), `${uscc(16)},,餐饮服务,地址,张三,512002,食品经营,B,否,否,否,`], ImportMode.GOOD_ROWS);
      expect(partly).toMatchObject({ created: 1, rejected: 1, committed: true });
      expect((await records()).length).toBe(before[0]! + 1);
    },
  );
});
