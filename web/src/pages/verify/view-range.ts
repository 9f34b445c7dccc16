/**
 * Where the top-level `"view"` value of a draw record file lies in the file's bytes (docs/draw-record.md).
 *
 * Why: the draw committed to the SHA-256 of the view's JSON. The server writes the file with the same
 * `JSON.stringify`, so the view's bytes in the file normally ARE the committed bytes: hashing that slice as it
 * stands checks the commitment without serialising a 600,000-candidate view a second time (which doubled the
 * tab's memory). A slice that does not hash to the commitment proves nothing either way (the file may just be
 * re-formatted), so the caller then falls back to the engine's own `viewDigest`.
 */
export function topLevelObjectRange(bytes: Uint8Array, key: string): { start: number; end: number } | null {
  const want = new TextEncoder().encode(JSON.stringify(key));
  const n = bytes.length;
  let depth = 0;
  let keyStart = -1;
  let keyEnd = -1;
  let start = -1;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0x22) {
      const s = i;
      for (i++; i < n && bytes[i] !== 0x22; i++) if (bytes[i] === 0x5c) i++;
      if (depth === 1) [keyStart, keyEnd] = [s, i + 1];
    } else if (b === 0x7b || b === 0x5b) {
      depth++;
    } else if (b === 0x7d || b === 0x5d) {
      depth--;
      if (start >= 0 && depth === 1) return { start, end: i + 1 };
    } else if (b === 0x3a && depth === 1 && start < 0 && sameBytes(bytes, keyStart, keyEnd, want)) {
      let j = i + 1;
      while (j < n && (bytes[j] === 0x20 || bytes[j] === 0x0a || bytes[j] === 0x0d || bytes[j] === 0x09)) j++;
      if (bytes[j] !== 0x7b) return null;
      start = j;
    }
  }
  return null;
}

function sameBytes(bytes: Uint8Array, from: number, to: number, want: Uint8Array): boolean {
  if (from < 0 || to - from !== want.length) return false;
  for (let k = 0; k < want.length; k++) if (bytes[from + k] !== want[k]) return false;
  return true;
}
