import { CooldownScope, type Plan } from "../plans/plan.entity.js";

/**
 * The plan as a draw commits to it: logged in the draw's chain at freeze time, so that editing the
 * plan afterwards (its name, ratios, matters, scope…) shows in `Draw.verification` naming the field.
 * Only fields that say what was drawn and under which name are included; bookkeeping (createdAt) is not.
 */
export function planSnapshot(plan: Plan): Record<string, unknown> {
  return {
    id: plan.id,
    name: plan.name,
    kind: plan.kind,
    leadDepartment: plan.leadDepartment,
    departments: plan.departments,
    matters: plan.matters,
    scopeRegions: plan.scopeRegions,
    scopeCategories: plan.scopeCategories,
    scopeSupervisionTypes: plan.scopeSupervisionTypes,
    ratios: plan.ratios,
    windowStart: plan.windowStart,
    windowEnd: plan.windowEnd,
    cap: plan.cap,
    minInspectors: plan.minInspectors,
    workloadCap: plan.workloadCap,
    allowBorrowing: plan.allowBorrowing,
    // only when set, so that the snapshots of plans made before the option keep their digests
    ...(plan.wholeSystem ? { wholeSystem: true } : {}),
    cooldownDays: plan.cooldownDays,
    // only when not the default, so that the snapshots of plans made before the option keep their digests
    ...(plan.cooldownScope && plan.cooldownScope !== CooldownScope.PARTICIPANTS ? { cooldownScope: plan.cooldownScope } : {}),
    disclosure: plan.disclosure,
  };
}
