import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
