/**
 * Reads a record's bytes into ONE buffer as they arrive (a 600,000-candidate record is about 100 MB): no list of
 * chunks, no Blob, no second copy. The size the server announces is only a first guess (a compressed response
 * announces fewer bytes than it delivers); the buffer doubles when it runs out.
 */
export async function readAll(
  stream: ReadableStream<Uint8Array>,
  sizeHint: number | undefined,
  onProgress: (received: number) => void,
): Promise<Uint8Array> {
  let buf = new Uint8Array(Math.max(sizeHint ?? 0, 1 << 20));
  let used = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (used + value.length > buf.length) {
      const bigger = new Uint8Array(Math.max(buf.length * 2, used + value.length));
      bigger.set(buf.subarray(0, used));
      buf = bigger;
    }
    buf.set(value, used);
    used += value.length;
    onProgress(used);
  }
  return buf.subarray(0, used);
}
