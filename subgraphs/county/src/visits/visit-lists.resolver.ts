import { keysetPage, PageArgs } from "@ssj/shared";
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { CountyContext } from "../context.js";
import { Department } from "../departments/department.entity.js";
import { Draw } from "../draws/draw.entity.js";
import { VisitConnection } from "../draws/draw.resolver.js";
import { InspectorRef } from "../refs/entity-refs.js";
import { Visit } from "./visit.entity.js";

/** Visits of live (not superseded) draws matching `where`, as a page. */
async function liveVisits(ctx: CountyContext, where: object, page: PageArgs) {
  const superseded = await ctx.em.find(Draw, { supersededAt: { $ne: null } }, { fields: ["id"] });
  const filter = superseded.length ? { ...where, drawId: { $nin: superseded.map((d) => d.id) } } : where;
  return keysetPage<Visit>(
    page,
    (v) => v.id,
    (after, limit) => ctx.em.find(Visit, after === null ? filter : { ...filter, id: { $gt: after } }, { orderBy: { id: "asc" }, limit }),
    () => ctx.em.count(Visit, filter),
  );
}

/** What a department sees of the county's work: the visits that carry its matters. */
@Resolver(() => Department)
export class DepartmentVisitsResolver {
  @FieldResolver(() => VisitConnection, { description: "载有本部门事项的检查（含联合检查）/ visits carrying this department's matters" })
  visits(@Root() department: Department, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CountyContext) {
    return liveVisits(ctx, { departmentsKey: { $like: `%|${department.code}|%` } }, page);
  }
}

/** An inspector's own assignments, added by the county to the department's Inspector entity. */
@Resolver(() => InspectorRef)
export class InspectorVisitsResolver {
  @FieldResolver(() => VisitConnection, { description: "本人被分配的检查 / this inspector's assignments" })
  visits(@Root() inspector: InspectorRef, @Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CountyContext) {
    return liveVisits(ctx, { inspectorsKey: { $like: `%|${inspector.department}:${inspector.id}|%` } }, page);
  }
}

export function resolveInspectorReference(ref: { department: string; id: string }): InspectorRef {
  return { department: ref.department, id: String(ref.id) };
}
