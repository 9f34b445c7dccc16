/** Small readers for configuration from the environment, failing loudly on bad values. */
export function envString(name: string, fallback?: string): string {
  const v = process.env[name];
  if (v !== undefined && v !== "") return v;
  if (fallback === undefined) throw new Error(`missing configuration: ${name}`);
  return fallback;
}

export function envInt(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === "") return fallback;
  const n = Number(v);
  if (!Number.isInteger(n)) throw new Error(`configuration ${name} must be an integer, got ${v}`);
  return n;
}

export function envBool(name: string, fallback: boolean): boolean {
  const v = process.env[name];
  if (v === undefined || v === "") return fallback;
  return /^(1|true|yes|on)$/i.test(v);
}

/** Department codes: lower-case ASCII, used in URLs, entity keys and file names. */
export const DEPARTMENT_CODE_PATTERN = /^[a-z][a-z0-9-]{1,31}$/;
