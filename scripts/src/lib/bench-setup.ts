import type { SubjectRecordInput } from "@ssj/shared";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DEPARTMENTS } from "../demo-data/departments.js";
import { batchMutation } from "./batch.js";
import { launchFederation, type FederationOptions, type LocalFederation } from "./federation.js";
import { dropDatabases } from "./scratch-databases.js";
import { databaseUrl, type Topology } from "./topology.js";
import { gql } from "./graphql-client.js";
import { bearer, DEMO_USERS, loadSecrets, type Secrets } from "./secrets.js";
import type { ImportReportJson } from "./upload.js";
import { uploadSubjects } from "./upload.js";

type DemoDepartment = (typeof DEPARTMENTS)[number];

/** The supervision type every benchmark subject and matter carries, so that each matter applies to each subject. */
export const BENCH_TYPE = "联合抽查对象";

/** A benchmark's running federation in a scratch data folder, and the county coordinator's headers. */
export interface BenchFederation {
  url: string;
  secrets: Secrets;
  federation: LocalFederation;
  coordinator: Record<string, string>;
  /** Where a service ("county", "department-market", …) keeps its database: a benchmark may seed it directly. */
  databaseUrl(service: string): string;
  /** Stops every service (SIGKILL after `graceMs`, default 5 s), removes the data folder and drops the run's PostgreSQL databases. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts a whole federation for a benchmark (the set-up `bench:inspection` and `bench:joint` share): a scratch
 * data folder, fresh keys, the given departments on consecutive ports, SQLite or the given PostgreSQL.
 */
export async function startBenchFederation(
  name: string,
  departments: readonly DemoDepartment[],
  ports: { gateway: number; county: number; firstDepartment: number },
  postgresUrl?: string,
  options?: FederationOptions,
): Promise<BenchFederation> {
  const dir = mkdtempSync(join(tmpdir(), `ssj-bench-${name}-`));
  const secrets = loadSecrets(dir);
  const topology: Topology = {
    dataDir: dir,
    gatewayPort: ports.gateway,
    countyPort: ports.county,
    departments: departments.map((d, i) => ({ ...d, port: ports.firstDepartment + i })),
    postgresUrl,
    // the run's own databases, dropped by `stop`: a second run must not meet the first one's books
    databasePrefix: `ssj_bench_${name}_${process.pid}_`,
  };
  const federation = await launchFederation(topology, secrets, options);
  return {
    url: federation.gatewayUrl,
    secrets,
    federation,
    coordinator: await bearer(secrets, DEMO_USERS[0]!),
    databaseUrl: (service) => databaseUrl(topology, service),
    async stop(graceMs) {
      await federation.stop(graceMs);
      if (postgresUrl) await dropDatabases(postgresUrl, topology.databasePrefix!);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The department admin's headers a benchmark acts with. */
export const benchAdmin = (secrets: Secrets, department: string) =>
  bearer(secrets, { sub: `bench.${department}`, role: "department_admin", department });

/**
 * Fills one department's books through the gateway: one published KEY matter applying to `BENCH_TYPE`, `inspectors`
 * inspectors holding its category, and the given subjects (streamed as CSV). Returns the matter's version id and
 * the import's report.
 */
export async function fillBenchBooks(
  b: BenchFederation,
  department: DemoDepartment,
  opts: { matterCode: string; matterName: string; inspectors: number; subjects: Iterable<SubjectRecordInput> },
): Promise<{ matterId: string; imported: ImportReportJson }> {
  const admin = await benchAdmin(b.secrets, department.code);
  const { createMatter } = await gql<{ createMatter: { id: string } }>(
    b.url,
    "mutation($d: String!, $i: MatterInput!) { createMatter(department: $d, input: $i) { id } }",
    {
      d: department.code,
      i: {
        code: opts.matterCode,
        name: opts.matterName,
        subItem: "综合",
        legalBasis: "《优化营商环境条例》第五十四条",
        implementingBody: department.name,
        objectType: "市场主体",
        content: "联合检查",
        matterClass: "KEY",
        defaultRatio: 0.05,
        yearlyFrequency: 1,
        qualifications: ["COMPREHENSIVE"],
        appliesTo: [BENCH_TYPE],
      },
    },
    admin,
  );
  await gql(
    b.url,
    "mutation($d: String!, $c: String!) { publishMatter(department: $d, code: $c) { status } }",
    { d: department.code, c: opts.matterCode },
    admin,
  );
  const inspectors = Array.from({ length: opts.inspectors }, (_, k) => ({
    name: `检查员${k + 1}`,
    certificateNo: `川执字${department.code}-${String(k + 1).padStart(6, "0")}`,
    categories: ["COMPREHENSIVE"],
    region: "512000",
    expertise: [],
  }));
  await batchMutation(b.url, "addInspector", "InspectorInput", { department: department.code }, inspectors, "{ id }", admin);
  const imported = await uploadSubjects(b.url, department.code, opts.subjects, { headers: admin });
  return { matterId: createMatter.id, imported };
}
