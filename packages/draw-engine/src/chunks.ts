/**
 * Long texts as a sequence of chunks.
 *
 * Why: the canonical pools of a county draw run to tens of megabytes. Built as one string, each was made twice
 * (the chunks, then their join), hashed through a UTF-8 copy and written through another, and most of the county's
 * freeze went to collecting that garbage (docs/performance.md, "The draw at county scale"). Built as chunks of a
 * megabyte or so, each chunk is hashed and stored as it comes and is garbage before the next one exists. The text is
 * the concatenation of the chunks: the string forms (`canonicalCandidatePool`…) join the same chunks.
 */

/** The default chunk: at least this many UTF-16 code units (1 Mi, so 1–3 MiB of UTF-8). */
export const CHUNK_CHARS = 1 << 20;

/** The pieces of the texts are built in buffers of this size when they are only hashed or joined. */
export const SMALL_CHUNK_CHARS = 1 << 16;

/**
 * `head`, each item's piece, then `tail`, as chunks of at least `size` code units (the last may be shorter; an
 * empty text is one empty chunk). A chunk ends with a whole piece (a line of a canonical text), never inside one,
 * so never inside a character.
 */
export function* chunksOf<T>(head: string, items: Iterable<T>, piece: (item: T) => string, size: number, tail = ""): Generator<string> {
  let buf = head;
  let yielded = false;
  for (const item of items) {
    buf += piece(item);
    if (buf.length >= size) {
      yield buf;
      buf = "";
      yielded = true;
    }
  }
  buf += tail;
  if (buf || !yielded) yield buf;
}

/** The text of a sequence of chunks. */
export function joinChunks(chunks: Iterable<string>): string {
  const parts: string[] = [];
  for (const c of chunks) parts.push(c);
  return parts.join("");
}
