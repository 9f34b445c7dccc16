import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { fragmentBomb } from "../gateway/src/limits/measure.test.js";
import { gqlRaw } from "../scripts/src/lib/graphql-client.js";
import { TestFederation } from "./support/federation.js";

/** The public endpoint's limits, and the health endpoints, on a gateway configured as in production. */
describe("gateway limits and health", () => {
  let f: TestFederation;
  beforeAll(async () => {
    f = await TestFederation.start([{ code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" }], {
      gateway: { introspection: false },
    });
  });
  afterAll(async () => {
    await f?.stop();
  });

  const code = async (query: string) => (await gqlRaw(f.gatewayUrl, query, {}, await f.coordinator())).errors?.[0]?.extensions?.code;

  it("refuses documents too deep, with too many aliases, or too costly", async () => {
    let deep = "id";
    for (let i = 0; i < 8; i++) deep = `draws { plan { ${deep} } }`;
    expect(await code(`{ plans { nodes { ${deep} } } }`)).toBe("QUERY_TOO_DEEP");
    expect(await code(`{ ${Array.from({ length: 61 }, (_, i) => `a${i}: departments { totalCount }`).join(" ")} }`)).toBe(
      "TOO_MANY_ALIASES",
    );
    expect(
      await code(`{ departments(first: 1000) { nodes { subjects(first: 1000) { nodes { history { id action actor at snapshot } } } } } }`),
    ).toBe("QUERY_TOO_COMPLEX");
    expect(await code(`{ departments(first: 10) { nodes { code } } }`)).toBeUndefined();
  });

  /**
   * The documents of an outside attack run (docs/architecture.md, "Query limits"): each is refused with a limit
   * error, and /healthz answers meanwhile. The time bounds are loose on purpose (a shared CI machine): they catch
   * a walker that is not linear (the fragment bomb took 19 s), not a slow millisecond.
   */
  it("refuses the attack documents at once, and /healthz stays responsive", async () => {
    const base = f.gatewayUrl.replace(/\/graphql$/, "");
    const timed = async <T>(work: () => Promise<T>) => {
      const start = performance.now();
      const value = await work();
      return { value, ms: performance.now() - start };
    };
    const attacks: [string, string][] = [
      [fragmentBomb(22), "QUERY_TOO_COMPLEX"],
      [`{ ${"__typename ".repeat(500_000)} }`, "QUERY_TOO_LARGE"],
      [`{ ${"__typename ".repeat(6_000)} }`, "GRAPHQL_PARSE_FAILED"],
      [
        `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: department(code: "market") { subjects(first: 1000) { nodes { uscc name riskClass } } }`).join(" ")} }`,
        "QUERY_TOO_COMPLEX",
      ],
    ];
    for (const [query, expected] of attacks) {
      const [attack, health] = await Promise.all([timed(() => code(query)), timed(() => fetch(`${base}/healthz`))]);
      expect(attack.value).toBe(expected);
      expect(health.value.status).toBe(200);
      expect(attack.ms).toBeLessThan(2_000);
      expect(health.ms).toBeLessThan(2_000);
    }
  });

  it("closes a graphql-ws connection that sends a message over the cap", async () => {
    const ws = new WebSocket(f.gatewayUrl.replace(/^http/, "ws"), "graphql-transport-ws");
    await new Promise((resolve, reject) => ws.once("open", resolve).once("error", reject));
    const closed = new Promise<number>((resolve) => ws.once("close", (c) => resolve(c)));
    ws.send(JSON.stringify({ type: "connection_init", payload: { pad: "x".repeat(1024 * 1024) } }));
    expect(await closed).toBe(1009);
  });

  it("refuses batched requests and, in production mode, introspection", async () => {
    const batch = await fetch(f.gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }]),
    });
    expect(batch.status).toBe(400);
    expect(await code("{ __schema { types { name } } }")).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("answers /healthz at once and /readyz with each department's readiness", async () => {
    const base = f.gatewayUrl.replace(/\/graphql$/, "");
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = (await (await fetch(`${base}/readyz`)).json()) as any;
    expect(ready).toMatchObject({ status: "ready", county: true, departments: [{ code: "market", ready: true }] });
    await f.stopDepartment("market");
    const partly = (await (await fetch(`${base}/readyz`)).json()) as any;
    expect(partly.departments).toEqual([expect.objectContaining({ code: "market", ready: false })]);
  });
});
