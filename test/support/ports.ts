import { createServer } from "node:net";

/** A TCP port free right now on 127.0.0.1 (for a process that must be told its port, e.g. redis-server). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
