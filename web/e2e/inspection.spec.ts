import { expect, test } from "@playwright/test";
import { api, assignedVisit, expectAccessible, publishedResult, screenshot, signInWithToken } from "./support/helpers";

test.describe("the inspector's visit on a 390 px phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("start → a finding per matter with a photo → end → the report draft, without sideways scrolling", async ({ page }) => {
    const v = await assignedVisit();
    await signInWithToken(page, v.inspector);
    await page.goto("/my");
    await page.getByRole("link", { name: "开始检查" }).first().waitFor();
    await page.goto(`/my/visits/${v.id}`);
    await expect(page.getByTestId("visit-status")).toHaveText("待检查");
    // Refused in the form: no notice number.
    await page.getByRole("button", { name: "开始检查" }).click();
    await expect(page.getByText("请填写送达的检查通知书编号")).toBeVisible();
    await page.getByLabel("检查通知书编号").fill("资市监抽〔2027〕31 号");
    await page.getByLabel("已出示执法证件").check();
    await expectAccessible(page);
    await screenshot(page, "phone-start");
    await page.getByRole("button", { name: "开始检查" }).click();
    await expect(page.getByTestId("visit-status")).toHaveText("检查中");

    // Ending before every matter has a finding is refused by the API, in Chinese, and nothing changes.
    await page.getByRole("button", { name: "结束检查" }).click();
    await expect(page.locator(".ant-message-error")).toContainText(/[\u4e00-\u9fff]/);
    await expect(page.getByTestId("visit-status")).toHaveText("检查中");

    for (const m of v.matters) {
      await page
        .getByRole("button", { name: new RegExp(m.name) })
        .first()
        .click();
      await page.getByLabel(`${m.name}的检查结果`).click();
      await page.locator(".ant-select-dropdown:visible").getByTitle("07 发现问题已责令改正").click();
      await page.getByLabel(`${m.name}的情况描述`).fill("后厨未按规定公示食品安全信息，已当场责令改正");
      await page.getByRole("button", { name: `保存「${m.name}」的结果` }).click();
      await expect(page.getByRole("button", { name: new RegExp(m.name) }).first()).toContainText("07 发现问题已责令改正");
    }
    // A photo from the camera (a real PNG: the county sniffs the bytes).
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");
    await page.getByLabel("拍照取证（可多张）").setInputFiles({ name: "后厨.png", mimeType: "image/png", buffer: png });
    await expect(page.getByRole("link", { name: "后厨.png" })).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await expectAccessible(page);
    await screenshot(page, "phone-findings");

    await page.getByRole("button", { name: "结束检查" }).click();
    await expect(page.getByTestId("visit-status")).toHaveText("已检查");
    await expect(page.getByRole("heading", { name: "检查报告" })).toBeVisible();
    await expect(page.getByLabel("（四）检查结果")).not.toBeEmpty();
    await page.getByRole("button", { name: "提交审核" }).click();
    await expect(page.getByText("已提交", { exact: true })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "phone-report");

    // The server has it: the visit's evidence and its report, as the API tells the inspector.
    const { visit } = await api<{ visit: { status: string; evidence: { fileName: string }[]; reports: { status: string }[] } }>(
      "query($id: ID!) { visit(id: $id) { status evidence { fileName } reports { status } } }",
      { id: v.id },
      v.inspector,
    );
    expect(visit.evidence.map((e) => e.fileName)).toEqual(["后厨.png"]);
    expect(visit.reports.map((r) => r.status)).toEqual(["REPORTED"]);
  });
});

test("the public results page finds a published result by USCC and by name, and per plan, without sign-in", async ({ page }) => {
  const v = await publishedResult();
  const { subject } = await api<{ subject: { records: { name: string }[] } }>(
    "query($u: String!) { subject(uscc: $u) { records { name } } }",
    {
      u: v.uscc,
    },
  );
  const name = subject.records[0]!.name;
  await page.goto("/results");
  await page.getByLabel("统一社会信用代码或企业名称").fill(v.uscc);
  await page.getByLabel("统一社会信用代码或企业名称").press("Enter");
  await expect(page).toHaveURL(new RegExp(`uscc=${v.uscc}`));
  const row = page.locator(".ant-table-row").first();
  await expect(row).toContainText("01 未发现问题");
  await expect(row).toContainText("market");
  await expectAccessible(page);
  await screenshot(page, "results");

  // by a part of the name: the server filters (publishedResults(name:)), the row names the subject as drawn
  await page.goto("/results");
  await page.getByLabel("统一社会信用代码或企业名称").fill(name.slice(2));
  await page.getByLabel("统一社会信用代码或企业名称").press("Enter");
  await expect(page).toHaveURL(/name=/);
  const byName = page.locator(".ant-table-row", { hasText: v.uscc });
  await expect(byName).toContainText(name);
  await expect(byName).toContainText("01 未发现问题");

  // per plan: the portal's plan list links here
  const { visit } = await api<{ visit: { draw: { plan: { id: string } } } }>(
    "query($id: ID!) { visit(id: $id) { draw { plan { id } } } }",
    {
      id: v.id,
    },
  );
  await page.goto(`/results?plan=${visit.draw.plan.id}`);
  await expect(page.locator(".ant-table-row", { hasText: v.uscc })).toContainText("01 未发现问题");
});
