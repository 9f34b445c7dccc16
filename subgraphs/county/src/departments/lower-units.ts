import type { EntityManager } from "@mikro-orm/core";
import { Role, type Identity } from "@ssj/shared";
import { Department } from "./department.entity.js";

/** Registry levels are few (province, city, county): deeper chains are a registry error, not a reason to loop. */
const MAX_LEVELS = 4;

/**
 * The lower-level units a caller oversees (跨层级协同, docs/rules.md "Coordination across levels"): the
 * departments whose registry `parentCode` is the caller's department, and theirs in turn. Only a department's
 * admin and reviewers oversee; its inspectors see their own assignments. Read once per request, when the
 * context is made, so the access rules (access.ts) stay synchronous; a department with no units costs one
 * query on the (small) registry.
 */
export async function lowerUnits(em: EntityManager, i: Identity): Promise<readonly string[]> {
  if ((i.role !== Role.DEPARTMENT_ADMIN && i.role !== Role.DEPARTMENT_REVIEWER) || !i.department) return [];
  const units: string[] = [];
  let level = [i.department];
  for (let depth = 0; depth < MAX_LEVELS && level.length; depth++) {
    const below = await em.find(Department, { parentCode: { $in: level } }, { fields: ["code"], disableIdentityMap: true });
    level = below.map((d) => d.code).filter((c) => c !== i.department && !units.includes(c));
    units.push(...level);
  }
  return units;
}
