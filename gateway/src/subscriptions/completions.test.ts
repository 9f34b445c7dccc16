import { ApolloServer } from "@apollo/server";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import type { GatewayContext } from "../context.js";
import { createCompleter } from "./completions.js";
import type { SubscriptionPlan } from "./documents.js";

/** A real Apollo server whose twin field fails with `code` for the first `failures` calls, then answers. */
function serverFailing(code: string, failures: number) {
  let calls = 0;
  const apollo = new ApolloServer<GatewayContext>({
    typeDefs: "type Query { drawChange(id: ID!): Change } type Change { id: ID! kind: String! }",
    resolvers: {
      Query: {
        drawChange: (_: unknown, { id }: { id: string }) => {
          if (++calls <= failures) throw new GraphQLError("暂不可用", { extensions: { code } });
          return { id, kind: "DRAWN" };
        },
      },
    },
  });
  return { apollo, calls: () => calls };
}

const plan = {
  responseKey: "drawChanged",
  twin: { query: "query GatewayEvent($id: ID!) { drawChanged: drawChange(id: $id) { kind } }", variables: {}, idVariable: "id" },
} as unknown as SubscriptionPlan;

describe("event completion", () => {
  it("asks again while the source is briefly unavailable, then delivers the event", async () => {
    const s = serverFailing("COUNTY_UNAVAILABLE", 2);
    await s.apollo.start();
    const r = await createCompleter(s.apollo, 4, 5_000)(plan, "7", {} as GatewayContext, undefined);
    expect(r).toEqual({ data: { drawChanged: { kind: "DRAWN" } } });
    expect(s.calls()).toBe(3);
    await s.apollo.stop();
  });

  it("delivers the error once the source stays away longer than the retry time", async () => {
    const s = serverFailing("DEPARTMENT_UNAVAILABLE", 1_000);
    await s.apollo.start();
    const r = await createCompleter(s.apollo, 4, 300)(plan, "7", {} as GatewayContext, undefined);
    expect(r?.errors?.[0]?.extensions?.code).toBe("DEPARTMENT_UNAVAILABLE");
    expect(s.calls()).toBeGreaterThan(1);
    await s.apollo.stop();
  });

  it("does not ask again after a refusal", async () => {
    const s = serverFailing("FORBIDDEN", 1);
    await s.apollo.start();
    const r = await createCompleter(s.apollo, 4, 5_000)(plan, "7", {} as GatewayContext, undefined);
    expect(r?.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(s.calls()).toBe(1);
    await s.apollo.stop();
  });
});
