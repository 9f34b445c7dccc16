import { getOperationAST, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { planSubscription } from "./documents.js";

const route = { field: "departmentChanged", subgraph: "county", twin: "departmentChange" };

describe("planSubscription", () => {
  it("splits a subscription into an id-only upstream subscription and the twin query, each with its own variables", () => {
    const doc = parse(`
      subscription Watch($code: String, $full: Boolean!, $unused: Int) {
        change: departmentChanged(code: $code) { ...C kind }
      }
      fragment C on DepartmentChange { department { code name @include(if: $full) } }`);
    const plan = planSubscription(doc, getOperationAST(doc)!, route, { code: "market", full: true, unused: 1 });
    expect(plan.responseKey).toBe("change");
    expect(plan.upstream.variables).toEqual({ code: "market" });
    expect(plan.upstream.query.replace(/\s+/g, " ").trim()).toBe(
      "subscription GatewayUpstream($code: String) { departmentChanged(code: $code) { id } }",
    );
    expect(plan.twin.variables).toEqual({ full: true });
    expect(plan.twin.idVariable).toBe("gatewayEventId");
    expect(plan.twin.query.replace(/\s+/g, " ").trim()).toBe(
      "query GatewayEvent($gatewayEventId: ID!, $full: Boolean!) { change: departmentChange(id: $gatewayEventId) { ...C kind } } fragment C on DepartmentChange { department { code name @include(if: $full) } }",
    );
  });

  it("finds the root field through fragments and avoids variable name clashes", () => {
    const doc = parse(`subscription($gatewayEventId: String) { ... on Subscription { departmentChanged(code: $gatewayEventId) { id } } }`);
    const plan = planSubscription(doc, getOperationAST(doc)!, route, { gatewayEventId: "x" });
    expect(plan.responseKey).toBe("departmentChanged");
    expect(plan.twin.idVariable).toBe("gatewayEventId_");
  });
});
