import type { EntityManager } from "@mikro-orm/core";
import { Department } from "../departments/department.entity.js";
import type { DepartmentClient } from "../departments/department-client.js";
import { ReferralState } from "./handling-kind.js";
import { HandlingDecision } from "./handling.entity.js";

const STATUSES = `query ReferralStatuses($department: String!, $ids: [ID!]!) {
  referralsByIds(department: $department, ids: $ids) { id status }
}`;

/**
 * Brings the county's copy of delivered, unanswered referrals' states up to date: one call per receiving
 * department, whatever the number of referrals. A department that is down keeps its last known state (the
 * list says "as of" `referralStateAt`); the answer itself lives in the receiver's books.
 */
export async function refreshReferralStates(em: EntityManager, client: DepartmentClient): Promise<void> {
  const open = await em.find(HandlingDecision, { referralState: ReferralState.RECEIVED }, { fields: ["id", "referredTo"] });
  const byDepartment = new Map<string, string[]>();
  for (const d of open) byDepartment.set(d.referredTo!, [...(byDepartment.get(d.referredTo!) ?? []), String(d.id)]);
  await Promise.all(
    [...byDepartment].map(async ([code, ids]) => {
      const department = await em.findOne(Department, { code });
      if (!department) return;
      try {
        const { referralsByIds } = await client.graphql<{ referralsByIds: { id: string; status: ReferralState }[] }>(department, STATUSES, {
          department: code,
          ids,
        });
        for (const r of referralsByIds)
          if (r.status !== ReferralState.RECEIVED)
            await em.nativeUpdate(
              HandlingDecision,
              { id: Number(r.id), referralState: ReferralState.RECEIVED },
              { referralState: r.status, referralStateAt: new Date() },
            );
      } catch {
        // unavailable: keep the last known state
      }
    }),
  );
}
