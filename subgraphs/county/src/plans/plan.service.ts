import type { EntityManager } from "@mikro-orm/core";
import { AppError, ErrorCode, requireText } from "@ssj/shared";
import { appendAudit } from "@ssj/shared";
import type { DepartmentClient } from "../departments/department-client.js";
import { Department, DepartmentStatus } from "../departments/department.entity.js";
import { activeDepartment } from "../departments/department.service.js";
import { CooldownScope, Disclosure, Plan, PlanKind, type PlanMatterSnapshot } from "./plan.entity.js";
import type { PlanInput, PlanMatterInput } from "./plan.input.js";
import { withDefaultRatios } from "./default-ratios.js";
import { validateEligibleRegions, validatePositive, validateRatios, validateScopeList, validateWindow } from "./plan.rules.js";

const MATTER_FIELDS =
  "id code version status name matterClass qualifications expertRequired appliesTo reportDeadlineWorkingDays defaultRatio yearlyFrequency categoryLabel";

interface MatterAnswer {
  id: string;
  code: string;
  version: number;
  status: string;
  name: string;
  matterClass: "KEY" | "GENERAL";
  qualifications: string[];
  expertRequired: boolean;
  appliesTo: string[];
  reportDeadlineWorkingDays: number | null;
  defaultRatio: number;
  categoryLabel: string | null;
  yearlyFrequency: number;
}

/** Reads the matter versions a plan names from their departments, one request per department. */
async function fetchMatters(
  client: DepartmentClient,
  departments: Map<string, Department>,
  wanted: PlanMatterInput[],
): Promise<PlanMatterSnapshot[]> {
  const byDepartment = new Map<string, PlanMatterInput[]>();
  for (const m of wanted) byDepartment.set(m.department, [...(byDepartment.get(m.department) ?? []), m]);
  const answers = await Promise.all(
    [...byDepartment].map(async ([code, list]) => {
      const fields = list.map(
        (m, i) => `m${i}: matter(department: ${JSON.stringify(code)}, id: ${JSON.stringify(String(m.matterId))}) { ${MATTER_FIELDS} }`,
      );
      const data = await client.graphql<Record<string, MatterAnswer | null>>(departments.get(code)!, `query { ${fields.join("\n")} }`);
      return list.map((m, i) => ({ wanted: m, got: data[`m${i}`] ?? null }));
    }),
  );
  return answers.flat().map(({ wanted, got }) => {
    const d = departments.get(wanted.department)!;
    if (!got)
      throw new AppError(ErrorCode.NOT_FOUND, `「${d.name}」没有标识为 ${wanted.matterId} 的抽查事项`, {
        field: "matters",
        department: d.code,
      });
    if (got.status !== "PUBLISHED") {
      throw new AppError(
        ErrorCode.INVALID_STATE,
        `事项「${got.name}」（${got.code} 第 ${got.version} 版）未公布、已撤回或已被新版本取代，不能列入计划`,
        {
          field: "matters",
          department: d.code,
        },
      );
    }
    return {
      department: d.code,
      matterId: Number(got.id),
      code: got.code,
      version: got.version,
      name: got.name,
      matterClass: got.matterClass,
      qualifications: got.qualifications,
      expertRequired: got.expertRequired,
      appliesTo: got.appliesTo,
      reportDeadlineWorkingDays: got.reportDeadlineWorkingDays ?? null,
      defaultRatio: got.defaultRatio,
      categoryLabel: got.categoryLabel ?? null,
      yearlyFrequency: got.yearlyFrequency,
    };
  });
}

/** Everything a plan stores that its input decides, validated; shared by createPlan and updatePlan. */
export type PlanFields = Pick<
  Plan,
  | "name"
  | "kind"
  | "leadDepartment"
  | "departments"
  | "departmentsKey"
  | "matters"
  | "scopeRegions"
  | "scopeCategories"
  | "scopeSupervisionTypes"
  | "ratios"
  | "ratioNotes"
  | "windowStart"
  | "windowEnd"
  | "cap"
  | "minInspectors"
  | "workloadCap"
  | "allowBorrowing"
  | "wholeSystem"
  | "cooldownDays"
  | "cooldownScope"
  | "eligibleRegions"
  | "disclosure"
>;

/**
 * Validates a plan's input: a department plan (no cooperating departments) or a joint plan. Every
 * matter must be a published version of a participating department, and every participating
 * department must bring a matter.
 */
