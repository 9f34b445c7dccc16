import "reflect-metadata";
import { describe, expect, it } from "vitest";
import { keysetPage } from "./pagination.js";

describe("keysetPage", () => {
  const rows = [1, 2, 3, 4, 5];
  const fetch = async (after: number | null, limit: number) => rows.filter((r) => after === null || r > after).slice(0, limit);

  it("counts only when totalCount is read, and once", async () => {
    let counts = 0;
    const count = async () => (++counts, rows.length);
    const page = await keysetPage({ first: 2 }, (r) => r, fetch, count);
    expect(page.nodes).toEqual([1, 2]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(counts).toBe(0);
    expect(await page.totalCount).toBe(5);
    expect(await page.totalCount).toBe(5);
    expect(counts).toBe(1);
  });

  it("pages after a cursor", async () => {
    const first = await keysetPage(
      { first: 2 },
      (r) => r,
      fetch,
      async () => rows.length,
    );
    const next = await keysetPage(
      { first: 10, after: first.pageInfo.endCursor },
      (r) => r,
      fetch,
      async () => rows.length,
    );
    expect(next.nodes).toEqual([3, 4, 5]);
    expect(next.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });
});
