import { DEPARTMENT_CODES, generateDemo } from "../demo-data/index.js";
import { batchMutation } from "../lib/batch.js";
import { gql } from "../lib/graphql-client.js";
import { uploadSubjects } from "../lib/upload.js";
import { bearer, type Secrets } from "../lib/secrets.js";

/**
 * Loads the demo data set through the gateway, as a department admin would: matters created and
 * published, inspectors and experts entered, the subject directory imported as a CSV file.
 */
export async function seedDemo(gatewayUrl: string, opts: { subjects: number; secrets: Secrets; log?: (m: string) => void }): Promise<void> {
  const log = opts.log ?? (() => {});
  const demo = generateDemo({ subjects: opts.subjects });
  await Promise.all(
    DEPARTMENT_CODES.map(async (d) => {
      const admin = await bearer(opts.secrets, { sub: `seed.${d}`, role: "department_admin", department: d });
      const matters = demo.matters[d];
      await batchMutation(gatewayUrl, "createMatter", "MatterInput", { department: d }, matters, "{ id }", admin);
      const publish = matters.map(
        (m, j) => `p${j}: publishMatter(department: ${JSON.stringify(d)}, code: ${JSON.stringify(m.code)}) { status }`,
      );
      await gql(gatewayUrl, `mutation {\n${publish.join("\n")}\n}`, {}, admin);
      await batchMutation(gatewayUrl, "addInspector", "InspectorInput", { department: d }, demo.inspectors[d], "{ id }", admin);
      await batchMutation(gatewayUrl, "addExpert", "ExpertInput", { department: d }, demo.experts[d], "{ id }", admin);
      const report = await uploadSubjects(gatewayUrl, d, demo.departmentSubjects(d), { mode: "ALL_OR_NOTHING", headers: admin });
      if (!report.committed) throw new Error(`demo subjects for ${d} rejected: ${JSON.stringify(report.errors.slice(0, 3))}`);
      log(
        `${d}: ${matters.length} 项事项, ${demo.inspectors[d].length} 名检查人员, ${demo.experts[d].length} 名专家, ${report.created} 个市场主体`,
      );
    }),
  );
}
