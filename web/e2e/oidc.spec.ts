import { expect, test } from "@playwright/test";
import { expectAccessible, screenshot } from "./support/helpers";

// A second gateway of the same federation trusts only the OpenID Connect provider (its JWKS): e2e/support/oidc.mjs.
test("OpenID Connect: authorization code + PKCE against a real provider, then the page shows the signed-in role", async ({ page }) => {
  const base = process.env.WEB_OIDC_BASE_URL!;
  await page.goto(`${base}/signin`);
  await expect(page.getByRole("button", { name: /以.*登录/ })).toHaveCount(0); // no demo users on this gateway
  const authorization = page.waitForRequest((r) => r.url().startsWith(`${process.env.WEB_OIDC_ISSUER}/auth?`));
  await page.getByRole("button", { name: "统一身份认证登录" }).click();
  const params = new URL((await authorization).url()).searchParams;
  expect(params.get("response_type")).toBe("code");
  expect(params.get("code_challenge_method")).toBe("S256");
  expect(params.get("code_challenge")).toMatch(/^[\w-]{43}$/);

  // The provider's own pages: sign in, then consent.
  await expect(page).toHaveURL(new RegExp(`^${process.env.WEB_OIDC_ISSUER}/interaction/`));
  await page.locator("input[name=login]").fill("zhao.coordinator");
  await page.locator("input[name=password]").fill("任意口令");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();

  // Back on the web: the ID token is the session's bearer token, and the gateway accepts it.
  await expect(page).toHaveURL(new RegExp(`^${base}/`));
  await expect(page.getByText("赵协调（县区协调员）")).toBeVisible();
  await page.goto(`${base}/dashboard`);
  await expect(page.getByText("无权访问此页面")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(".ant-alert-error")).toHaveCount(0);
  await expectAccessible(page);
  await screenshot(page, "oidc-signed-in");
});
