import { expect, test } from "@playwright/test";
import { api, expectAccessible, screenshot, signInAs } from "./support/helpers";

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
  const { createPlan } = await api<{ createPlan: { id: string } }>(`mutation($i: PlanInput!) { createPlan(input: $i) { id } }`, {
    i: {
      name: `市场监管局计划 ${Date.now()}`,
      leadDepartment: "market",
      matters: (
        await api<{ department: { matters: { nodes: { id: string }[] } } }>(
          'query { department(code: "market") { matters(status: PUBLISHED, first: 1) { nodes { id } } } }',
          {},
        )
      ).department.matters.nodes.map((m) => ({ department: "market", matterId: m.id })),
      ratios: { D: 0.3, C: 0.1, B: 0.05, A: 0.02 },
      windowStart: "2027-06-01",
      windowEnd: "2027-06-30",
    },
  });
  const { createDraw } = await api<{ createDraw: { id: string } }>("mutation($p: ID!) { createDraw(planId: $p) { id } }", {
    p: createPlan.id,
  });
  await signInAs(page, "孙管理"); // the ecology department's admin: not this plan's department
  await page.goto(`/hall/${createDraw.id}`);
  await page.getByRole("button", { name: "冻结名录" }).click();
  await expect(page.locator(".ant-message-error")).toBeVisible();
  const refusal = await page.locator(".ant-message-error").innerText();
  expect(refusal).toMatch(/[\u4e00-\u9fff]/);
  await screenshot(page, "refused");
  await page.reload();
  await expect(page.getByTestId("hall-status")).toHaveText(/已创建/);
});
