import { countyDatabase } from "@ssj/county";
import { departmentDatabase } from "@ssj/department";
import { openDatabase, type DatabaseOptions } from "@ssj/shared";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "ssj-mig-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pg = process.env.TEST_PG_URL;
const targets: [string, string][] = [["sqlite", join(dir, "x")]];
if (pg) targets.push(["postgresql", `${pg.replace(/\/?$/, "/")}ssj_mig_${process.pid}`]);

/** The migrations are the schema: after applying them, the entities must need no further change. */
describe.each(targets)("migrations on %s", (_dialect, base) => {
  it.each([
    ["department", departmentDatabase],
    ["county", countyDatabase],
  ] as [string, (url: string) => DatabaseOptions][])("build exactly the %s entities' schema", async (name, database) => {
    const url = base.startsWith("postgres") ? `${base}_${name}` : `${base}-${name}.sqlite`;
    const orm = await openDatabase(database(url));
    try {
      const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
      expect(diff.trim()).toBe("");
    } finally {
      if (url.startsWith("postgres")) await orm.schema.dropDatabase();
      await orm.close(true);
    }
  });
});
