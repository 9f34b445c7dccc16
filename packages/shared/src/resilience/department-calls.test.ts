import { BrokenCircuitError } from "cockatiel";
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { DepartmentCalls, isConnectionReset } from "./department-calls.js";

const config = { timeoutMs: 300, streamIdleMs: 300, breakAfter: 2, probeAfterMs: 60_000 };

/** A real HTTP server answering with `handle`, at its /graphql URL. */
async function listen(handle: RequestListener): Promise<{ url: string; server: Server }> {
  const s = createServer(handle);
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(s.address() as AddressInfo).port}/graphql`, server: s };
}

/** A real HTTP server whose n-th request gets `behave(n)`: "reset" destroys the socket, "hang" never answers. */
async function server(behave: (n: number) => "ok" | "reset" | "hang"): Promise<{ url: string; server: Server; count: () => number }> {
  let n = 0;
  const s = await listen((req, res) => {
    const what = behave(++n);
    if (what === "reset") req.socket.destroy();
    else if (what === "ok") res.end("fine");
  });
  return { ...s, count: () => n };
}

describe("DepartmentCalls", () => {
  const servers: Server[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
  });

  it("sends a read once more when the connection was reset, never a write", async () => {
    const s = await server((n) => (n === 1 || n === 3 ? "reset" : "ok"));
    servers.push(s.server);
    // A reset answers at once: a generous deadline keeps this case about retries, not about a loaded machine's speed.
    const calls = new DepartmentCalls({ ...config, timeoutMs: 10_000 });
    expect(await (await calls.fetch(s.url, {}, { idempotent: true })).text()).toBe("fine");
    expect(s.count()).toBe(2);
    const write = await calls.fetch(s.url, { method: "POST", body: "x" }, { idempotent: false }).catch((e: unknown) => e);
    expect(isConnectionReset(write)).toBe(true);
    expect(s.count()).toBe(3);
  });

  it("gives up on a hung instance at the deadline, then opens its breaker", async () => {
    const s = await server(() => "hang");
    servers.push(s.server);
    const calls = new DepartmentCalls(config);
    for (let i = 0; i < 2; i++) await expect(calls.fetch(s.url, {}, { idempotent: true })).rejects.toThrow(/no answer within 300 ms/);
    await expect(calls.fetch(s.url, {}, { idempotent: true })).rejects.toBeInstanceOf(BrokenCircuitError);
    expect(s.count()).toBe(2); // the open breaker did not call the instance
  });

  it("reads the whole answer: status, headers, a body sent in pieces, decoded as UTF-8", async () => {
    const body = Buffer.from('\uFEFF{"data":{"name":"某某市场监督测试有限公司"}}');
    const { url, server: s } = await listen((req, res) => {
      let sent = "";
      req.setEncoding("utf8");
      req.on("data", (c: string) => (sent += c));
      req.on("end", () => {
        res.writeHead(207, "Partly", { "content-type": "application/json", "x-echo": `${req.method} ${encodeURIComponent(sent)}` });
        // a character split across two writes: the answer is decoded once, whole
        res.write(body.subarray(0, 20));
        setTimeout(() => res.end(body.subarray(20)), 20);
      });
    });
    servers.push(s);
    const res = await new DepartmentCalls(config).fetch(url, { method: "POST", body: "名录" }, { idempotent: false });
    expect([res.status, res.statusText, res.ok, res.url]).toEqual([207, "Partly", true, url]);
    expect(res.headers.get("Content-Type")).toBe("application/json");
    expect(decodeURIComponent(res.headers.get("x-echo")!)).toBe("POST 名录");
    expect(await res.json()).toEqual({ data: { name: "某某市场监督测试有限公司" } });
    expect(await res.text()).toBe('{"data":{"name":"某某市场监督测试有限公司"}}');
  });

  it("gives up on an answer whose body stops coming at the deadline", async () => {
    const { url, server: s } = await listen((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"data":'); // and nothing more
    });
    servers.push(s);
    await expect(new DepartmentCalls(config).fetch(url, {}, { idempotent: false })).rejects.toThrow(/no answer within 300 ms/);
  });

  it("stops at once when the caller aborts, and does not send the read again", async () => {
    const s = await server(() => "hang");
    servers.push(s.server);
    const calls = new DepartmentCalls({ ...config, timeoutMs: 10_000 });
    const caller = new AbortController();
    const call = calls.fetch(s.url, {}, { idempotent: true, signal: caller.signal });
    setTimeout(() => caller.abort(), 50);
    await expect(call).rejects.toThrow(/abort/i);
    expect(s.count()).toBe(1);
  });
});
