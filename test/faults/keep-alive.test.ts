import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillBooks } from "../support/books.js";
import { TestFederation } from "../support/federation.js";

const ROUNDS = 5;
const CONCURRENT = 6;
/** Between rounds the county's connections to the department sit idle for about as long as Node's old
 * server keep-alive (5 s): the window in which a client reused a socket the server was closing. */
const IDLE_MS = 4800;

/**
 * False DEPARTMENT_UNAVAILABLE while every department is up (issue: 1 in 27 concurrent freezes failed with
 * UND_ERR_SOCKET "other side closed"). Six large draws frozen at once, five times, after idle pauses:
 * every freeze succeeds.
 */
describe("keep-alive connections between county and department", () => {
  let f: TestFederation;
  let matterIds: string[];

  beforeAll(async () => {
    f = await TestFederation.start([{ code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" }]);
    matterIds = await fillBooks(
      f.gatewayUrl,
      "market",
      { matters: [{ code: "SC-1" }], subjects: [1, 3000], inspectors: [1, 2, 3, 4, 5, 6, 7, 8] },
      await f.admin("market"),
    );
  }, 180_000);
  afterAll(async () => {
    await f?.stop();
  });

  it(`freezes ${CONCURRENT} large draws at once, ${ROUNDS} times, with no false failure`, async () => {
    const failures: unknown[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const drawIds: string[] = [];
      for (let i = 0; i < CONCURRENT; i++) {
        const planId = (
          await f.gql<any>("mutation($i: PlanInput!) { createPlan(input: $i) { id } }", {
            i: {
              name: `保活测试 ${round}-${i}`,
              leadDepartment: "market",
              matters: matterIds.map((id) => ({ department: "market", matterId: id })),
              ratios: { D: 0.01, C: 0.01, B: 0.01, A: 0.01 },
              windowStart: "2027-04-01",
              windowEnd: "2027-04-30",
            },
          })
        ).createPlan.id;
        drawIds.push((await f.gql<any>("mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: planId })).createDraw.id);
      }
      await new Promise((r) => setTimeout(r, IDLE_MS));
      const answers = await Promise.all(
        drawIds.map((d) => f.gqlRaw<any>("mutation($d: ID!) { freezeDraw(drawId: $d) { status counts { candidates } } }", { d })),
      );
      for (const a of answers) {
        if (a.errors?.length) failures.push(a.errors.map((e: any) => `${e.extensions?.code}: ${e.extensions?.reason ?? e.message}`));
        else expect(a.data.freezeDraw).toEqual({ status: "FROZEN", counts: { candidates: 3000 } });
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
