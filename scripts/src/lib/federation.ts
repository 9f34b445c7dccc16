import { resolve } from "node:path";
import { registerDepartments } from "./register.js";
import { startProcess, waitReady, type ServiceProcess } from "./processes.js";
import { Supervisor } from "./supervisor.js";
import { databaseUrl, type Topology } from "./topology.js";
import { bearer, DEMO_USERS, ensureServiceKeys, type Secrets } from "./secrets.js";

const root = resolve(import.meta.dirname, "../../..");

export interface LocalFederation {
  gatewayUrl: string;
  countyUrl: string;
  /** The running process of each service (a restarted service has a new one). */
  readonly processes: ServiceProcess[];
  /** The process of a service by name ("gateway", "county" or a department code). */
  process(name: string): ServiceProcess;
  /** Stops every process: SIGTERM, then SIGKILL after `graceMs` (default 5 s). */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts the county service, every department of the topology and the gateway, each as its own
 * process with its own database, and registers the departments with the county. A service that exits
 * on its own is restarted with a back-off (see `Supervisor`); `onGiveUp` is told when one keeps crashing.
 */
export async function launchFederation(
  topology: Topology,
  secrets: Secrets,
  onGiveUp?: (name: string, code: number | null) => void,
): Promise<LocalFederation> {
  const supervisor = new Supervisor(onGiveUp);
  const federation: LocalFederation = {
    gatewayUrl: `http://127.0.0.1:${topology.gatewayPort}/graphql`,
    countyUrl: `http://127.0.0.1:${topology.countyPort}/graphql`,
    get processes() {
      return supervisor.processes();
    },
    process: (name) => supervisor.process(name)!,
    stop: (graceMs) => supervisor.stop(graceMs),
  };
  // Each service gets its own key set (created on first start) and the public sets of whom it trusts.
  const gatewayKeys = ensureServiceKeys(secrets, "gateway");
  const countyKeys = ensureServiceKeys(secrets, "county");
  const common = { METRICS_TOKEN: secrets.metricsToken };
  try {
    const county = supervisor.add("county", () =>
      startProcess("county", resolve(root, "subgraphs/county/dist/main.js"), {
        PORT: String(topology.countyPort),
        DATABASE_URL: databaseUrl(topology, "county"),
        SIGNING_KEYS: countyKeys.privateFile,
        GATEWAY_PUBLIC_KEYS: gatewayKeys.publicFile,
        ...common,
        CHECKPOINT_KEY_FILE: resolve(topology.dataDir, "checkpoint-key.pem"),
        EVIDENCE_DIR: resolve(topology.dataDir, "evidence"),
      }),
    );
    await waitReady(county, `http://127.0.0.1:${topology.countyPort}/readyz`);
    await Promise.all(
      topology.departments.map((d) => {
        const p = supervisor.add(d.code, () =>
          startProcess(d.code, resolve(root, "subgraphs/department/dist/main.js"), {
            PORT: String(d.port),
            DEPARTMENT_CODE: d.code,
            DEPARTMENT_NAME: d.name,
            DATABASE_URL: databaseUrl(topology, `department-${d.code}`),
            SIGNING_KEYS: ensureServiceKeys(secrets, `department-${d.code}`).privateFile,
            GATEWAY_PUBLIC_KEYS: gatewayKeys.publicFile,
            COUNTY_PUBLIC_KEYS: countyKeys.publicFile,
            ...common,
          }),
        );
        return waitReady(p, `http://127.0.0.1:${d.port}/readyz`);
      }),
    );
    const gateway = supervisor.add("gateway", () =>
      startProcess("gateway", resolve(root, "gateway/dist/main.js"), {
        PORT: String(topology.gatewayPort),
        COUNTY_URL: federation.countyUrl,
        JWT_SECRET: secrets.jwtSecret,
        SIGNING_KEYS: gatewayKeys.privateFile,
        ...common,
        DEMO_IDP: "1",
      }),
    );
    await waitReady(gateway, `http://127.0.0.1:${topology.gatewayPort}/healthz`);
    await registerDepartments(federation.gatewayUrl, topology.departments, await bearer(secrets, DEMO_USERS[0]!));
    return federation;
  } catch (e) {
    await federation.stop();
    throw e;
  }
}
