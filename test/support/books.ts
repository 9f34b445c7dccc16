import { gql } from "../../scripts/src/lib/graphql-client.js";
import { csvFile, csvLine, uploadCsv } from "./csv.js";
import { inspectorInput, matterInput } from "./fixtures.js";

/**
 * Fills one department's books through the gateway: published matters, subjects (numbers `from`…`to`,
 * risk classes cycling A–D) and inspectors. Returns the matter version ids.
 */
export async function fillBooks(
  gatewayUrl: string,
  department: string,
  opts: {
    matters: { code: string; overrides?: Record<string, unknown> }[];
    subjects: [number, number];
    inspectors: number[];
    category?: string;
    supervisionType?: string;
    risk?: (n: number) => string;
  },
  /** The department admin's headers. */
  admin: Record<string, string>,
): Promise<string[]> {
  const category = opts.category ?? "食品安全";
  const type = opts.supervisionType ?? "食品经营";
  const ids: string[] = [];
  for (const m of opts.matters) {
    const { createMatter } = await gql<{ createMatter: { id: string } }>(
      gatewayUrl,
      "mutation($d: String!, $i: MatterInput!) { createMatter(department: $d, input: $i) { id } }",
      {
        d: department,
        i: matterInput(m.code, { qualifications: [category], appliesTo: [type], ...m.overrides }),
      },
      admin,
    );
    await gql(
      gatewayUrl,
      "mutation($d: String!, $c: String!) { publishMatter(department: $d, code: $c) { status } }",
      { d: department, c: m.code },
      admin,
    );
    ids.push(createMatter.id);
  }
  const risk = opts.risk ?? ((n: number) => "ABCD"[n % 4]!);
  const lines: string[] = [];
  for (let n = opts.subjects[0]; n <= opts.subjects[1]; n++) lines.push(csvLine(n, { riskClass: risk(n), supervisionTypes: type }));
  const { body } = await uploadCsv(gatewayUrl, department, csvFile(lines), {}, admin);
  if (!body.data?.committed) throw new Error(`subjects not imported into ${department}: ${JSON.stringify(body)}`);
  for (const n of opts.inspectors) {
    await gql(
      gatewayUrl,
      "mutation($d: String!, $i: InspectorInput!) { addInspector(department: $d, input: $i) { id } }",
      {
        d: department,
        i: inspectorInput(n, { categories: [category], region: "512021" }),
      },
      admin,
    );
  }
  return ids;
}
