import { expect, test } from "@playwright/test";
import { expectAccessible, publishedDraw, screenshot } from "./support/helpers";

test("the public portal shows each department's published matter list and the plans, without sign-in", async ({ page }) => {
  const drawId = await publishedDraw();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "随机抽查事项清单" })).toBeVisible();
  await expect(page.getByRole("tab", { name: /资阳市市场监督管理局/ })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "抽查依据" }).first()).toBeVisible();
  // a matter row (the header row is row 0)
  await expect(page.getByRole("region", { name: "随机抽查事项清单" }).first().getByRole("row").nth(1)).toBeVisible();
  await expect(page.getByRole("link", { name: /已公布/ }).first()).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "portal");

  await page.goto(`/draws/${drawId}`);
  await expect(page.getByText("候选名录摘要（SHA-256）")).toBeVisible();
  await expect(page.getByText(/福彩3D 2027120 期 527/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "抽中名单" })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "draw");
});
