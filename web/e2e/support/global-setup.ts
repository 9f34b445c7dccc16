import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/**
 * Starts the federation once for all browser tests (e2e/support/federation.mjs, a child process); its
 * addresses reach the tests through the environment. Returns the teardown that stops it.
 */
export default async function globalSetup() {
  // A federation already running (WEB_BASE_URL, WEB_GATEWAY_URL, WEB_JWT_SECRET given): use it.
  if (process.env.WEB_BASE_URL && process.env.WEB_GATEWAY_URL && process.env.WEB_JWT_SECRET) return;
  const script = fileURLToPath(new URL("./federation.mjs", import.meta.url));
  const child = spawn(process.execPath, [script, process.env.WEB_TEST_SUBJECTS ?? "100"], { stdio: ["ignore", "pipe", "inherit"] });
  const ready = await new Promise<{ baseUrl: string; gatewayUrl: string; jwtSecret: string; oidcBaseUrl: string; oidcIssuer: string }>(
    (resolve, reject) => {
      let out = "";
      child.stdout!.on("data", (c: Buffer) => {
        out += c.toString();
        const line = out.split("\n").find((l) => l.startsWith("READY "));
        if (line) resolve(JSON.parse(line.slice(6)));
      });
      child.once("exit", (code) => reject(new Error(`the test federation exited (code ${code}) before it was ready:\n${out}`)));
    },
  );
  process.env.WEB_BASE_URL = ready.baseUrl;
  process.env.WEB_GATEWAY_URL = ready.gatewayUrl;
  process.env.WEB_JWT_SECRET = ready.jwtSecret;
  process.env.WEB_OIDC_BASE_URL = ready.oidcBaseUrl;
  process.env.WEB_OIDC_ISSUER = ready.oidcIssuer;
  return async () => {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  };
}
