import { expect } from "vitest";
import type { TestFederation } from "./federation.js";

/** A department plan (every risk stratum at 1 unless `extra` says otherwise); its id. */
export async function createPlan(
  f: TestFederation,
  department: string,
  matterIds: string[],
  name: string,
  extra: Record<string, unknown> = {},
) {
  const { createPlan } = await f.gql<any>("mutation($i: PlanInput!) { createPlan(input: $i) { id } }", {
    i: {
      name,
      leadDepartment: department,
      matters: matterIds.map((matterId) => ({ department, matterId })),
      ratios: { D: 1, C: 1, B: 1, A: 1 },
      windowStart: "2027-04-01",
      windowEnd: "2027-04-30",
      ...extra,
    },
  });
  return createPlan.id as string;
}

/** A draw of the plan frozen; the freeze's answer (counts and who was left out). */
export async function freeze(f: TestFederation, planId: string) {
  const { createDraw } = await f.gql<any>("mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: planId });
  const { freezeDraw } = await f.gql<any>(
    "mutation($d: ID!) { freezeDraw(drawId: $d) { id counts { candidates } excluded { reason count } } }",
    { d: createDraw.id },
  );
  return freezeDraw as { id: string; counts: { candidates: number }; excluded: { reason: string; count: number }[] };
}

/** Seeds, executes and publishes a frozen draw; its visits with their teams. */
export async function publish(f: TestFederation, drawId: string) {
  await f.gql('mutation($d: ID!) { enterCeremonyValues(drawId: $d, values: ["917"]) { status } }', { d: drawId });
  await f.gql("mutation($d: ID!) { executeDraw(drawId: $d) { status } }", { d: drawId });
  await f.gql("mutation($d: ID!) { publishDraw(drawId: $d) { status } }", { d: drawId });
  const { draw } = await f.gql<any>(
    "query($d: ID!) { draw(id: $d) { visits(first: 1000) { nodes { id uscc stratum teams { department matters { id } inspectors { id department } } } } } }",
    { d: drawId },
  );
  return draw.visits.nodes as any[];
}

const ok = (res: any) => {
  expect(res.errors).toBeUndefined();
  return res;
};

/** A one-department visit started and ended with every matter at `result`: INSPECTED. */
export async function inspectVisit(f: TestFederation, visit: any, result: string) {
  const team = visit.teams[0];
  const department = team.department as string;
  // a borrowed inspector (跨区域) signs in with their own directory's department
  const home = (i: any) => (i.department as string | undefined) ?? department;
  const inspector = await f.inspector(home(team.inspectors[0]), team.inspectors[0].id);
  ok(
    await f.gqlRaw(
      "mutation($i: StartVisitInput!) { startVisit(input: $i) { status } }",
      {
        i: {
          visitId: visit.id,
          present: team.inspectors.map((i: any) => `${home(i)}:${i.id}`),
          certificatesShown: true,
          noticeNumber: "市监检〔2027〕5号",
        },
      },
      inspector,
    ),
  );
  for (const m of team.matters)
    ok(
      await f.gqlRaw(
        "mutation($i: FindingInput!) { recordFinding(input: $i) { result } }",
        { i: { visitId: visit.id, department, matterId: m.id, result, description: "现场检查情况" } },
        inspector,
      ),
    );
  ok(await f.gqlRaw("mutation($v: ID!) { endVisit(visitId: $v) { status } }", { v: visit.id }, inspector));
  return inspector;
}

/** The visit inspected, its report submitted, reviewed and published by the department's admin. */
export async function publishResult(f: TestFederation, visit: any, result: string) {
  const inspector = await inspectVisit(f, visit, result);
  const department = visit.teams[0].department as string;
  const report = (op: string, headers: Record<string, string>, args = "") =>
    f.gqlRaw<any>(
      `mutation($v: ID!, $d: String!) { ${op}(visitId: $v, department: $d${args}) { status } }`,
      { v: visit.id, d: department },
      headers,
    );
  ok(await report("submitReport", inspector));
  ok(await report("reviewReport", await f.admin(department), ", approve: true"));
  ok(await report("publishReport", await f.admin(department)));
}
