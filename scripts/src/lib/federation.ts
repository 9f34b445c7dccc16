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
  /**
   * Starts one more gateway process in front of the same county (the production topology runs several),
   * e.g. with other options than the first; stopped with the federation. Returns its GraphQL URL.
   */
  addGateway(name: string, port: number, options?: GatewayProcessOptions): Promise<string>;
  /** Stops every process: SIGTERM, then SIGKILL after `graceMs` (default 5 s). */
  stop(graceMs?: number): Promise<void>;
}

/** What a gateway process of the local federation is started with beyond its port and keys. */
export interface GatewayProcessOptions {
  /**
   * The gateway's response cache (`RESPONSE_CACHE_MS`, ms; default: the gateway's own, 1 s). Benchmarks that
   * measure an execution set 0, or repeated identical queries are answered from it (docs/performance.md).
   */
  responseCacheMs?: number;
}

export interface FederationOptions {
  /** The (first) gateway's options. */
  gateway?: GatewayProcessOptions;
  /** Told when a service keeps crashing (the supervisor gave up restarting it). */
  onGiveUp?: (name: string, code: number | null) => void;
}

/**
 * Starts the county service, every department of the topology and the gateway, each as its own
 * process with its own database, and registers the departments with the county. A service that exits
 * on its own is restarted with a back-off (see `Supervisor`); `options.onGiveUp` is told when one keeps crashing.
 */
export async function launchFederation(topology: Topology, secrets: Secrets, options: FederationOptions = {}): Promise<LocalFederation> {
  const supervisor = new Supervisor(options.onGiveUp);
  // Each service gets its own key set (created on first start) and the public sets of whom it trusts.
  const gatewayKeys = ensureServiceKeys(secrets, "gateway");
  const countyKeys = ensureServiceKeys(secrets, "county");
  const common = { METRICS_TOKEN: secrets.metricsToken };
  const countyUrl = `http://127.0.0.1:${topology.countyPort}/graphql`;
  const startGateway = async (name: string, port: number, o: GatewayProcessOptions = {}) => {
    const gateway = supervisor.add(name, () =>
      startProcess(name, resolve(root, "gateway/dist/main.js"), {
        PORT: String(port),
        COUNTY_URL: countyUrl,
        JWT_SECRET: secrets.jwtSecret,
        SIGNING_KEYS: gatewayKeys.privateFile,
        ...common,
        DEMO_IDP: "1",
        ...(o.responseCacheMs === undefined ? {} : { RESPONSE_CACHE_MS: String(o.responseCacheMs) }),
      }),
    );
    await waitReady(gateway, `http://127.0.0.1:${port}/healthz`);
    return `http://127.0.0.1:${port}/graphql`;
  };
  const federation: LocalFederation = {
    gatewayUrl: `http://127.0.0.1:${topology.gatewayPort}/graphql`,
    countyUrl,
    get processes() {
      return supervisor.processes();
    },
    process: (name) => supervisor.process(name)!,
    addGateway: startGateway,
    stop: (graceMs) => supervisor.stop(graceMs),
  };
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
    await startGateway("gateway", topology.gatewayPort, options.gateway);
    await registerDepartments(federation.gatewayUrl, topology.departments, await bearer(secrets, DEMO_USERS[0]!));
    return federation;
  } catch (e) {
    await federation.stop();
    throw e;
  }
}
