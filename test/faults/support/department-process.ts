import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "../../..");

/** A department instance as its own process (the built service, as `npm start` runs it), to freeze or kill. */
export interface DepartmentProcess {
  code: string;
  url: string;
  child: ChildProcess;
  /** SIGSTOP: the process keeps its sockets open and answers nothing, as a hung service does. */
  freeze(): void;
  thaw(): void;
  stop(): Promise<void>;
}

/** Starts `subgraphs/department/dist/main.js` on a free port and waits for its "ready at" line. */
export async function startDepartmentProcess(opts: {
  code: string;
  name: string;
  databaseUrl: string;
  internalSecret: string;
  env?: Record<string, string>;
}): Promise<DepartmentProcess> {
  const child = spawn(process.execPath, [resolve(root, "subgraphs/department/dist/main.js")], {
    env: {
      ...process.env,
      ...opts.env,
      PORT: "0",
      DEPARTMENT_CODE: opts.code,
      DEPARTMENT_NAME: opts.name,
      DATABASE_URL: opts.databaseUrl,
      INTERNAL_SECRET: opts.internalSecret,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr!.on("data", (b: Buffer) => process.stderr.write(`[${opts.code}] ${b.toString()}`));
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`department ${opts.code} did not start within 60 s`)), 60_000);
    let out = "";
    child.stdout!.on("data", (b: Buffer) => {
      out += b.toString();
      const m = /ready at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]!);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`department ${opts.code} exited during start-up (code ${code})`));
    });
  });
  return {
    code: opts.code,
    url,
    child,
    freeze: () => child.kill("SIGSTOP"),
    thaw: () => child.kill("SIGCONT"),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGCONT");
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
