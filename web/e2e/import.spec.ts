import { expect, test } from "@playwright/test";
import { expectAccessible, screenshot, signInAs } from "./support/helpers";

test("a CSV import with bad rows lists every refused line and imports nothing (all or nothing)", async ({ page }) => {
  await signInAs(page, "王管理");
  await page.getByRole("tab", { name: "市场主体名录库" }).click();
  const csv = [
    "uscc,name,category,address,legalRepresentative,region,supervisionTypes,riskClass,abnormalList,dishonest,seriousViolation,keySectors",
    "91512000MA6CXXXX1X,坏的信用代码公司,餐饮服务,资阳市雁江区,张三,512002,餐饮服务,B,false,false,false,",
    "91512002MA62TK8T4A,,餐饮服务,资阳市雁江区,李四,512002,餐饮服务,B,false,false,false,",
  ].join("\n");
  await page.locator("input[type=file]").setInputFiles({ name: "subjects.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByText(/未导入任何数据/)).toBeVisible();
  await expect(page.getByRole("cell", { name: "2", exact: true })).toBeVisible();
  await expect(page.getByRole("cell", { name: "3", exact: true })).toBeVisible();
  await expectAccessible(page);
  await screenshot(page, "console-import");
});
