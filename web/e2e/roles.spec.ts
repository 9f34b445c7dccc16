import { expect, test } from "@playwright/test";
import { createdDraw, expectAccessible, screenshot, signInAs } from "./support/helpers";

test("the sign-in page lists the demo users; each role sees only its pages", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "以赵协调登录" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "signin");
  await signInAs(page, "王管理");
  await expect(page).toHaveURL(/\/console$/);
  await expect(page.getByRole("link", { name: "县区看板" })).toHaveCount(0);
  await page.goto("/dashboard");
  await expect(page.getByText("无权访问此页面")).toBeVisible();
});

test("an action refused by the API for the wrong role shows the API's Chinese message, and nothing changes", async ({ page }) => {
  const drawId = await createdDraw();
  await signInAs(page, "钱审计"); // the auditor reads everything and changes nothing
  await page.goto(`/hall/${drawId}`);
  await page.getByRole("button", { name: "冻结名录" }).click();
  await expect(page.locator(".ant-message-error")).toBeVisible();
  const refusal = await page.locator(".ant-message-error").innerText();
  expect(refusal).toMatch(/[\u4e00-\u9fff]/);
  await screenshot(page, "refused");
  await page.reload();
  await expect(page.getByTestId("hall-status")).toHaveText(/已创建/);
});
