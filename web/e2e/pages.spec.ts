import { expect, test } from "@playwright/test";
import { expectAccessible, publishedDraw, screenshot, signInAs } from "./support/helpers";

// Pages no other browser test walks through: each one rendered with data, checked by axe, photographed.
test("the county dashboard (coordinator) shows departments, plans and draws, accessibly", async ({ page }) => {
  await publishedDraw();
  await signInAs(page, "赵协调");
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(".ant-statistic", { hasText: "摇号" }).locator(".ant-statistic-content-value")).not.toHaveText("0");
  await expectAccessible(page);
  await screenshot(page, "dashboard");
});

test("the department console's tabs (matters, subjects, inspectors) are accessible", async ({ page }) => {
  await signInAs(page, "王管理");
  await page.goto("/console");
  for (const [tab, shot] of [
    ["抽查事项清单", "console-matters"],
    ["市场主体名录库", "console-subjects"],
    ["执法检查人员名录库", "console-inspectors"],
  ] as const) {
    await page.getByRole("tab", { name: tab }).click();
    await expect(page.getByRole("tabpanel", { name: tab }).locator(".ant-table-row").first()).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, shot);
  }
});
