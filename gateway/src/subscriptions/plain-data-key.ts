/**
 * A stable text of a context made only of plain data (objects, arrays, strings, numbers, booleans,
 * null, dates), or undefined if it holds anything else (functions, class instances): such contexts are
 * never shared between subscribers, since two of them cannot be proven equal.
 */
export function plainDataKey(value: unknown): string | undefined {
  const walk = (v: unknown): string | undefined => {
    if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return JSON.stringify(v);
    if (v === undefined) return "null";
    if (v instanceof Date) return JSON.stringify(v.toISOString());
    if (Array.isArray(v)) {
      const parts = v.map(walk);
      return parts.some((p) => p === undefined) ? undefined : `[${parts.join(",")}]`;
    }
    if (typeof v === "object") {
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return undefined;
      const parts: string[] = [];
      for (const k of Object.keys(v).sort()) {
        const p = walk((v as Record<string, unknown>)[k]);
        if (p === undefined) return undefined;
        parts.push(`${JSON.stringify(k)}:${p}`);
      }
      return `{${parts.join(",")}}`;
    }
    return undefined;
  };
  return walk(value);
}
