import { startServiceProcess, type ServiceProcess } from "./service-process.js";

/** A department instance as its own process. */
export type DepartmentProcess = ServiceProcess & { code: string };

export async function startDepartmentProcess(opts: {
  code: string;
  name: string;
  databaseUrl: string;
  internalSecret: string;
  env?: Record<string, string>;
}): Promise<DepartmentProcess> {
  const p = await startServiceProcess(opts.code, "subgraphs/department/dist/main.js", {
    ...opts.env,
    DEPARTMENT_CODE: opts.code,
    DEPARTMENT_NAME: opts.name,
    DATABASE_URL: opts.databaseUrl,
    INTERNAL_SECRET: opts.internalSecret,
  });
  return { ...p, code: opts.code };
}
