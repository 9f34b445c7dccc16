import { expect, test } from "@playwright/test";
import { api, expectAccessible, MARKET_ADMIN, reportedVisit, screenshot, signInWithToken } from "./support/helpers";

const reportStatus = async (visitId: string) =>
  (
    await api<{ visit: { reports: { department: string; status: string }[] } }>(
      "query($v: ID!) { visit(id: $v) { reports { department status } } }",
      { v: visitId },
      MARKET_ADMIN,
    )
  ).visit.reports.find((r) => r.department === "market")!.status;

test("the department admin returns a report with a reason, then approves and publishes the resubmitted one", async ({ page }) => {
  test.slow(); // a draw, an inspection and two rounds of review
  const v = await reportedVisit();
  await signInWithToken(page, MARKET_ADMIN);
  await page.goto("/reviews");
  const card = page.locator(".ant-card", { hasText: `（检查 ${v.id}）` });
  await expect(card.getByText("已提交")).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "review");

  // Returning without a reason is refused on the page, and nothing changes on the server.
  await card.getByRole("button", { name: /^退\s?回$/ }).click();
  const dialog = page.getByRole("dialog", { name: "退回报告" });
  await dialog.getByRole("button", { name: /^退\s?回$/ }).click();
  await expect(page.getByText("请填写退回理由")).toBeVisible();
  expect(await reportStatus(v.id)).toBe("REPORTED");
  await dialog.getByLabel("退回理由").fill("检查时间与执法记录仪不一致，请核对后重新提交");
  await dialog.getByRole("button", { name: /^退\s?回$/ }).click();
  await expect(page.getByText("报告已退回")).toBeVisible();
  await expect(card).toHaveCount(0);
  expect(await reportStatus(v.id)).toBe("DRAFT");

  // The inspector resubmits; the admin approves, then publishes.
  await api('mutation($v: ID!) { submitReport(visitId: $v, department: "market") { id } }', { v: v.id }, v.inspector);
  await page.reload();
  await card.getByRole("button", { name: "审定通过" }).click();
  await expect(card.getByText("已审定")).toBeVisible();
  await card.getByRole("button", { name: "公示结果" }).click();
  await expect(page.getByText("结果已公示")).toBeVisible();
  await expect(card).toHaveCount(0);
  expect(await reportStatus(v.id)).toBe("PUBLISHED");
  await expectAccessible(page);
});
