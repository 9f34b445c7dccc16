import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillBooks } from "./support/books.js";
import { TestFederation } from "./support/federation.js";
import { TestSubscriber, waitFor } from "./support/subscriber.js";

/** A county dashboard, a citizen and an inspector watch one draw happen, through the gateway. */
describe("draw and visit events", () => {
  let f: TestFederation;
  let planId: string;
  const subscribers: TestSubscriber[] = [];
  const connect = async (headers: Record<string, string>) => {
    const s = new TestSubscriber(f.gatewayUrl, headers);
    subscribers.push(s);
    return s;
  };

  beforeAll(async () => {
    f = await TestFederation.start([{ code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" }]);
    const [m] = await fillBooks(
      f.gatewayUrl,
      "market",
      { matters: [{ code: "SC-1" }], subjects: [1, 8], inspectors: [1, 2, 3, 4] },
      await f.admin("market"),
    );
    planId = (
      await f.gql("mutation($i: PlanInput!) { createPlan(input: $i) { id } }", {
        i: {
          name: "2027 食品抽查",
          leadDepartment: "market",
          matters: [{ department: "market", matterId: m }],
          ratios: { D: 1, C: 1, B: 0.5, A: 0.5 },
          windowStart: "2027-04-01",
          windowEnd: "2027-04-30",
        },
      })
    ).createPlan.id;
  }, 120_000);
  afterAll(async () => {
    await Promise.all(subscribers.map((s) => s.close()));
    await f?.stop();
  });

  it("holds subscription documents to the query limits", async () => {
    let inner = "id";
    for (let i = 0; i < 8; i++) inner = `plan { draws { ${inner} } }`;
    const deep = (await connect(await f.coordinator())).subscribe(`subscription { drawChanged { draw { ${inner} } } }`);
    const [result] = await deep.received(1).catch(() => [{ errors: (deep.error as any[]) ?? [] }]);
    const errors = (result?.errors ?? (deep.error as any[])) as any[];
    expect(errors?.[0]?.extensions?.code).toBe("QUERY_TOO_DEEP");
  });

  it("delivers each step with federated fields, filtered by who is watching", async () => {
    const DRAWS = `subscription($p: ID) { drawChanged(planId: $p) { kind draw { status visitCount plan { name } } } }`;
    const VISITS = `subscription { visitChanged { kind visit { subject { records { name department } } inspectors { id department name } } } }`;
    const coordinator = (await connect(await f.coordinator())).subscribe(DRAWS, { p: planId });
    const citizen = (await connect({})).subscribe(DRAWS, { p: planId });
    const inspector = (await connect(await f.inspector("market", "1"))).subscribe(VISITS);
    // the same inspector on a second device under another account (same identity class), and another inspector
    const sameClass = (
      await connect(await f.as({ sub: "inspector.market.1.phone", role: "inspector", department: "market", inspectorId: "1" }))
    ).subscribe(VISITS);
    const other = (await connect(await f.inspector("market", "2"))).subscribe(VISITS);
    // five subscribers in four identity classes share four upstream subscriptions (plus the registry watch of the gateway)
    await waitFor(() => f.gateway.subscriptionStats().subscriptions === 5, 10_000, "subscribed");
    await waitFor(() => f.county.bus.stats().subscribers >= 5, 10_000, "live subscriptions");
    expect(f.gateway.subscriptionStats().upstream).toBe(4);

    const { createDraw } = await f.gql("mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: planId });
    for (const step of [
      "freezeDraw(drawId: $d) { id }",
      'enterCeremonyValues(drawId: $d, values: ["7"]) { id }',
      "executeDraw(drawId: $d) { id }",
      "publishDraw(drawId: $d) { id }",
    ]) {
      await f.gql(`mutation($d: ID!) { ${step} }`, { d: createDraw.id });
    }

    const steps = await coordinator.received(5);
    expect(steps.map((r) => r.data.drawChanged.kind)).toEqual(["CREATED", "FROZEN", "SEEDED", "DRAWN", "PUBLISHED"]);
    expect(steps[3]!.data.drawChanged.draw).toMatchObject({
      status: expect.any(String),
      visitCount: expect.any(Number),
      plan: { name: "2027 食品抽查" },
    });
    expect(steps[4]!.data.drawChanged.draw.status).toBe("PUBLISHED");

    // the public follows the draw from its freeze on (digests before the seed), never its CREATED step
    const seen = await citizen.received(4);
    expect(seen.map((r) => r.data.drawChanged.kind)).toEqual(["FROZEN", "SEEDED", "DRAWN", "PUBLISHED"]);
    await new Promise((r) => setTimeout(r, 300));
    expect(citizen.results).toHaveLength(4);

    // the inspector sees exactly their own visits, each with the subject from the department instance
    const mine = (
      await f.gql("query($d: ID!) { draw(id: $d) { visits { nodes { id inspectors { id department } } } } }", { d: createDraw.id })
    ).draw.visits.nodes.filter((v: any) => v.inspectors.some((i: any) => i.department === "market" && i.id === "1")).length;
    expect(mine).toBeGreaterThan(0);
    const events = await inspector.received(2 * mine);
    for (const e of events) {
      expect(e.errors).toBeUndefined();
      expect(e.data.visitChanged.visit.inspectors).toContainEqual(expect.objectContaining({ id: "1", department: "market" }));
      expect(e.data.visitChanged.visit.subject.records[0].name).toContain("测试餐馆");
    }
    expect(events.map((e) => e.data.visitChanged.kind).sort()).toEqual([...Array(mine).fill("CREATED"), ...Array(mine).fill("PUBLISHED")]);
    // the second account of the same class receives the same results; another inspector only their own visits
    expect(await sameClass.received(2 * mine)).toEqual(events);
    const theirs = (
      await f.gql("query($d: ID!) { draw(id: $d) { visits { nodes { id inspectors { id department } } } } }", { d: createDraw.id })
    ).draw.visits.nodes.filter((v: any) => v.inspectors.some((i: any) => i.department === "market" && i.id === "2")).length;
    const otherEvents = await other.received(2 * theirs);
    for (const e of otherEvents)
      expect(e.data.visitChanged.visit.inspectors).toContainEqual(expect.objectContaining({ id: "2", department: "market" }));
    await new Promise((r) => setTimeout(r, 300));
    expect(other.results).toHaveLength(2 * theirs);
    expect(inspector.results).toHaveLength(2 * mine);
  });
});
