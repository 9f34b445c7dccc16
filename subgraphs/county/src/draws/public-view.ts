import type { EntityManager } from "@mikro-orm/core";
import {
  digest,
  parseCommittedPool,
  publicView,
  publicViewOfCommitted,
  viewDigest,
  viewDigestOfCommittedText,
  type DrawRecord,
  type PublicDrawView,
} from "@ssj/draw-engine";
import { Draw, DrawRecordRow } from "./draw.entity.js";
import { readPoolTextChunks } from "./pool-store.js";
import { loadPools } from "./pools.js";
import { loadSalts } from "./salts.js";
import { turn } from "./turn.js";

/** The stored record of a drawn draw and the public view built from it. */
export async function loadView(em: EntityManager, drawId: number): Promise<{ record: DrawRecord; view: PublicDrawView }> {
  const record = await loadRecord(em, drawId);
  const committed = await storedCommitted(em, drawId);
  const view = committed
    ? publicViewOfCommitted(record, parseCommittedPool(committed.chunks), committed.digest)
    : await rebuiltView(em, drawId, record);
  return { record, view };
}

/**
 * The SHA-256 of the draw's public view — the same value as `viewDigest((await loadView(em, drawId)).view)` —
 * without building the view when the committed pool text is stored: what publishing and disclosing sign, while
 * the view itself is only built when someone downloads it (docs/performance.md). `recordText`: the stored record
 * when the caller has read it already.
 */
export async function loadViewDigest(em: EntityManager, drawId: number, recordText?: string): Promise<string> {
  const record = recordText === undefined ? await loadRecord(em, drawId) : (JSON.parse(recordText) as DrawRecord);
  const committed = await storedCommitted(em, drawId);
  if (committed) return viewDigestOfCommittedText(record, committed.chunks, committed.digest);
  return viewDigest(await rebuiltView(em, drawId, record));
}

async function loadRecord(em: EntityManager, drawId: number): Promise<DrawRecord> {
  const row = await em.findOneOrFail(DrawRecordRow, { drawId });
  return JSON.parse(row.record) as DrawRecord;
}

/**
 * The committed pool text stored at freeze, as its stored chunks, when it still hashes to the digest published then:
 * one hash instead of a commitment per candidate (docs/performance.md). Null for draws frozen before that text was
 * stored, or whose stored text no longer matches: their view is rebuilt from the frozen pools and salts. The chunks
 * are hashed and read as they are, never joined: at 600,000 candidates joining them (70 MB) and hashing the joined
 * string cost ≈ 0.5 s of a publish, hashing the chunks ≈ 0.05 s (docs/performance.md, "Twelfth pass").
 */
async function storedCommitted(em: EntityManager, drawId: number): Promise<{ chunks: string[]; digest: string } | null> {
  const draw = await em.findOneOrFail(Draw, { id: drawId });
  const chunks = await readPoolTextChunks(em, drawId, "committed");
  if (!chunks) return null;
  // the event loop runs between reading, hashing and using the text of a large draw (turn.ts)
  await turn();
  const d = digest(chunks);
  await turn();
  return d === draw.digests?.committedCandidates ? { chunks, digest: d } : null;
}

async function rebuiltView(em: EntityManager, drawId: number, record: DrawRecord): Promise<PublicDrawView> {
  const pools = await loadPools(em, drawId);
  return publicView(record, pools.candidates, await loadSalts(em, drawId));
}
