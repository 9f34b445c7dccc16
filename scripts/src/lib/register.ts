import { gql } from "./graphql-client.js";
import type { DepartmentSpec } from "./topology.js";

/** Registers each department with the county (through the gateway), or updates its URL if it moved. */
export async function registerDepartments(
  gatewayUrl: string,
  departments: DepartmentSpec[],
  coordinator: Record<string, string>,
): Promise<void> {
  const { departments: registered } = await gql<{ departments: { nodes: { code: string; url: string }[] } }>(
    gatewayUrl,
    "query { departments(first: 1000) { nodes { code url } } }",
    {},
    coordinator,
  );
  const known = new Map(registered.nodes.map((d) => [d.code, d.url]));
  for (const d of departments) {
    const url = `http://127.0.0.1:${d.port}/graphql`;
    if (!known.has(d.code)) {
      await gql(
        gatewayUrl,
        "mutation($input: RegisterDepartmentInput!) { registerDepartment(input: $input) { code } }",
        {
          input: { code: d.code, name: d.name, kind: d.kind, region: d.region, level: d.level, url },
        },
        coordinator,
      );
    } else if (known.get(d.code) !== url) {
      await gql(
        gatewayUrl,
        "mutation($code: String!, $url: String!) { updateDepartment(code: $code, input: { url: $url }) { code } }",
        { code: d.code, url },
        coordinator,
      );
    }
  }
}