export async function planFields(em: EntityManager, client: DepartmentClient, input: PlanInput): Promise<PlanFields> {
  const name = requireText(input.name, "name", "计划名称", 200);
  const codes = [input.leadDepartment, ...(input.cooperatingDepartments ?? [])].map((c) => (c ?? "").trim());
  if (new Set(codes).size !== codes.length)
    throw new AppError(ErrorCode.BAD_USER_INPUT, "发起部门和配合部门不能重复", { field: "cooperatingDepartments" });
  const kind = codes.length > 1 ? PlanKind.JOINT : PlanKind.DEPARTMENT;
  const departments = new Map<string, Department>();
  for (const [i, code] of codes.entries())
    departments.set(code, await activeDepartment(em, code, i === 0 ? "leadDepartment" : "cooperatingDepartments"));

  if (!input.matters?.length) throw new AppError(ErrorCode.REQUIRED_FIELD, "计划至少包含一项抽查事项", { field: "matters" });
  for (const m of input.matters) {
    if (!departments.has(m.department)) {
      throw new AppError(ErrorCode.MATTER_NOT_IN_PLAN, `事项 ${m.matterId} 属于部门「${m.department}」，该部门不是本计划的参与部门`, {
        field: "matters",
        department: m.department,
      });
    }
  }
  const keys = input.matters.map((m) => `${m.department}:${m.matterId}`);
  if (new Set(keys).size !== keys.length) throw new AppError(ErrorCode.BAD_USER_INPUT, "同一事项不能重复列入计划", { field: "matters" });
  for (const d of departments.values()) {
    if (!input.matters.some((m) => m.department === d.code)) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, `参与部门「${d.name}」在计划中没有抽查事项`, { field: "matters", department: d.code });
    }
  }

  if (input.wholeSystem && !(await em.count(Department, { parentCode: { $in: codes }, status: DepartmentStatus.ACTIVE })))
    throw new AppError(ErrorCode.BAD_USER_INPUT, "全系统计划要求参与部门有在册的下级单位（登记的上级部门为本部门）", {
      field: "wholeSystem",
    });
  validateWindow(input.windowStart, input.windowEnd);
  const minInspectors = validatePositive(input.minInspectors ?? 2, "minInspectors", "每户最少执法人员数", 2)!;
  const cap = validatePositive(input.cap, "cap", "检查户次上限");
  const workloadCap = validatePositive(input.workloadCap, "workloadCap", "每名人员最多检查户数");
  const cooldownDays = validatePositive(input.cooldownDays, "cooldownDays", "回避期天数", 0);
  const scopeRegions = validateScopeList(input.scope?.regions, "scope.regions");
  const scopeCategories = validateScopeList(input.scope?.categories, "scope.categories");
  const scopeSupervisionTypes = validateScopeList(input.scope?.supervisionTypes, "scope.supervisionTypes");
  const eligibleRegions = validateEligibleRegions(input.eligibleRegions);

  const matters = await fetchMatters(client, departments, input.matters);
  const { ratios, notes } = validateRatios(
    withDefaultRatios(input.ratios, matters),
    matters.every((m) => m.matterClass === "GENERAL"),
  );
  return {
    name,
    kind,
    leadDepartment: codes[0]!,
    departments: codes,
    departmentsKey: `|${codes.join("|")}|`,
    matters,
    scopeRegions,
    scopeCategories,
    scopeSupervisionTypes,
    ratios,
    ratioNotes: notes,
    windowStart: input.windowStart,
    windowEnd: input.windowEnd,
    cap,
    minInspectors,
    workloadCap,
    allowBorrowing: Boolean(input.allowBorrowing),
    wholeSystem: Boolean(input.wholeSystem),
    cooldownDays,
    cooldownScope: input.cooldownScope ?? CooldownScope.PARTICIPANTS,
    eligibleRegions,
    disclosure: input.disclosure ?? Disclosure.IMMEDIATE,
  };
}

/** What the audit log keeps of a plan: its fields, matters as refs. */
export const planSummary = (f: PlanFields) => ({ ...f, matters: f.matters.map((m) => `${m.department}:${m.matterId}`) });

export async function createPlan(em: EntityManager, client: DepartmentClient, input: PlanInput, actor: string): Promise<Plan> {
  const fields = await planFields(em, client, input);
  return em.transactional(async (tx) => {
    const plan = tx.create(Plan, { ...fields, createdBy: actor });
    await tx.flush();
    const { name, kind, departments } = fields;
    await appendAudit(
      tx,
      `plan:${plan.id}`,
      "PLAN_CREATED",
      actor,
      { name, kind, departments, matters: planSummary(fields).matters },
      plan,
    );
    return plan;
  });
}
