/**
 * `npm run bench:import` — the directory importer alone, without HTTP: a generated CSV file on disk is
 * imported by `importSubjects` into a fresh department database, then imported again (every row
 * `unchanged`). Prints wall time, CPU time of this process (the honest figure on a shared machine:
 * wall time follows the load, CPU time follows the code), rows/s and peak RSS. Asserts nothing.
 * Options: --rows 50000 --postgres postgres://… (default: a fresh SQLite file).
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "@ssj/shared";
import { departmentDatabase, importSubjects } from "@ssj/department";
import { departmentSubjects } from "../demo-data/index.js";
import { writeSubjectsCsv } from "../demo-data/csv.js";

const { values: args } = parseArgs({ options: { rows: { type: "string", default: "50000" }, postgres: { type: "string" } } });
const rows = Number(args.rows);
const dir = mkdtempSync(join(tmpdir(), "ssj-import-bench-"));
const file = join(dir, "directory.csv");
const records = (function* () {
  let n = 0;
  for (const r of departmentSubjects("market", { seed: "bench", count: Math.ceil(rows * 1.1) })) {
    if (n++ >= rows) return;
    yield r;
  }
})();
await writeSubjectsCsv(records, createWriteStream(file));
// a scratch database, created on connect and dropped at the end
const url = args.postgres ? `${args.postgres.replace(/\/?$/, "/")}ssj_import_bench_${process.pid}` : join(dir, "department.sqlite");
const orm = await openDatabase(departmentDatabase(url));
try {
  for (const pass of ["first import", "identical re-import"]) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const report = await importSubjects(
      orm.em.fork(),
      createReadStream(file),
      { mode: "ALL_OR_NOTHING" as never, encoding: "UTF8" as never },
      "bench",
    );
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    console.log(
      `${pass.padEnd(20)} ${rows.toLocaleString()} rows (${args.postgres ? "PostgreSQL" : "SQLite"}): created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}; ` +
        `wall ${wall.toFixed(2)} s (${Math.round(rows / wall).toLocaleString()} rows/s), CPU ${cpuSeconds.toFixed(2)} s (${Math.round(rows / cpuSeconds).toLocaleString()} rows per CPU-second), ` +
        `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB, load ${loadavg()
          .map((l) => l.toFixed(1))
          .join(" ")}`,
    );
  }
} finally {
  if (args.postgres) await orm.schema.dropDatabase();
  await orm.close(true);
  rmSync(dir, { recursive: true, force: true });
}
