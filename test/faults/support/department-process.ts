import { publicKeySet, type JSONWebKeySet } from "@ssj/shared";
import { startServiceProcess, type ServiceProcess } from "./service-process.js";

/** A department instance as its own process. */
export type DepartmentProcess = ServiceProcess & { code: string };

export async function startDepartmentProcess(opts: {
  code: string;
  name: string;
  databaseUrl: string;
  /** The department's private key set, and the gateway's and county's public keys it trusts. */
  keys: { own: JSONWebKeySet; gateway: JSONWebKeySet; county: JSONWebKeySet };
  env?: Record<string, string>;
}): Promise<DepartmentProcess> {
  const p = await startServiceProcess(opts.code, "subgraphs/department/dist/main.js", {
    ...opts.env,
    DEPARTMENT_CODE: opts.code,
    DEPARTMENT_NAME: opts.name,
    DATABASE_URL: opts.databaseUrl,
    SIGNING_KEYS: JSON.stringify(opts.keys.own),
    GATEWAY_PUBLIC_KEYS: JSON.stringify(publicKeySet(opts.keys.gateway)),
    COUNTY_PUBLIC_KEYS: JSON.stringify(publicKeySet(opts.keys.county)),
  });
  return { ...p, code: opts.code };
}
