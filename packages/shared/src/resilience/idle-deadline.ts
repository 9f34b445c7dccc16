/**
 * A deadline that restarts on every sign of life: a pool stream may take a minute for a million lines,
 * but a department that sends nothing for `ms` is hung, and the read is aborted. Armed by the first
 * `touch()` (when the response headers have arrived; until then the call's own deadline applies).
 */
export class IdleDeadline {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly ms: number) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get expired(): boolean {
    return this.controller.signal.aborted;
  }

  private arm(): NodeJS.Timeout {
    const t = setTimeout(() => this.controller.abort(new Error(`no data for ${this.ms} ms`)), this.ms);
    t.unref();
    return t;
  }

  touch(): void {
    clearTimeout(this.timer);
    this.timer = this.arm();
  }

  clear(): void {
    clearTimeout(this.timer);
  }
}
