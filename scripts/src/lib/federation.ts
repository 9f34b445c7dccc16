import { resolve } from "node:path";
import { registerDepartments } from "./register.js";
import { startProcess, stopAll, waitReady, type ServiceProcess } from "./processes.js";
import { databaseUrl, type Topology } from "./topology.js";
import { bearer, DEMO_USERS, type Secrets } from "./secrets.js";

const root = resolve(import.meta.dirname, "../../..");

export interface LocalFederation {
  gatewayUrl: string;
  countyUrl: string;
  processes: ServiceProcess[];
  /** The process of a service by name ("gateway", "county" or a department code). */
  process(name: string): ServiceProcess;
  stop(): Promise<void>;
}

/**
 * Starts the county service, every department of the topology and the gateway, each as its own
 * process with its own database, and registers the departments with the county. `onExit` is told
 * when a process ends on its own.
 */
export async function launchFederation(
  topology: Topology,
  secrets: Secrets,
  onExit?: (p: ServiceProcess, code: number | null) => void,
): Promise<LocalFederation> {
  const processes: ServiceProcess[] = [];
  let stopping = false;
  const watch = (p: ServiceProcess) => {
    processes.push(p);
    void p.exited.then((code) => {
      if (!stopping) onExit?.(p, code);
    });
    return p;
  };
  const federation: LocalFederation = {
    gatewayUrl: `http://127.0.0.1:${topology.gatewayPort}/graphql`,
    countyUrl: `http://127.0.0.1:${topology.countyPort}/graphql`,
    processes,
    process: (name) => processes.find((p) => p.name === name)!,
    async stop() {
      stopping = true;
      await stopAll(processes);
    },
  };
  try {
    const county = watch(
      startProcess("county", resolve(root, "subgraphs/county/dist/main.js"), {
        PORT: String(topology.countyPort),
        DATABASE_URL: databaseUrl(topology, "county"),
        INTERNAL_SECRET: secrets.internalSecret,
      }),
    );
    await waitReady(county, `http://127.0.0.1:${topology.countyPort}/readyz`);
    await Promise.all(
      topology.departments.map((d) => {
        const p = watch(
          startProcess(d.code, resolve(root, "subgraphs/department/dist/main.js"), {
            PORT: String(d.port),
            DEPARTMENT_CODE: d.code,
            DEPARTMENT_NAME: d.name,
            DATABASE_URL: databaseUrl(topology, `department-${d.code}`),
            INTERNAL_SECRET: secrets.internalSecret,
          }),
        );
        return waitReady(p, `http://127.0.0.1:${d.port}/readyz`);
      }),
    );
    const gateway = watch(
      startProcess("gateway", resolve(root, "gateway/dist/main.js"), {
        PORT: String(topology.gatewayPort),
        COUNTY_URL: federation.countyUrl,
        JWT_SECRET: secrets.jwtSecret,
        INTERNAL_SECRET: secrets.internalSecret,
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
