import { stopAll, type ServiceProcess } from "./processes.js";
import { decideRestart, DEFAULT_RESTART_POLICY, type RestartPolicy } from "./restart-policy.js";

/**
 * Keeps the services of `npm start` running: a service that exits on its own is started again after a
 * back-off (and the log says so); one that keeps crashing (see `decideRestart`) is given up on, and
 * `onGiveUp` decides what follows (`npm start` stops everything). Stopping the supervisor stops all.
 */
export class Supervisor {
  private readonly current = new Map<string, ServiceProcess>();
  private readonly crashes = new Map<string, number[]>();
  private stopping = false;

  constructor(
    private readonly onGiveUp: (name: string, code: number | null) => void = () => {},
    private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
    private readonly log: (line: string) => void = (l) => console.error(l),
  ) {}

  /** Starts a service with `start` (used again for every restart). */
  add(name: string, start: () => ServiceProcess): ServiceProcess {
    const p = start();
    this.current.set(name, p);
    this.watch(name, p, start);
    return p;
  }

  private watch(name: string, p: ServiceProcess, start: () => ServiceProcess): void {
    void p.exited.then((code) => {
      if (this.stopping || this.current.get(name) !== p) return;
      const now = Date.now();
      const past = this.crashes.get(name) ?? [];
      const d = decideRestart(this.policy, past, now);
      this.crashes.set(name, [...past.filter((t) => now - t < this.policy.windowMs), now]);
      const how = code === null ? `signal ${p.child.signalCode ?? "?"}` : `code ${code}`;
      if (!d.restart) {
        this.log(`[supervisor] ${name} exited (${how}), ${d.crashes} times within ${this.policy.windowMs / 1000} s: giving up`);
        this.onGiveUp(name, code);
        return;
      }
      this.log(
        `[supervisor] ${name} exited (${how}); restarting in ${d.delayMs} ms (${d.crashes}/${this.policy.maxCrashes} within ${this.policy.windowMs / 1000} s)`,
      );
      setTimeout(() => {
        if (this.stopping) return;
        const next = start();
        this.current.set(name, next);
        this.watch(name, next, start);
        this.log(`[supervisor] ${name} restarted (pid ${next.child.pid})`);
      }, d.delayMs).unref();
    });
  }

  /** The running process of each service. */
  processes(): ServiceProcess[] {
    return [...this.current.values()];
  }

  process(name: string): ServiceProcess | undefined {
    return this.current.get(name);
  }

  async stop(graceMs?: number): Promise<void> {
    this.stopping = true;
    await stopAll(this.processes(), graceMs);
  }
}
