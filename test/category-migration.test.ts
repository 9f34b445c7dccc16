import { departmentDatabase } from "@ssj/department";
import { openDatabase } from "@ssj/shared";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(join(tmpdir(), "ssj-cat-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pg = process.env.TEST_PG_URL;
const targets: [string, string, string][] = [["sqlite", join(dir, "d.sqlite"), "Migration20261130175750"]];
if (pg) targets.push(["postgresql", `${pg.replace(/\/?$/, "/")}ssj_catmig_${process.pid}`, "Migration20261130175752"]);

/**
 * Books written before the shared enforcement categories: free text that names a shared category exactly becomes
 * its code, anything else is kept as the department's label (never dropped, never guessed: 特种设备 is not
 * 特种设备安全).
 */
describe.each(targets)("the enforcement-category migration on %s", (_dialect, url, before) => {
  it("maps exact names to codes and keeps the rest as labels", async () => {
    const orm = await openDatabase({ ...departmentDatabase(url), migrate: false });
    try {
      await orm.getMigrator().up({ to: before });
      const conn = orm.em.getConnection();
      const now = "2026-11-01 00:00:00";
      await conn.execute(
        `insert into "matter" ("code", "version", "name", "sub_item", "legal_basis", "implementing_body", "object_type", "content",
          "matter_class", "default_ratio", "yearly_frequency", "qualifications", "expert_required", "applies_to", "status",
          "effective_from", "latest", "created_at")
         values ('TZ-1', 1, '电梯使用单位检查', '维保', '特种设备安全法', '市场监管局', '使用单位', '检查', 'KEY', 0.1, 1,
          '["特种设备", "食品安全"]', false, '["特种设备使用"]', 'PUBLISHED', '2026-01-01', true, '${now}')`,
      );
      await conn.execute(
        `insert into "inspector" ("name", "certificate_no", "categories", "region", "expertise", "status", "created_at", "updated_at")
         values ('张三', 'C-1', '["特种设备安全", "电梯检验"]', '512021', '[]', 'ACTIVE', '${now}', '${now}')`,
      );
      await orm.getMigrator().up();
      const json = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);
      const [matter] = await conn.execute(`select "qualifications", "category_label" from "matter" where "code" = 'TZ-1'`);
      expect([json(matter.qualifications), matter.category_label]).toEqual([["FOOD_SAFETY"], "特种设备"]);
      const [inspector] = await conn.execute(`select "categories", "category_labels" from "inspector" where "certificate_no" = 'C-1'`);
      expect([json(inspector.categories), json(inspector.category_labels)]).toEqual([["SPECIAL_EQUIPMENT"], ["电梯检验"]]);
    } finally {
      if (url.startsWith("postgres")) await orm.schema.dropDatabase();
      await orm.close(true);
    }
  });
});
