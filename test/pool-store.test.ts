import { countyDatabase } from "@ssj/county";
import { insertBound, openDatabase } from "@ssj/shared";
import type { MikroORM } from "@mikro-orm/core";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DrawPool } from "../subgraphs/county/src/draws/draw.entity.js";
import { readPoolChunks, readPoolTextChunks, writePoolText } from "../subgraphs/county/src/draws/pool-store.js";

const dir = mkdtempSync(join(tmpdir(), "ssj-pool-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const pg = process.env.TEST_PG_URL;
const targets: [string, string][] = [["sqlite", join(dir, "county.sqlite")]];
if (pg) targets.push(["postgresql", `${pg.replace(/\/?$/, "/")}ssj_pool_store_${process.pid}`]);

// two-, three- and four-byte characters next to the chunk boundaries
const chunks = ["ssj-test/1\n", "安岳县某店\t𠀀\n", "é\n", "", "z𝔘\n".repeat(1000)];
const text = chunks.join("");
const sha = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

/** draw_pool's chunks (docs/performance.md, "Seventh pass"): one row per chunk, read back as the whole text. */
describe.each(targets)("the stored texts of a draw on %s", (_dialect, url) => {
  let orm: MikroORM;
  beforeAll(async () => {
    orm = await openDatabase(countyDatabase(url));
  });
  afterAll(async () => {
    if (url.startsWith("postgres")) await orm.schema.dropDatabase();
    await orm.close(true);
  });

  /** A stored text's chunks joined, or null when the draw has none of that kind. */
  const readPoolText = async (drawId: number, kind: DrawPool["kind"]) =>
    (await readPoolTextChunks(orm.em.fork(), drawId, kind))?.join("") ?? null;

  it("are written a row per chunk, hashed as the whole text, and read back whole", async () => {
    const digest = await orm.em.fork().transactional((tx) => writePoolText(tx, 1, "candidates", chunks, true));
    expect(digest).toBe(sha(text));
    expect(await orm.em.fork().count(DrawPool, { drawId: 1, kind: "candidates" })).toBe(chunks.length);
    expect(await readPoolText(1, "candidates")).toBe(text);
    expect((await readPoolChunks(orm.em.fork(), 1, ["candidates", "salts"])).get("candidates")).toEqual(chunks);
    expect(await writePoolText(orm.em.fork(), 1, "experts", ["[]"])).toBeUndefined();
    const both = await readPoolChunks(orm.em.fork(), 1, ["candidates", "experts", "salts"]);
    expect([...both.keys()].sort()).toEqual(["candidates", "experts"]);
    expect(both.get("experts")).toEqual(["[]"]);
    expect(await readPoolText(1, "salts")).toBeNull();
  });

  it("read a draw frozen before chunks (one row, no seq given) as chunk 0", async () => {
    // the statement freeze ran before chunks
    await insertBound(orm.em.fork(), "insert into draw_pool (draw_id, kind, entries) values (?, ?, ?)", [2, "committed", text]);
    expect(await readPoolText(2, "committed")).toBe(text);
  });

  it("fail the write when a chunk's insert fails, with later chunks on their way, and leave nothing written", async () => {
    // a row in the way of chunk 1 (the unique draw, kind, seq): its insert fails while chunk 2 is built and sent
    await insertBound(orm.em.fork(), "insert into draw_pool (draw_id, kind, seq, entries) values (?, ?, ?, ?)", [4, "inspectors", 1, "x"]);
    let built = 0;
    function* many() {
      for (let i = 0; i < 5; i++) {
        built++;
        yield `chunk ${i}\n`;
      }
    }
    await expect(orm.em.fork().transactional((tx) => writePoolText(tx, 4, "inspectors", many()))).rejects.toThrow(/unique|UNIQUE/);
    expect(built).toBeLessThan(5);
    expect(await orm.em.fork().count(DrawPool, { drawId: 4 })).toBe(1);
    expect(await readPoolText(4, "inspectors")).toBe("x");
  });

  it("let the county answer other requests between two chunks (the event loop runs after each)", async () => {
    // each chunk, as it is built, schedules a task of the event loop; the next chunk is built only after it ran
    let ran = 0;
    const seen: number[] = [];
    function* watched() {
      for (let i = 0; i < 3; i++) {
        seen.push(ran);
        setImmediate(() => ran++);
        yield `chunk ${i}\n`;
      }
    }
    await orm.em.fork().transactional((tx) => writePoolText(tx, 5, "experts", watched(), true));
    expect(seen).toEqual([0, 1, 2]);
    expect(await readPoolText(5, "experts")).toBe("chunk 0\nchunk 1\nchunk 2\n");
  });

  it("leave nothing written when the transaction fails between chunks", async () => {
    function* failing() {
      yield "first\n";
      throw new Error("the builder failed");
    }
    await expect(orm.em.fork().transactional((tx) => writePoolText(tx, 3, "salts", failing()))).rejects.toThrow(/builder/);
    expect(await readPoolText(3, "salts")).toBeNull();
  });
});
