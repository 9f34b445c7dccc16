import "reflect-metadata";
import { containsPattern, hasToken, openDatabase } from "@ssj/shared";
import type { MikroORM } from "@mikro-orm/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countyDatabase } from "../service.js";
import { Plan } from "./plan.entity.js";

// A `?` in a user's text inside a raw fragment used to take the place of the statement's own values
// (the fuzz test's `plans(department: "?", first: 1)` ended in `limit NULL`).
describe("a question mark in a filter's text", () => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await openDatabase(countyDatabase(":memory:"));
  });
  afterAll(async () => {
    await orm.close(true);
  });

  it("leaves the statement's own values in place: a department token with `?` matches nothing", async () => {
    const em = orm.em.fork();
    // a raw fragment is spent by the statement that uses it: a fresh filter for each
    const where = () => ({ ...hasToken("departments_key", "?"), id: { $gt: 0 } });
    await expect(em.find(Plan, where(), { orderBy: { id: "asc" }, limit: 2 })).resolves.toEqual([]);
    const sql = em.createQueryBuilder(Plan).where(where()).limit(2).getFormattedQuery();
    expect(sql).toMatch(/`id` > 0 limit 2$/);
    expect(sql).not.toContain("?");
  });

  it("turns `?` of a search text into one any-character, never into SQL text", () => {
    expect(containsPattern("阳光?超市", "name", "名称")).toBe("%阳光_超市%");
    expect(containsPattern("10%_", "name", "名称")).toBe("%10\\%\\_%");
  });
});
