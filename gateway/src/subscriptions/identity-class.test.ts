import { Role } from "@ssj/shared";
import { describe, expect, it } from "vitest";
import type { GatewayContext } from "../context.js";
import type { SubscriptionPlan } from "./documents.js";
import { shareKey } from "./identity-class.js";

const plan = (variables: Record<string, unknown> = {}): SubscriptionPlan => ({
  route: { field: "visitChanged", subgraph: "county", twin: "visitChange" },
  responseKey: "visitChanged",
  upstream: { query: "subscription { visitChanged { id } }", variables },
  twin: { query: "query GatewayEvent($id: ID!) { visitChange(id: $id) { kind } }", variables, idVariable: "id" },
});
const inspector = (sub: string, inspectorId: string, extra: Partial<GatewayContext> = {}): GatewayContext => ({
  identity: { sub, name: sub.toUpperCase(), role: Role.INSPECTOR, department: "market", inspectorId },
  expiresAt: Date.now() + Math.random() * 1000,
  forwardHeaders: { "x-request-id": sub },
  ...extra,
});

describe("shareKey", () => {
  it("puts two people of one identity class under one key, whatever their token's expiry or request id", () => {
    expect(shareKey(plan(), inspector("a", "1"))).toBe(shareKey(plan(), inspector("b", "1")));
  });

  it("tells apart what decides what an event may show: inspector, department, role, filter", () => {
    const key = shareKey(plan(), inspector("a", "1"));
    expect(shareKey(plan(), inspector("a", "2"))).not.toBe(key);
    const other = inspector("a", "1");
    expect(shareKey(plan(), { ...other, identity: { ...other.identity, department: "health" } })).not.toBe(key);
    expect(shareKey(plan(), { ...other, identity: { ...other.identity, role: Role.DEPARTMENT_REVIEWER } })).not.toBe(key);
    expect(shareKey(plan({ drawId: "7" }), inspector("a", "1"))).not.toBe(key);
  });

  it("keeps services apart by who they are, and does not share a context that is not plain data", () => {
    const service = (sub: string): GatewayContext => ({ identity: { sub, role: Role.SERVICE }, forwardHeaders: {} });
    expect(shareKey(plan(), service("county"))).not.toBe(shareKey(plan(), service("gateway")));
    expect(shareKey(plan(), { ...inspector("a", "1"), loader: new Map() } as GatewayContext)).toBeUndefined();
  });
});
