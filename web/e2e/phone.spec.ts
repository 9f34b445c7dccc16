import { expect, test } from "@playwright/test";
import { expectAccessible, publishedDraw, screenshot, signInAs } from "./support/helpers";

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test("the inspector's phone view lists my visits on a 390 px screen without sideways scrolling", async ({ page }) => {
  await publishedDraw();
  await signInAs(page, "市场监管局 1 号检查员");
  await expect(page).toHaveURL(/\/my$/);
  await expect(page.getByRole("heading", { name: "我的检查任务" })).toBeVisible();
  await expect(page.locator(".ant-card").first().or(page.getByText("暂无分配给您的检查任务"))).toBeVisible();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
  await expectAccessible(page);
  await screenshot(page, "phone");
});
