/**
 * Which field of an entity representation names its department. Every entity of the department
 * contract carries `department` in its key, except `Department` itself (keyed by `code`) and
 * `Subject` (keyed by USCC alone, which every department may hold: such entities fan out).
 */
const KEY_FIELD: Record<string, string> = { Department: "code" };

export function shardOfRepresentation(rep: Record<string, unknown>): string | null {
  const field = KEY_FIELD[String(rep.__typename)] ?? "department";
  const value = rep[field];
  return typeof value === "string" ? value : null;
}

/** The argument of a root field of the department subgraph that names its department. */
export const DEPARTMENT_ARGUMENT = "department";
