import type { SubjectRecordInput } from "@ssj/shared";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

/** A record as one JSON array in RECORD_FIELDS order: no key names, a third shorter and faster both ways than the object. */
type R = SubjectRecordInput;
type Line = [string, string, string, string, string, string, string[], R["riskClass"], boolean, boolean, boolean, R["keySectors"]];
const toLine = (r: SubjectRecordInput): Line => [
  r.uscc,
  r.name,
  r.category,
  r.address,
  r.legalRepresentative,
  r.region,
  r.supervisionTypes,
  r.riskClass,
  r.abnormalList,
  r.dishonest,
  r.seriousViolation,
  r.keySectors,
];
const fromLine = (l: Line): SubjectRecordInput => ({
  uscc: l[0],
  name: l[1],
  category: l[2],
  address: l[3],
  legalRepresentative: l[4],
  region: l[5],
  supervisionTypes: l[6],
  riskClass: l[7],
  abnormalList: l[8],
  dishonest: l[9],
  seriousViolation: l[10],
  keySectors: l[11],
});

/**
 * The validated rows of an import, kept on disk (one JSON line each) until the whole file has been
 * read: nothing is written to the directory before the last row is checked (a fatal CSV error at
 * line 150,000 must leave the books untouched), and 200,000 rows never sit in memory.
 */
export class RecordSpool {
  private out?: WriteStream;
  private dir?: string;
  private file?: string;
  /** Lines not yet written: one write per 256 KiB, not one per row (a write per row was a third of the spool's time). */
  private pending = "";
  count = 0;

  async add(records: SubjectRecordInput[]): Promise<void> {
    for (const record of records) {
      this.count++;
      this.pending += JSON.stringify(toLine(record)) + "\n";
      if (this.pending.length >= 1 << 17) await this.flush();
    }
  }

  private async flush(): Promise<void> {
    if (!this.out) {
      this.dir = await mkdtemp(join(tmpdir(), "ssj-import-"));
      this.file = join(this.dir, "rows.ndjson");
      this.out = createWriteStream(this.file);
    }
    const text = this.pending;
    this.pending = "";
    if (!this.out.write(text)) await new Promise<void>((resolve) => this.out!.once("drain", () => resolve()));
  }

  /** The rows in file order, `size` at a time. */
  async *chunks(size: number): AsyncGenerator<SubjectRecordInput[]> {
    if (this.pending) await this.flush();
    if (!this.out) return;
    await new Promise<void>((resolve, reject) => this.out!.end((e?: Error | null) => (e ? reject(e) : resolve())));
    let chunk: SubjectRecordInput[] = [];
    for await (const line of createInterface({ input: createReadStream(this.file!), crlfDelay: Infinity })) {
      chunk.push(fromLine(JSON.parse(line) as Line));
      if (chunk.length >= size) {
        yield chunk;
        chunk = [];
      }
    }
    if (chunk.length) yield chunk;
  }

  async dispose(): Promise<void> {
    this.out?.destroy();
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }
}
