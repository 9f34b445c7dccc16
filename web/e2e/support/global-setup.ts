import { startWebFederation } from "./federation";

/** Starts the federation once for all browser tests; its address reaches the tests through the environment. */
export default async function globalSetup() {
  const f = await startWebFederation(Number(process.env.WEB_TEST_SUBJECTS ?? 300));
  process.env.WEB_BASE_URL = f.baseUrl;
  process.env.WEB_GATEWAY_URL = f.gatewayUrl;
  process.env.WEB_JWT_SECRET = f.jwtSecret;
  return async () => f.stop();
}
