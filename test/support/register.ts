import { gql } from "../../scripts/src/lib/graphql-client.js";

/** What a test registers: a city-level department of region 512000 unless said otherwise. */
export interface TestDepartment {
  code: string;
  name: string;
  url: string;
  kind?: string;
  level?: string;
  region?: string;
  parentCode?: string | null;
}

/** The market supervision department most fault tests run with. */
export const MARKET = { code: "market", name: "市场监管局", kind: "MARKET_SUPERVISION" } as const;

/** Registers a department through a gateway, as the county coordinator whose headers are given. */
export async function registerDepartment(gatewayUrl: string, d: TestDepartment, headers: Record<string, string>): Promise<void> {
  const input = { kind: "OTHER", level: "CITY", region: "512000", parentCode: null, ...d };
  await gql(gatewayUrl, "mutation($input: RegisterDepartmentInput!) { registerDepartment(input: $input) { code } }", { input }, headers);
}
