import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvFile, csvLine } from "./support/csv.js";
import { TestFederation } from "./support/federation.js";
import { matterInput, testUscc } from "./support/fixtures.js";

/** Imports as a county department's admin does them: template, spreadsheet values, corrections, re-imports. */
describe("a clerk imports the directory through the gateway", () => {
  let f: TestFederation;
  beforeAll(async () => {
    f = await TestFederation.start([{ code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" }]);
  });
  afterAll(async () => {
    await f?.stop();
  });

  const templateUrl = (encoding: string) => f.gatewayUrl.replace(/\/graphql$/, `/import/template.csv?encoding=${encoding}`);
  const record = (uscc: string) =>
    f
      .gql<{ supervisionRecord: any }>(
        'query($u: String!) { supervisionRecord(department: "market", uscc: $u) { riskClass dishonest abnormalList seriousViolation supervisionTypes history { action } } }',
        { u: uscc },
      )
      .then((d) => d.supervisionRecord);

  it("downloads the GBK template, fills it in as a spreadsheet would and imports it", async () => {
    const res = await fetch(templateUrl("GBK"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/csv/);
    const header = iconv.decode(Buffer.from(await res.arrayBuffer()), "gbk").trim();
    expect(header).toBe(
      "统一社会信用代码,名称,行业类别,地址,法定代表人,行政区划代码,监管类型,风险等级,经营异常,失信,严重违法失信,重点领域",
    );
    const row = (n: number, risk: string, flags: [string, string, string], types: string) =>
      [testUscc(n), `安岳县测试商店${n}号`, "零售", `安岳县岳阳镇${n}号`, "李四", "512021100", types, risk, ...flags, ""].join(",");
    const text = [
      header,
      row(1001, "B类", ["否", "N", "0"], '"食品经营，药品经营"'),
      row(1002, "B 类", ["是", "Y", "1"], "食品经营、特种设备"),
      row(1003, "b", ["FALSE", "TRUE", "false"], '"食品经营,工业产品;广告"'),
      row(1004, "Ｃ类", ["", "", ""], "食品经营"),
    ].join("\r\n");
    const { status, body } = await f.upload("market", iconv.encode(text, "gbk"), { encoding: "GBK" });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ encoding: "GBK", rows: 4, created: 4, rejected: 0, committed: true });
    expect(await record(testUscc(1001))).toMatchObject({
      riskClass: "B",
      abnormalList: false,
      dishonest: false,
      seriousViolation: false,
      supervisionTypes: ["食品经营", "药品经营"],
    });
    expect(await record(testUscc(1002))).toMatchObject({ riskClass: "B", abnormalList: true, dishonest: true, seriousViolation: true });
    expect(await record(testUscc(1003))).toMatchObject({
      riskClass: "B",
      dishonest: true,
      supervisionTypes: ["食品经营", "工业产品", "广告"],
    });
    expect((await record(testUscc(1004))).riskClass).toBe("C");
  });

  it("imports the county's registration export (GBK, spreadsheet values), listing the 41 bad credit codes by line", async () => {
    // As SCENARIOS §1: an export saved from a spreadsheet, Chinese headers, 41 rows with a wrong check digit.
    const header = "统一社会信用代码,名称,行业类别,地址,法定代表人,行政区划代码,监管类型,风险等级,经营异常,失信,严重违法失信,重点领域";
    const lines = [header];
    const badLines: number[] = [];
    for (let i = 0; i < 500; i++) {
      let uscc = testUscc(40000 + i);
      if (i % 12 === 5 && badLines.length < 41) {
        uscc = uscc.slice(0, 17) + (uscc[17] === "0" ? "1" : "0");
        badLines.push(lines.length + 1);
      }
      const risk = ["A类", "B 类", "c", "Ｄ类"][i % 4];
      const flag = ["否", "N", "0", "FALSE"][i % 4];
      lines.push(
        [
          uscc,
          `安岳县岳阳镇餐馆${i}号`,
          "餐饮服务",
          `安岳县岳阳镇柠都大道${i}号`,
          "张三",
          "512021100",
          "食品经营、餐饮服务",
          risk,
          flag,
          flag,
          "否",
          "食品药品",
        ].join(","),
      );
    }
    const { status, body } = await f.upload("market", iconv.encode(lines.join("\r\n") + "\r\n", "gbk"), { mode: "GOOD_ROWS" });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ encoding: "GBK", rows: 500, created: 459, rejected: 41, committed: true, errorsTruncated: false });
    expect(body.data.errors.map((e: any) => e.line)).toEqual(badLines);
    expect(body.data.errorSummary).toEqual([
      { code: "INVALID_USCC", column: "uscc", label: "统一社会信用代码：统一社会信用代码无效", count: 41 },
    ]);
    expect(body.data.errors[0].reason).toMatch(/校验码错误/);
  });

  it("serves the UTF-8 template with a byte-order mark and refuses an unknown encoding", async () => {
    const bytes = Buffer.from(await (await fetch(templateUrl("UTF-8"))).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toMatch(/^统一社会信用代码,名称/);
    const bad = await fetch(templateUrl("UTF-16"));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].extensions.code).toBe("BAD_USER_INPUT");
  });

  it("reports unchanged rows apart from updated ones, and writes no history for an identical re-import", async () => {
    const rows = [csvLine(1101), csvLine(1102), csvLine(1103)];
    expect((await f.upload("market", csvFile(rows))).body.data).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    const again = await f.upload("market", csvFile(rows));
    expect(again.body.data).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3, committed: true });
    expect((await record(testUscc(1101))).history).toEqual([{ action: "IMPORTED" }]);
    const changed = await f.upload("market", csvFile([csvLine(1101, { riskClass: "D" }), csvLine(1102), csvLine(1104)]));
    expect(changed.body.data).toMatchObject({ rows: 3, created: 1, updated: 1, unchanged: 1 });
    expect(await record(testUscc(1101))).toMatchObject({ riskClass: "D", history: [{ action: "IMPORTED" }, { action: "IMPORTED" }] });
    expect((await record(testUscc(1102))).history).toEqual([{ action: "IMPORTED" }]);
  });

  it("summarises a file of bad rows by reason and lists only the first 1,000", async () => {
    const bad: string[] = [];
    for (let i = 0; i < 1200; i++) bad.push(csvLine(20000 + i, { riskClass: "E" }));
    for (let i = 0; i < 300; i++) bad.push(csvLine(30000 + i, { region: "51", name: "" }));
    const { body } = await f.upload("market", csvFile(bad), { mode: "GOOD_ROWS" });
    expect(body.data).toMatchObject({ rows: 1500, created: 0, rejected: 1500, errorsTruncated: true });
    expect(body.data.errors).toHaveLength(1000);
    expect(body.data.errors[0]).toMatchObject({ line: 2, code: "BAD_USER_INPUT" });
    expect(body.data.errorSummary).toEqual([
      { code: "BAD_USER_INPUT", column: "riskClass", label: "信用风险分类：取值无法识别或超长", count: 1200 },
      { code: "REQUIRED_FIELD", column: "name", label: "名称：未填写", count: 300 },
      { code: "INVALID_REGION", column: "region", label: "行政区划代码：行政区划代码无效", count: 300 },
    ]);
  });

  it("finds subjects by part of their name, % and _ matching themselves", async () => {
    const rows = [
      csvLine(1301, { name: "岳阳镇百分百10%折扣店" }),
      csvLine(1302, { name: "岳阳镇10元店" }),
      csvLine(1303, { name: "岳阳镇a_b商行" }),
      csvLine(1304, { name: "岳阳镇axb商行" }),
    ];
    expect((await f.upload("market", csvFile(rows))).body.data.created).toBe(4);
    const named = async (name: string) =>
      (
        await f.gql<{ department: any }>(
          `query($n: String) { department(code: "market") { subjects(filter: { name: $n }) { nodes { name } } } }`,
          {
            n: name,
          },
        )
      ).department.subjects.nodes.map((s: any) => s.name);
    expect(await named("10%")).toEqual(["岳阳镇百分百10%折扣店"]);
    expect(await named("a_b")).toEqual(["岳阳镇a_b商行"]);
    expect((await named("岳阳镇")).length).toBeGreaterThanOrEqual(4);
    expect(await named("不存在的名字")).toEqual([]);
  });

  it("reads region names from the deployment's table, as anyone", async () => {
    const { gql } = await import("./support/federation.js");
    const data = await gql<{ regions: any; region: any; missing: any }>(
      f.gatewayUrl,
      `{ regions(parent: "512021", first: 2) { totalCount nodes { code name } pageInfo { hasNextPage endCursor } }
         region(code: "512021100") { name fullName level parentCode }
         missing: region(code: "999999") { name } }`,
    );
    expect(data.regions.totalCount).toBeGreaterThanOrEqual(9);
    expect(data.regions.nodes).toEqual([
      { code: "512021100", name: "岳阳镇" },
      { code: "512021101", name: "石羊镇" },
    ]);
    expect(data.regions.pageInfo.hasNextPage).toBe(true);
    expect(data.region).toEqual({ name: "岳阳镇", fullName: "资阳市安岳县岳阳镇", level: "TOWN", parentCode: "512021" });
    expect(data.missing).toBeNull();
    const next = await gql<{ regions: any }>(
      f.gatewayUrl,
      `query($a: String) { regions(parent: "512021", first: 1, after: $a) { nodes { code } } }`,
      {
        a: data.regions.pageInfo.endCursor,
      },
    );
    expect(next.regions.nodes).toEqual([{ code: "512021102" }]);
    const counties = await gql<{ regions: any }>(f.gatewayUrl, `{ regions(parent: "512000") { nodes { name } } }`);
    expect(counties.regions.nodes.map((r: any) => r.name)).toEqual(["雁江区", "安岳县", "乐至县", "高新区"]);
  });

  it("gives a matter an end date and deletes a draft that was never published", async () => {
    const created = await f.gql<{ createMatter: any }>(
      'mutation($i: MatterInput!) { createMatter(department: "market", input: $i) { code effectiveFrom effectiveTo status } }',
      { i: matterInput("END-1", { effectiveFrom: "2027-01-01", effectiveTo: "2027-12-31" }) },
    );
    expect(created.createMatter).toEqual({ code: "END-1", effectiveFrom: "2027-01-01", effectiveTo: "2027-12-31", status: "DRAFT" });
    const backwards = await f.gqlRaw('mutation($i: MatterInput!) { createMatter(department: "market", input: $i) { code } }', {
      i: matterInput("END-2", { effectiveFrom: "2027-06-01", effectiveTo: "2027-01-01" }),
    });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "effectiveTo" });
    expect(backwards.errors?.[0]?.message).toMatch(/应晚于生效日期/);

    expect((await f.gql<{ deleteMatter: boolean }>('mutation { deleteMatter(department: "market", code: "END-1") }')).deleteMatter).toBe(
      true,
    );
    const codes = async () =>
      (await f.gql<{ department: any }>('{ department(code: "market") { matters { nodes { code } } } }')).department.matters.nodes.map(
        (m: any) => m.code,
      );
    expect(await codes()).not.toContain("END-1");

    await f.gql('mutation($i: MatterInput!) { createMatter(department: "market", input: $i) { code } }', { i: matterInput("END-3") });
    await f.gql('mutation { publishMatter(department: "market", code: "END-3") { status } }');
    const refused = await f.gqlRaw('mutation { deleteMatter(department: "market", code: "END-3") }');
    expect(refused.errors?.[0]?.extensions?.code).toBe("INVALID_STATE");
    expect(await codes()).toContain("END-3");
  });

  it("after an import refused early for its header, the next imports through the gateway work", async () => {
    // Large enough that the department refuses it long before the gateway has finished sending it.
    const junk = Buffer.from("code,title\n" + "1,2\n".repeat(2_000_000));
    for (let attempt = 0; attempt < 3; attempt++) {
      const refused = await f.upload("market", junk);
      expect(refused.status).toBe(400);
      expect(refused.body.errors?.[0]?.extensions?.code).toBe("INVALID_CSV");
      const next = await f.upload("market", csvFile([csvLine(1200 + attempt)]));
      expect(next.status).toBe(200);
      expect(next.body.data).toMatchObject({ created: 1, committed: true });
    }
    // refused by the gateway itself: the sender still reads the reason
    const unknown = await f.upload("nosuch", junk, {}, await f.admin("market"));
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe("UNKNOWN_DEPARTMENT");
  });
});
