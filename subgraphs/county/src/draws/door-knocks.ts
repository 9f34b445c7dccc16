import type { EntityManager } from "@mikro-orm/core";
import { Visit } from "../visits/visit.entity.js";

/**
 * 进一次门、查多项事: a joint visit replaces one visit per department whose matters it carries. Had
 * each department drawn the same subjects on its own, it would have knocked once per visit it takes
 * part in; the joint draw knocks once per subject.
 */
export interface DoorKnocks {
  visits: number;
  /** Visits each department would have made alone. */
  byDepartment: { department: string; visits: number }[];
  /** Σ byDepartment − visits. */
  saved: number;
}

export function countDoorKnocks(departmentKeys: string[]): DoorKnocks {
  const per = new Map<string, number>();
  for (const key of departmentKeys) for (const d of key.split("|").filter(Boolean)) per.set(d, (per.get(d) ?? 0) + 1);
  const alone = [...per.values()].reduce((a, b) => a + b, 0);
  return {
    visits: departmentKeys.length,
    byDepartment: [...per].map(([department, visits]) => ({ department, visits })),
    saved: alone - departmentKeys.length,
  };
}

export async function doorKnocksOf(em: EntityManager, drawId: number): Promise<DoorKnocks> {
  const visits = await em.find(Visit, { drawId }, { fields: ["departmentsKey"], disableIdentityMap: true });
  return countDoorKnocks(visits.map((v) => v.departmentsKey));
}
