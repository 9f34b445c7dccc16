import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ShardedDepartmentSource } from "./sharded-source.js";
import type { Shard, ShardMap } from "./shard-map.js";

/**
 * The data source end to end over real HTTP: department instances are small HTTP servers answering
 * with their own code (one per path), and one department's URL points at a closed port. Each case is
 * one rule of docs/architecture.md ("One department contract, many instances").
 */
describe("ShardedDepartmentSource", () => {
  let server: Server;
  let base: string;
  /** What each instance was asked, in arrival order. */
  const asked: { shard: string; query: string; variables: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        const shard = req.url!.slice(1);
        const { query, variables } = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
        asked.push({ shard, query, variables });
        const reps = (variables.representations as Record<string, unknown>[] | undefined) ?? [];
        const data = query.includes("_entities")
          ? { _entities: reps.map((r) => ({ __typename: r.__typename, records: [{ department: shard }] })) }
          : { inspectors: [{ department: shard }] };
        res.setHeader("content-type", "application/json");
        res.end(JSON.stringify({ data }));
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  /** Registry order: market, ecology, health; `down` departments answer on a port nobody listens on. */
  function source(down: string[] = []) {
    asked.length = 0;
    const shards: Shard[] = [
      { code: "market", name: "市场监管局", url: `${base}/market` },
      { code: "ecology", name: "生态环境局", url: `${base}/ecology` },
      { code: "health", name: "卫生健康局", url: `${base}/health` },
    ].map((s) => (down.includes(s.code) ? { ...s, url: "http://127.0.0.1:9/graphql" } : s));
    const map = { current: async () => shards, covering: async () => shards } as unknown as ShardMap;
    return new ShardedDepartmentSource(map, (url) => new RemoteGraphQLDataSource({ url }));
  }
  const run = (s: ShardedDepartmentSource, query: string, variables: Record<string, unknown> = {}) =>
    s.process({
      kind: "health check", // GraphQLDataSourceRequestKind.HEALTH_CHECK: no incoming request to take cache hints from
      request: { query, variables },
      context: {},
    } as GraphQLDataSourceProcessOptions);
  const ENTITIES =
    "query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Subject { records { department } } } }";

  it("splits entities by the department in their key: each instance gets only its own", async () => {
    const reps = [
      { __typename: "Inspector", department: "health", id: "1" },
      { __typename: "Inspector", department: "market", id: "2" },
    ];
    const res = await run(source(), ENTITIES, { representations: reps });
    // sent in parallel: compare as a set, in registry order
    const order = ["market", "ecology", "health"];
    const sent = [...asked].sort((a, b) => order.indexOf(a.shard) - order.indexOf(b.shard));
    expect(sent.map((a) => [a.shard, a.variables.representations])).toEqual([
      ["market", [reps[1]]],
      ["health", [reps[0]]],
    ]);
    expect(res.data?._entities).toEqual([
      { __typename: "Inspector", records: [{ department: "health" }] },
      { __typename: "Inspector", records: [{ department: "market" }] },
    ]);
  });

  it("routes a root field to the department of its department argument only", async () => {
    const res = await run(source(), 'query { inspectors(department: "ecology") { department } }');
    expect(asked.map((a) => a.shard)).toEqual(["ecology"]);
    expect(res.data).toEqual({ inspectors: [{ department: "ecology" }] });
  });

  it("fans a query without department out to every instance and merges lists in registry order", async () => {
    const res = await run(source(), ENTITIES, { representations: [{ __typename: "Subject", uscc: "91512000MA00000000" }] });
    expect(asked.map((a) => a.shard).sort()).toEqual(["ecology", "health", "market"]);
    expect(res.data?._entities).toEqual([
      { __typename: "Subject", records: [{ department: "market" }, { department: "ecology" }, { department: "health" }] },
    ]);
    const list = await run(source(), "query { inspectors { department } }");
    expect(list.data).toEqual({ inspectors: [{ department: "market" }, { department: "ecology" }, { department: "health" }] });
  });

  it("answers with the others when one instance is down, naming it in a DEPARTMENT_UNAVAILABLE error", async () => {
    const res = await run(source(["ecology"]), ENTITIES, { representations: [{ __typename: "Subject", uscc: "91512000MA00000000" }] });
    expect(res.data?._entities).toEqual([{ __typename: "Subject", records: [{ department: "market" }, { department: "health" }] }]);
    expect(res.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining("生态环境局"),
        extensions: expect.objectContaining({ code: "DEPARTMENT_UNAVAILABLE", department: "ecology" }),
      }),
    ]);
  });
});
