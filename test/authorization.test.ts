import { AuditEvent, type Identity } from "@ssj/shared";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gqlRaw } from "../scripts/src/lib/graphql-client.js";
import { csvFile, csvLine } from "./support/csv.js";
import { fillBooks } from "./support/books.js";
import { TestFederation } from "./support/federation.js";
import { inspectorInput, matterInput, subjectInput, testUscc } from "./support/fixtures.js";

type Who = "public" | "inspector.market" | "admin.market" | "admin.ecology" | "coordinator" | "auditor";
const WHO: Who[] = ["public", "inspector.market", "admin.market", "admin.ecology", "coordinator", "auditor"];
const IDENTITY: Record<Exclude<Who, "public">, Identity> = {
  "inspector.market": { sub: "insp1", role: "inspector", department: "market", inspectorId: "1" },
  "admin.market": { sub: "wang", role: "department_admin", department: "market" },
  "admin.ecology": { sub: "sun", role: "department_admin", department: "ecology" },
  coordinator: { sub: "zhao", role: "county_coordinator", region: "512000" },
  auditor: { sub: "qian", role: "auditor" },
};

/** docs/rules.md ("Who may do what") as a table, run through the gateway against real services. */
describe("who may see and do what", () => {
  let f: TestFederation;
  let planId: string;
  let drawId: string;
  const headers = async (who: Who) => (who === "public" ? {} : f.as(IDENTITY[who]));
  let n = 0;

  beforeAll(async () => {
    f = await TestFederation.start([
      { code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" },
      { code: "ecology", name: "生态环境局" },
    ]);
    const [m] = await fillBooks(
      f.gatewayUrl,
      "market",
      { matters: [{ code: "SC-1" }], subjects: [1, 8], inspectors: [1, 2, 3] },
      await f.admin("market"),
    );
    const plan = await f.gql("mutation($i: PlanInput!) { createPlan(input: $i) { id } }", {
      i: {
        name: "市场监管局 2027 抽查",
        leadDepartment: "market",
        matters: [{ department: "market", matterId: m }],
        ratios: { D: 1, C: 1, B: 1, A: 1 },
        windowStart: "2027-04-01",
        windowEnd: "2027-04-30",
      },
    });
    planId = plan.createPlan.id;
    drawId = (await f.gql("mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: planId })).createDraw.id;
    await f.gql("mutation($d: ID!) { freezeDraw(drawId: $d) { id } }", { d: drawId });
    await f.gql('mutation($d: ID!) { enterCeremonyValues(drawId: $d, values: ["1"]) { id } }', { d: drawId });
    await f.gql("mutation($d: ID!) { executeDraw(drawId: $d) { id } }", { d: drawId });
    await f.gql("mutation($d: ID!) { publishDraw(drawId: $d) { id } }", { d: drawId });
  }, 120_000);
  afterAll(async () => {
    await f?.stop();
  });

  const mutations: { name: string; allowed: Who[]; run: () => [string, Record<string, unknown>] }[] = [
    {
      name: "createMatter (market)",
      allowed: ["admin.market"],
      run: () => ['mutation($i: MatterInput!) { createMatter(department: "market", input: $i) { id } }', { i: matterInput(`AUTH-${++n}`) }],
    },
    {
      name: "addSubject (market)",
      allowed: ["admin.market"],
      run: () => ['mutation($i: SubjectInput!) { addSubject(department: "market", input: $i) { uscc } }', { i: subjectInput(1000 + ++n) }],
    },
    {
      name: "addInspector (market)",
      allowed: ["admin.market"],
      run: () => [
        'mutation($i: InspectorInput!) { addInspector(department: "market", input: $i) { id } }',
        { i: inspectorInput(1000 + ++n) },
      ],
    },
    {
      name: "importSubjectsCsv (market)",
      allowed: ["admin.market"],
      run: () => [
        'mutation($c: String!) { importSubjectsCsv(department: "market", csv: $c) { created } }',
        { c: csvFile([csvLine(2000 + ++n)]).toString("utf8") },
      ],
    },
    {
      name: "registerDepartment",
      allowed: ["coordinator"],
      run: () => [
        "mutation($i: RegisterDepartmentInput!) { registerDepartment(input: $i) { code } }",
        { i: { code: `x${++n}`, name: "测试局", kind: "OTHER", region: "512000", level: "COUNTY", url: "http://127.0.0.1:1/graphql" } },
      ],
    },
    {
      name: "createDraw (market plan; refused later as the draw exists)",
      allowed: ["admin.market", "coordinator"],
      run: () => ["mutation($p: ID!) { createDraw(planId: $p) { id } }", { p: planId }],
    },
  ];

  describe.each(mutations)("mutation $name", ({ allowed, run }) => {
    it.each(WHO)("as %s", async (who) => {
      const [query, variables] = run();
      const res = await gqlRaw(f.gatewayUrl, query, variables, await headers(who));
      const code = res.errors?.[0]?.extensions?.code;
      if (allowed.includes(who)) expect(code === undefined || code === "ONE_DRAW_PER_TASK").toBe(true);
      else expect(code).toBe("FORBIDDEN");
    });
  });

  const queries: { name: string; allowed: Who[]; query: string; variables?: () => Record<string, unknown> }[] = [
    {
      name: "the market directory",
      allowed: ["inspector.market", "admin.market", "coordinator", "auditor"],
      query: '{ department(code: "market") { subjects { totalCount } } }',
    },
    {
      name: "a risk class",
      allowed: ["inspector.market", "admin.market", "coordinator", "auditor"],
      query: 'query($u: String!) { supervisionRecord(department: "market", uscc: $u) { riskClass } }',
      variables: () => ({ u: testUscc(1) }),
    },
    {
      name: "a draw's audit log",
      allowed: ["coordinator", "auditor"],
      query: "query($d: ID!) { draw(id: $d) { auditLog { seq } } }",
      variables: () => ({ d: drawId }),
    },
    {
      name: "an inspector's assignments",
      allowed: ["inspector.market", "admin.market", "coordinator", "auditor"],
      query: '{ inspector(department: "market", id: "1") { visits { totalCount } } }',
    },
  ];

  describe.each(queries)("query: $name", ({ allowed, query, variables }) => {
    it.each(WHO)("as %s", async (who) => {
      const res = await gqlRaw(f.gatewayUrl, query, variables?.() ?? {}, await headers(who));
      const code = res.errors?.[0]?.extensions?.code;
      if (allowed.includes(who)) expect(res.errors).toBeUndefined();
      else expect(code).toBe("FORBIDDEN");
    });
  });

  it("gives the frozen inspector pool to auditors only", async () => {
    const url = f.gatewayUrl.replace(/\/graphql$/, `/draws/${drawId}/record.json?pools=all`);
    expect((await fetch(url)).status).toBe(403);
    expect((await fetch(url, { headers: await headers("admin.market") })).status).toBe(403);
    expect((await fetch(url, { headers: await headers("auditor") })).status).toBe(200);
  });

  it("masks personal data for the public", async () => {
    const q =
      'query($u: String!) { supervisionRecord(department: "market", uscc: $u) { legalRepresentative } inspector(department: "market", id: "1") { certificateNo } }';
    const pub = await gqlRaw<any>(f.gatewayUrl, q, { u: testUscc(1) });
    expect(pub.data.supervisionRecord.legalRepresentative).toBe("王*国");
    expect(pub.data.inspector.certificateNo).toMatch(/^川执字5\*+\d{3}$/);
    const own = await gqlRaw<any>(f.gatewayUrl, q, { u: testUscc(1) }, await headers("admin.market"));
    expect(own.data.supervisionRecord.legalRepresentative).toBe("王建国");
    expect(own.data.inspector.certificateNo).toBe("川执字512000-000001");
  });

  it("masks a record reached through subject(uscc) { records } as through supervisionRecord", async () => {
    const q = "query($u: String!) { subject(uscc: $u) { records { department legalRepresentative riskClass } } }";
    const pub = await gqlRaw<any>(f.gatewayUrl, q, { u: testUscc(1) });
    expect(pub.data?.subject?.records?.[0]?.riskClass ?? null).toBeNull();
    expect(pub.errors?.map((e: any) => e.extensions?.code)).toContain("FORBIDDEN");
    const names = await gqlRaw<any>(f.gatewayUrl, "query($u: String!) { subject(uscc: $u) { records { legalRepresentative } } }", {
      u: testUscc(1),
    });
    expect(names.data.subject.records).toEqual([{ legalRepresentative: "王*国" }]);
    const own = await gqlRaw<any>(f.gatewayUrl, q, { u: testUscc(1) }, await headers("admin.market"));
    // the matrix above registers departments at a dead address (x1, x2, …): their absence is reported, nothing else
    const refusals = (own.errors ?? []).filter(
      (e: any) => !(e.extensions?.code === "DEPARTMENT_UNAVAILABLE" && /^x\d+$/.test(e.extensions.department)),
    );
    expect(refusals).toEqual([]);
    expect(own.data.subject.records).toEqual([{ department: "market", legalRepresentative: "王建国", riskClass: expect.any(String) }]);
  });

  it("shows an inspector only their own visits", async () => {
    const all = await f.gql("query($d: ID!) { draw(id: $d) { visits { nodes { inspectors { id department } } } } }", { d: drawId });
    const mine = all.draw.visits.nodes.filter((v: any) => v.inspectors.some((i: any) => i.department === "market" && i.id === "1")).length;
    const seen = await gqlRaw<any>(
      f.gatewayUrl,
      "query($d: ID!) { draw(id: $d) { visits { totalCount } } }",
      { d: drawId },
      await headers("inspector.market"),
    );
    expect(seen.data.draw.visits.totalCount).toBe(mine);
    expect(mine).toBeLessThan(all.draw.visits.nodes.length);
  });

  describe("tokens", () => {
    const sign = (claims: Record<string, unknown>, opts: { secret?: string; audience?: string; exp?: string | number } = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: "HS256" })
        .setSubject("x")
        .setIssuer("ssj-demo-idp")
        .setAudience(opts.audience ?? "ssj-gateway")
        .setExpirationTime(opts.exp ?? "1h")
        .sign(new TextEncoder().encode(opts.secret ?? f.jwtSecret));
    it.each([
      ["expired", { exp: Math.floor(Date.now() / 1000) - 60 }],
      ["wrongly signed", { secret: "not-the-secret-at-all-0123456789abcdef" }],
      ["for another audience", { audience: "someone-else" }],
    ])("refuses a token %s with UNAUTHENTICATED and changes nothing", async (_label, opts) => {
      const token = await sign({ role: "department_admin", department: "market" }, opts as never);
      const res = await gqlRaw(
        f.gatewayUrl,
        'mutation($i: MatterInput!) { createMatter(department: "market", input: $i) { id } }',
        { i: matterInput("TOKEN-X") },
        { authorization: `Bearer ${token}` },
      );
      expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      const list = await f.gql('{ department(code: "market") { matters { nodes { code } } } }');
      expect(list.department.matters.nodes.map((m: any) => m.code)).not.toContain("TOKEN-X");
    });
  });

  describe("straight to a subgraph", () => {
    it.each([
      ["_service", "{ _service { sdl } }"],
      [
        "_entities",
        '{ _entities(representations: [{ __typename: "Department", code: "market" }]) { ... on Department { publishedMatterCount } } }',
      ],
      [
        "a mutation",
        'mutation { createMatter(department: "market", input: { code: "DIRECT", name: "x", subItem: "x", legalBasis: "x", implementingBody: "x", objectType: "x", content: "x", matterClass: KEY, defaultRatio: 0.1, yearlyFrequency: 1, qualifications: [], appliesTo: ["x"] }) { id } }',
      ],
    ])("refuses %s without a signature, or with a forged one, and logs the attempt", async (_label, query) => {
      const market = f.departments.get("market")!;
      const unsigned = await fetch(market.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      });
      expect(unsigned.status).toBe(401);
      expect(((await unsigned.json()) as any).errors[0].extensions.code).toBe("UNAUTHENTICATED");
      const forged = await new SignJWT({ role: "department_admin", department: "market", qh: "x" })
        .setProtectedHeader({ alg: "HS256" })
        .setSubject("mallory")
        .setAudience("ssj-internal")
        .setExpirationTime("1m")
        .sign(new TextEncoder().encode("a-guessed-secret-0123456789abcdef"));
      const res = await fetch(market.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-ssj-identity": forged },
        body: JSON.stringify({ query }),
      });
      expect(res.status).toBe(401);
      const refused = await market.orm.em.fork().count(AuditEvent, { chain: "security" });
      expect(refused).toBeGreaterThanOrEqual(2);
    });

    it("refuses the pool stream to anyone but the platform and auditors", async () => {
      const market = f.departments.get("market")!;
      const url = market.url.replace(/\/graphql$/, "/pool/candidates?department=market");
      expect((await fetch(url)).status).toBe(401);
      const asAdmin = await f.internal(IDENTITY["admin.market"], "GET /pool/candidates");
      expect((await fetch(url, { headers: asAdmin })).status).toBe(403);
    });
  });

  it("logs every mutation, allowed or refused, with who, role and department", async () => {
    await gqlRaw(
      f.gatewayUrl,
      'mutation($i: MatterInput!) { createMatter(department: "market", input: $i) { id } }',
      { i: matterInput("LOGGED-1") },
      await headers("admin.ecology"),
    );
    const events = await f.departments
      .get("market")!
      .orm.em.fork()
      .find(AuditEvent, { chain: "mutations" }, { orderBy: { seq: "desc" }, limit: 1 });
    const payload = JSON.parse(events[0]!.payload);
    expect(events[0]!.actor).toBe("department_admin:sun@ecology");
    expect(payload).toMatchObject({
      fields: ["createMatter"],
      role: "department_admin",
      department: "ecology",
      outcome: "refused",
      errors: ["FORBIDDEN"],
    });
  });
});
