import { describe, expect, it } from "vitest";
import { identityFromClaims } from "./claims.js";

describe("the claims of a user's token", () => {
  it("accepts the identities the demo identity provider issues", () => {
    for (const claims of [
      { sub: "county_coordinator.county", role: "county_coordinator", region: "512000" },
      { sub: "inspector.market.1", name: "市场监管局 1 号检查员", role: "inspector", department: "market", inspectorId: "1" },
      { sub: "wang.market", name: "王管理", role: "department_admin", department: "market" },
    ])
      expect(identityFromClaims(claims)).toMatchObject(claims);
  });

  it("refuses claims of the wrong form, naming the claim", () => {
    const refused = (claims: Record<string, unknown>) => {
      try {
        identityFromClaims(claims);
      } catch (e) {
        return `${(e as { extensions: { code: string } }).extensions.code}: ${(e as Error).message}`;
      }
      return "accepted";
    };
    expect(refused({ sub: "x", role: "department_admin", department: "%" })).toMatch(/^UNAUTHENTICATED: .*部门编码/);
    expect(refused({ sub: "x", role: "department_admin", department: "Market" })).toMatch(/部门编码/);
    expect(refused({ sub: "x", role: "inspector", department: "market", inspectorId: "_" })).toMatch(/人员编号/);
    expect(refused({ sub: "x", role: "county_coordinator", region: "51%" })).toMatch(/行政区划/);
    expect(refused({ sub: "a|b", role: "auditor" })).toMatch(/用户标识/);
    expect(refused({ sub: "x", role: "auditor", name: 42 })).toMatch(/姓名/);
    expect(refused({ sub: "x", role: "service" })).toMatch(/角色/);
  });
});
