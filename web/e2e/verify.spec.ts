import { expect, test } from "@playwright/test";
import { expectAccessible, publishedDraw, screenshot } from "./support/helpers";

test.describe("verifying a draw in the browser", () => {
  let drawId: string;
  test.beforeAll(async () => {
    drawId = await publishedDraw();
  });

  test("recomputes the published record with the draw engine and says 已验证", async ({ page }) => {
    await page.goto(`/draws/${drawId}`);
    await page.getByRole("button", { name: "在浏览器中验证" }).click();
    await expect(page.getByText("已验证", { exact: true })).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "verify");
  });

  test("shows a tampered record as not verified, with the first difference", async ({ page, request }) => {
    const file = await (await request.get(`/draws/${drawId}/record.json`)).json();
    const selected = file.view.selected as { ticket: string }[];
    expect(selected.length).toBeGreaterThan(0);
    selected[0]!.ticket = selected[0]!.ticket.replace(/\d$/, (d) => String((Number(d) + 1) % 10));
    await page.goto("/verify");
    await page
      .locator("input[type=file]")
      .setInputFiles({ name: "record.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
    await expect(page.getByText("未通过验证")).toBeVisible();
    // the view no longer hashes to the SHA-256 the draw committed to when it was published
    await expect(page.getByText(/第一处不同：view: hashes to/)).toBeVisible();
    await expectAccessible(page);
    await screenshot(page, "verify-tampered");
  });

  test("refuses a file that is not JSON, or of an unknown format, in plain Chinese", async ({ page }) => {
    await page.goto("/verify");
    const input = page.locator("input[type=file]");
    await input.setInputFiles({ name: "record.json", mimeType: "application/json", buffer: Buffer.from("这不是 JSON") });
    await expect(page.getByText(/文件不是 JSON 格式/)).toBeVisible();
    await input.setInputFiles({ name: "other.json", mimeType: "application/json", buffer: Buffer.from('{"format":"other/1"}') });
    await expect(page.getByText(/无法识别的记录格式「other\/1」/)).toBeVisible();
  });
});
