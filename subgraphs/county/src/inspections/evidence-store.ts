import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, existsSync } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileTypeFromBuffer } from "file-type";

/** Bytes file-type needs to recognise every format it knows. */
const SNIFF_BYTES = 4100;

export interface StoredFile {
  /** Where the bytes wait until `keep` or `discard`. */
  tmp: string;
  sha256: string;
  size: number;
  /** What the bytes are (file-type), or null when no known format matches. */
  sniffed: string | null;
}

export class TooLarge extends Error {}

/**
 * Evidence files, content-addressed: `<dir>/<first two hex digits>/<sha256>`. A file is written to a
 * temporary name while it streams in (hashed and counted on the way, refused past `maxBytes`), then
 * renamed to its digest — the same bytes land on the same name, and nothing is ever overwritten.
 * Why files and not PostgreSQL large objects: see docs/inspection.md (evidence).
 */
export class EvidenceStore {
  constructor(
    readonly dir: string,
    readonly maxBytes: number,
  ) {}

  pathOf(sha256: string): string {
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  /** Streams `body` into a temporary file, hashing and sniffing it. Throws TooLarge (nothing kept) past the limit. */
  async put(body: Readable): Promise<StoredFile> {
    const tmpDir = join(this.dir, "tmp");
    await mkdir(tmpDir, { recursive: true });
    const tmp = join(tmpDir, randomUUID());
    const hash = createHash("sha256");
    const head: Buffer[] = [];
    let size = 0;
    let headSize = 0;
    const max = this.maxBytes;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > max) return done(new TooLarge());
        hash.update(chunk);
        if (headSize < SNIFF_BYTES) {
          head.push(chunk);
          headSize += chunk.length;
        }
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(tmp));
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
    const sha256 = hash.digest("hex");
    const sniffed = (await fileTypeFromBuffer(Buffer.concat(head).subarray(0, SNIFF_BYTES)))?.mime ?? null;
    return { tmp, sha256, size, sniffed };
  }

  /** Files the bytes under their digest (the same bytes already there: nothing to do). */
  async keep(file: StoredFile): Promise<void> {
    const target = this.pathOf(file.sha256);
    if (existsSync(target)) return this.discard(file);
    await mkdir(join(this.dir, file.sha256.slice(0, 2)), { recursive: true });
    await rename(file.tmp, target);
  }

  async discard(file: StoredFile): Promise<void> {
    await rm(file.tmp, { force: true });
  }

  read(sha256: string): Readable {
    return createReadStream(this.pathOf(sha256));
  }
}
