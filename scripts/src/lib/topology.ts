import { resolve } from "node:path";

/** Where each service of a local federation listens and keeps its data. */
export interface DepartmentSpec {
  code: string;
  name: string;
  kind: "MARKET_SUPERVISION" | "OTHER";
  region: string;
  level: "CITY" | "COUNTY";
  port: number;
}

export interface Topology {
  dataDir: string;
  gatewayPort: number;
  countyPort: number;
  departments: DepartmentSpec[];
  /** PostgreSQL server base URL, or undefined for the embedded SQLite files. */
  postgresUrl?: string;
  /** The PostgreSQL databases' name prefix (default `ssj_`: `ssj_county`, `ssj_department_market`, …). */
  databasePrefix?: string;
}

export function databaseUrl(t: Topology, service: string): string {
  if (t.postgresUrl) return `${t.postgresUrl.replace(/\/?$/, "/")}${t.databasePrefix ?? "ssj_"}${service.replace(/-/g, "_")}`;
  return resolve(t.dataDir, `${service}.sqlite`);
}
