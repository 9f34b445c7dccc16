import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, mintUserToken } from "@ssj/gateway";
import type { Identity } from "@ssj/shared";

const SHOTS = fileURLToPath(new URL("../../../docs/screenshots/", import.meta.url));

/** Saves a screenshot of the page for the README (docs/screenshots/<name>.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });
}

/** axe-core on the page as it is: no serious or critical violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Signs in through the sign-in page by clicking the demo user (as a person would). */
export async function signInAs(page: Page, name: string): Promise<void> {
  await page.goto("/signin");
  await page.getByRole("button", { name: `以${name}登录` }).click();
  // signed in once the page has left /signin (the sign-in buttons themselves carry the name, so seeing it proves nothing)
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"));
  await expect(page.getByText(name, { exact: false }).first()).toBeVisible();
}

/** A token of the demo provider, for calls made by the test itself (setting the scene). */
export function token(identity: Identity, expiresIn = "1h"): Promise<string> {
  return mintUserToken(identity, { secret: process.env.WEB_JWT_SECRET!, issuer: DEFAULT_ISSUER, audience: DEFAULT_AUDIENCE, expiresIn });
}

export const COORDINATOR: Identity = { sub: "zhao.coordinator", name: "赵协调", role: "county_coordinator" as Identity["role"] };

/** A GraphQL call to the gateway as `identity`; throws on errors. */
export async function api<T>(query: string, variables: Record<string, unknown>, identity: Identity = COORDINATOR): Promise<T> {
  const r = await fetch(process.env.WEB_GATEWAY_URL!, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await token(identity)}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await r.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join("; "));
  return body.data!;
}

/** A market plan and its first draw, made through the API (status CREATED). */
export async function createdDraw(): Promise<string> {
  const { department } = await api<{ department: { matters: { nodes: { id: string }[] } } }>(
    'query { department(code: "market") { matters(status: PUBLISHED, first: 3) { nodes { id } } } }',
    {},
  );
  const { createPlan } = await api<{ createPlan: { id: string } }>("mutation($i: PlanInput!) { createPlan(input: $i) { id } }", {
    i: {
      name: `浏览器验证用计划 ${Date.now()}`,
      leadDepartment: "market",
      matters: department.matters.nodes.map((m) => ({ department: "market", matterId: m.id })),
      ratios: { FLAGGED: 0.3, D: 0.3, C: 0.1, B: 0.05, A: 0.02 },
      windowStart: "2027-05-01",
      windowEnd: "2027-05-31",
    },
  });
  const { createDraw } = await api<{ createDraw: { id: string } }>("mutation($p: ID!) { createDraw(planId: $p) { id } }", {
    p: createPlan.id,
  });
  return createDraw.id;
}

/** A published draw made through the API (the scene for the verification tests). */
export async function publishedDraw(): Promise<string> {
  const d = await createdDraw();
  await api("mutation($d: ID!) { freezeDraw(drawId: $d) { id } }", { d });
  await api('mutation($d: ID!) { enterCeremonyValues(drawId: $d, values: ["福彩3D 2027120 期 527"]) { id } }', { d });
  await api("mutation($d: ID!) { executeDraw(drawId: $d) { id } }", { d });
  await api("mutation($d: ID!) { publishDraw(drawId: $d) { id } }", { d });
  return d;
}

export interface SceneVisit {
  id: string;
  uscc: string;
  inspector: Identity;
  present: string[];
  matters: { id: string; name: string }[];
}

/** A visit of a published market draw and one of its inspectors (a token for whoever the draw assigned). */
export async function assignedVisit(): Promise<SceneVisit> {
  const draw = await publishedDraw();
  const { draw: d } = await api<{
    draw: {
      visits: {
        nodes: {
          id: string;
          uscc: string;
          teams: { department: string; matters: { id: string; name: string }[]; inspectors: { id: string; name: string }[] }[];
        }[];
      };
    };
  }>(
    "query($d: ID!) { draw(id: $d) { visits(first: 5) { nodes { id uscc teams { department matters { id name } inspectors { id name } } } } } }",
    {
      d: draw,
    },
  );
  const v = d.visits.nodes[0]!;
  const team = v.teams.find((t) => t.department === "market")!;
  const who = team.inspectors[0]!;
  return {
    id: v.id,
    uscc: v.uscc,
    inspector: {
      sub: `inspector.market.${who.id}`,
      name: who.name,
      role: "inspector",
      department: "market",
      inspectorId: who.id,
    } as Identity,
    present: v.teams.flatMap((t) => t.inspectors.map((i) => `${t.department}:${i.id}`)),
    matters: team.matters,
  };
}

/** Signs the page in as `identity` with a token of the demo provider (as the sign-in page would store it). */
export async function signInWithToken(page: Page, identity: Identity): Promise<void> {
  const t = await token(identity, "2h");
  await page.goto("/signin");
  await page.evaluate(
    ([tok, who]) =>
      sessionStorage.setItem("ssj.session", JSON.stringify({ token: tok, ...who, expiresAt: Math.floor(Date.now() / 1000) + 7200 })),
    [t, identity] as const,
  );
}

export const MARKET_ADMIN = { sub: "wang.market", name: "王管理", role: "department_admin", department: "market" } as Identity;

/** A visit inspected and its market report submitted for review, all through the API. */
export async function reportedVisit(): Promise<SceneVisit> {
  const v = await assignedVisit();
  await api(
    "mutation($i: StartVisitInput!) { startVisit(input: $i) { id } }",
    {
      i: { visitId: v.id, noticeNumber: "资市监抽〔2027〕12 号", certificatesShown: true, present: v.present },
    },
    v.inspector,
  );
  for (const m of v.matters)
    await api(
      "mutation($i: FindingInput!) { recordFinding(input: $i) { id } }",
      {
        i: { visitId: v.id, department: "market", matterId: m.id, result: "NO_PROBLEM", description: "现场核查未发现问题" },
      },
      v.inspector,
    );
  await api("mutation($v: ID!) { endVisit(visitId: $v) { id } }", { v: v.id }, v.inspector);
  await api('mutation($v: ID!) { submitReport(visitId: $v, department: "market") { id } }', { v: v.id }, v.inspector);
  return v;
}

/** A visit inspected, reported, reviewed by the department's admin and published, all through the API. */
export async function publishedResult(): Promise<SceneVisit> {
  const v = await reportedVisit();
  await api('mutation($v: ID!) { reviewReport(visitId: $v, department: "market", approve: true) { id } }', { v: v.id }, MARKET_ADMIN);
  await api('mutation($v: ID!) { publishReport(visitId: $v, department: "market") { id } }', { v: v.id }, MARKET_ADMIN);
  return v;
}
