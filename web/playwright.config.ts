import { defineConfig } from "@playwright/test";

/**
 * Browser tests (`npm run test:web`): Debian's chromium (Playwright cannot download its own browser on a
 * county intranet or in CI here), or the browser at CHROMIUM_PATH; a real federation started by
 * e2e/support/global-setup.ts serves the built web app.
 */
export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  globalSetup: "./e2e/support/global-setup.ts",
  timeout: 120_000,
  expect: { timeout: 30_000 },
  workers: 1,
  fullyParallel: false,
  reporter: [["list"]],
  use: {
    baseURL: process.env.WEB_BASE_URL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 1280, height: 860 },
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] },
    trace: "off",
  },
});
