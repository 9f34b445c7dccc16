import { countyDatabase } from "@ssj/county";
import { openDatabase } from "@ssj/shared";
import { rmSync } from "node:fs";

/**
 * A consistent copy of the county's SQLite database while the county runs (`vacuum into`: one read transaction,
 * so a write in progress is either all in the copy or not at all). Why: `bench:joint --keep-seeded` keeps a seeded
 * draw so that `bench/draw-steps.js` can time execute and publish on copies of it without a new freeze.
 */
export async function copyCountyDatabase(file: string, dest: string): Promise<void> {
  const orm = await openDatabase({ ...countyDatabase(file), migrate: false });
  try {
    rmSync(dest, { force: true });
    await orm.em.getConnection().execute("vacuum into ?", [dest]);
  } finally {
    await orm.close();
  }
}
