import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "../../..");

/** A service as its own process, the built entry point `npm start` and compose.yaml run, to freeze or kill. */
export interface ServiceProcess {
  name: string;
  url: string;
  port: number;
  child: ChildProcess;
  /** SIGSTOP: the process keeps its sockets open and answers nothing, as a hung service does. */
  freeze(): void;
  thaw(): void;
  /** kill -9: no clean-up, no goodbye. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts `node <script>` (relative to the repository) with `env` and waits for its "ready at <url>" line. */
export async function startServiceProcess(name: string, script: string, env: Record<string, string>): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [resolve(root, script)], {
    env: { ...process.env, PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stderr!.on("data", (b: Buffer) => process.stderr.write(`[${name}] ${b.toString()}`));
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s`)), 60_000);
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
      reject(new Error(`${name} exited during start-up (code ${code})`));
    });
  });
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  return {
    name,
    url,
    port: Number(new URL(url).port),
    child,
    freeze: () => child.kill("SIGSTOP"),
    thaw: () => child.kill("SIGCONT"),
    async kill9() {
      if (gone()) return;
      child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (gone()) return;
      child.kill("SIGCONT");
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
