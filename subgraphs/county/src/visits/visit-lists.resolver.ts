import { forbidden, keysetPage, PageArgs, Role, hasToken } from "@ssj/shared";
import { seesAll } from "../access.js";
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { CountyContext } from "../context.js";
import { Department } from "../departments/department.entity.js";
import { Draw, DrawStatus } from "../draws/draw.entity.js";
import { VisitConnection } from "../draws/draw.resolver.js";
import { InspectorRef } from "../refs/entity-refs.js";
import { Visit } from "./visit.entity.js";

/**
 * Visits of live (not superseded) draws matching `where`, as a page — narrowed to what the caller may
 * see: an inspector their own visits, the public (and other departments) only published draws.
 */
export async function liveVisits(ctx: CountyContext, where: () => Record<string, unknown>, page: PageArgs, ownDepartment: string | null) {
  const superseded = (await ctx.em.find(Draw, { supersededAt: { $ne: null } }, { fields: ["id"] })).map((d) => d.id);
  const i = ctx.identity;
  const published =
    i.role !== Role.INSPECTOR &&
    !seesAll(i) &&
    !(i.role === Role.DEPARTMENT_ADMIN && i.department === ownDepartment) &&
    !(ownDepartment && ctx.oversees.includes(ownDepartment))
      ? (await ctx.em.find(Draw, { status: DrawStatus.PUBLISHED, supersededAt: null }, { fields: ["id"] })).map((d) => d.id)
      : null;
  // exact-match fragments are used once: the filter is built for each query
  const filter = (): Record<string, unknown> => {
    // `NOT IN` is never true for NULL: unplanned inspections (no draw) are kept explicitly
    const f: Record<string, unknown> = superseded.length
      ? { ...where(), $or: [{ drawId: null }, { drawId: { $nin: superseded } }] }
      : where();
    if (i.role === Role.INSPECTOR) Object.assign(f, hasToken("inspectors_key", `${i.department}:${i.inspectorId}`));
    else if (published) f.$and = [{ drawId: { $in: published } }];
    return f;
  };
  return keysetPage<Visit>(
    page,
    (v) => v.id,
    (after, limit) =>
      ctx.em.find(Visit, after === null ? filter() : { ...filter(), id: { $gt: after } }, { orderBy: { id: "asc" }, limit }),
    () => ctx.em.count(Visit, filter()),
  );
}

/** What a department sees of the county's work: the visits that carry its matters. */
@Resolver(() => Department)
export class DepartmentVisitsResolver {
  @FieldResolver(() => VisitConnection, { description: "载有本部门事项的检查（含联合检查）/ visits carrying this department's matters" })
  visits(@Root() department: Department, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CountyContext) {
    return liveVisits(ctx, () => hasToken("departments_key", department.code), page, department.code);
  }
}

/** An inspector's own assignments, added by the county to the department's Inspector entity. */
@Resolver(() => InspectorRef)
export class InspectorVisitsResolver {
  @FieldResolver(() => VisitConnection, {
    nullable: true,
    description: "本人被分配的检查（本人、本部门管理员、协调员、审计可见）/ this inspector's assignments",
  })
  visits(@Root() inspector: InspectorRef, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CountyContext) {
    const i = ctx.identity;
    const self = i.role === Role.INSPECTOR && i.department === inspector.department && i.inspectorId === String(inspector.id);
    if (!self && !seesAll(i) && !(i.role === Role.DEPARTMENT_ADMIN && i.department === inspector.department))
      throw forbidden(i, "查看他人的检查任务");
    return liveVisits(ctx, () => hasToken("inspectors_key", `${inspector.department}:${inspector.id}`), page, inspector.department);
  }
}

export function resolveInspectorReference(ref: { department: string; id: string }): InspectorRef {
  return { department: ref.department, id: String(ref.id) };
}
