import type { MikroORM } from "@mikro-orm/core";
import { openDatabase, type SubjectRecordInput } from "@ssj/shared";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { departmentDatabase } from "../../service.js";
import { snapshotOf } from "../record.service.js";
import { listKey } from "../supervision-record.entity.js";
import { snapshotSql } from "./snapshot.sqlite.js";

const base: SubjectRecordInput = {
  uscc: "91512002MA6XXXXX0A",
  name: "某某餐馆",
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
};

/** The snapshot built by SQLite in the import's history insert is the one `snapshotOf` gives, byte for byte. */
describe("snapshotSql", () => {
  let orm: MikroORM;
  const dir = mkdtempSync(join(tmpdir(), "ssj-snapshot-test-"));
  beforeAll(async () => {
    orm = await openDatabase(departmentDatabase(join(dir, "department.sqlite")));
  });
  afterAll(async () => {
    await orm?.close(true);
    rmSync(dir, { recursive: true, force: true });
  });

  const inSql = async (r: SubjectRecordInput) => {
    const row = await orm.em
      .fork()
      .getConnection()
      .execute<{ snapshot: string }[]>(
        "select " +
          snapshotSql("s") +
          " as snapshot from (select ? as uscc, ? as name, ? as category, ? as address, ? as legal_representative, ? as region, " +
          "? as supervision_types, ? as supervision_types_key, ? as risk_class, ? as abnormal_list, ? as dishonest, ? as serious_violation, " +
          "? as key_sectors, ? as key_sectors_key) s",
        [
          r.uscc,
          r.name,
          r.category,
          r.address,
          r.legalRepresentative,
          r.region,
          JSON.stringify(r.supervisionTypes),
          listKey(r.supervisionTypes),
          r.riskClass,
          r.abnormalList ? 1 : 0,
          r.dishonest ? 1 : 0,
          r.seriousViolation ? 1 : 0,
          JSON.stringify(r.keySectors),
          listKey(r.keySectors),
        ],
      );
    return row[0]!.snapshot;
  };

  it.each([
    ["plain Chinese text", base],
    ["quotes, backslashes, tab and line breaks", { ...base, name: '有"引号"和\\反斜杠', address: "第一行\n第二行\r\n\t缩进\r末" }],
    ["the other C0 controls, DEL, C1, U+2028/2029", { ...base, address: "\b\f\u0001\u001f\u007f\u0085\u2028\u2029" }],
    ["characters outside the BMP, HTML-like text", { ...base, name: "𠀀😀<b>&amp;</b>", legalRepresentative: "é" }],
    [
      "flags set, no key sectors, one supervision type",
      { ...base, abnormalList: true, dishonest: false, seriousViolation: true, keySectors: [], supervisionTypes: ['含"引号'] },
    ],
    ["digits only in text columns", { ...base, name: "123", category: "0.5", region: "512002001" }],
  ] as [string, SubjectRecordInput][])("%s", async (_, r) => {
    expect(await inSql(r)).toBe(snapshotOf({ ...r, removedAt: null }));
  });
});
