import { raw, type EntityManager, type FilterQuery } from "@mikro-orm/core";
import type { EntityManager as SqlEntityManager } from "@mikro-orm/knex";
import { forbidden, keysetPage, PageArgs, Role } from "@ssj/shared";
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Int, Resolver, Root } from "type-graphql";
import type { DepartmentContext } from "../context.js";
import { RiskClassEnum } from "../directory/enums.js";
import { SubjectFilter } from "../directory/record.input.js";
import { recordFilter } from "../directory/record.service.js";
import { listRecordRows, type SupervisionRecordRow } from "../directory/record-rows.js";
import { selectedRecordColumns } from "../directory/record-selection.js";
import { SupervisionRecord } from "../directory/supervision-record.entity.js";
import { Expert } from "../inspectors/expert.entity.js";
import { Inspector, InspectorStatus } from "../inspectors/inspector.entity.js";
import { Matter, MatterStatus } from "../matters/matter.entity.js";
import { assertOwnDepartment, guardBooks, seesBooks } from "../shard.js";
import { cachedFigure } from "./books-cache.js";
import {
  Department,
  ExpertConnection,
  InspectorConnection,
  InspectorStatusCount,
  MatterConnection,
  RiskClassCount,
  SupervisionRecordConnection,
} from "./department.type.js";

/**
 * Keyset page over one entity table, ordered by its integer id. `filter` may be a function: a filter
 * holding a raw SQL fragment (the name search) can be used by one query only, so each query gets its own.
 */
function pageOf<T extends { id: number }>(
  ctx: DepartmentContext,
  entity: new () => T,
  filter: FilterQuery<T> | (() => FilterQuery<T>),
  args: PageArgs,
) {
  const where = () => (typeof filter === "function" ? (filter as () => FilterQuery<T>)() : filter);
  return keysetPage<T>(
    args,
    (row) => row.id,
    (afterKey, limit) =>
      ctx.em.find(entity, (afterKey === null ? where() : { $and: [where(), { id: { $gt: afterKey } }] }) as FilterQuery<T>, {
        orderBy: { id: "asc" } as never,
        limit,
      }),
    () => ctx.em.count(entity, where()),
  );
}

async function countBy(em: EntityManager, entity: string, column: string, where: unknown): Promise<Map<string, number>> {
  const rows = (await (em as unknown as SqlEntityManager)
    .createQueryBuilder(entity)
    .select([column, raw("count(*) as n")])
    .where(where as never)
    .groupBy(column)
    .execute("all", true)) as Record<string, unknown>[];
  return new Map(rows.map((r) => [String(r[column]), Number(r.n)]));
}

/**
 * Every field is nullable: when a department instance is down, the gateway still answers the other
 * departments, and only the missing department's fields are null (with an error naming it).
 */
@Resolver(() => Department)
export class DepartmentResolver {
  @FieldResolver(() => MatterConnection, {
    nullable: true,
    description: "抽查事项清单（各事项的最新版本）/ the matter list, newest versions",
  })
  matters(
    @Root() department: Department,
    @Arg("status", () => MatterStatus, { nullable: true, description: "按状态筛选 / by status" }) status: MatterStatus | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: DepartmentContext,
  ) {
    assertOwnDepartment(ctx, department.code);
    if (status === MatterStatus.DRAFT) guardBooks(ctx, "查看事项草稿");
    const where = status
      ? { latest: true, status }
      : seesBooks(ctx)
        ? { latest: true }
        : { latest: true, status: { $ne: MatterStatus.DRAFT } };
    return pageOf(ctx, Matter, where, page);
  }

  @FieldResolver(() => Int, { nullable: true, description: "已公布的抽查事项数 / number of published matters" })
  publishedMatterCount(@Root() department: Department, @Ctx() ctx: DepartmentContext) {
    assertOwnDepartment(ctx, department.code);
    return cachedFigure(ctx.em, "publishedMatterCount", () =>
      ctx.em.fork().count(Matter, { latest: true, status: MatterStatus.PUBLISHED }),
    );
  }

  @FieldResolver(() => SupervisionRecordConnection, { nullable: true, description: "市场主体名录 / the subject directory" })
  subjects(
    @Root() department: Department,
    @Arg("filter", () => SubjectFilter, { nullable: true, description: "筛选条件 / filter" }) filter: SubjectFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: DepartmentContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    assertOwnDepartment(ctx, department.code);
    guardBooks(ctx, "查看市场主体名录");
    // a page of up to 1,000 read-only rows, only the selected columns (docs/performance.md, "The cross-department query")
    const columns = selectedRecordColumns(info, [["nodes"], ["edges", "node"]]);
    return keysetPage<SupervisionRecordRow>(
      page,
      (row) => row.id,
      (afterKey, limit) => listRecordRows(ctx.em, recordFilter(filter), afterKey, limit, columns),
      () => ctx.em.count(SupervisionRecord, recordFilter(filter)),
    );
  }

  @FieldResolver(() => [RiskClassCount], {
    nullable: true,
    description: "名录中各风险分类的主体数（仅限登录用户）/ subjects per risk class, signed-in users only",
  })
  async subjectCountsByRiskClass(
    @Root() department: Department,
    @Arg("filter", () => SubjectFilter, { nullable: true, description: "筛选条件 / filter" }) filter: SubjectFilter | null,
    @Ctx() ctx: DepartmentContext,
  ): Promise<RiskClassCount[]> {
    assertOwnDepartment(ctx, department.code);
    // Risk classes are an internal management basis: narrow filters on public counts revealed single subjects' classes (docs/draw-record.md).
    if (ctx.identity.role === Role.PUBLIC) throw forbidden(ctx.identity, "查看各风险分类的主体数（风险分类为内部管理依据，不对公众公开）");
    // the unfiltered counts (every dashboard's) are cached until the books change; filtered ones are read
    const counts = filter
      ? await countBy(ctx.em, "SupervisionRecord", "riskClass", recordFilter(filter))
      : await cachedFigure(ctx.em, "subjectsByRiskClass", () =>
          countBy(ctx.em.fork(), "SupervisionRecord", "riskClass", recordFilter(null)),
        );
    return Object.values(RiskClassEnum).map((riskClass) => ({ riskClass, count: counts.get(riskClass) ?? 0 }));
  }

  @FieldResolver(() => InspectorConnection, { nullable: true, description: "执法检查人员名录 / the inspector directory" })
  inspectors(
    @Root() department: Department,
    @Arg("status", () => InspectorStatus, { nullable: true, description: "按状态筛选 / by status" }) status: InspectorStatus | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: DepartmentContext,
  ) {
    assertOwnDepartment(ctx, department.code);
    return pageOf(ctx, Inspector, status ? { status } : {}, page);
  }

  @FieldResolver(() => [InspectorStatusCount], { nullable: true, description: "各状态的检查人员数 / inspectors per status" })
  async inspectorCountsByStatus(@Root() department: Department, @Ctx() ctx: DepartmentContext): Promise<InspectorStatusCount[]> {
    assertOwnDepartment(ctx, department.code);
    const counts = await cachedFigure(ctx.em, "inspectorsByStatus", () => countBy(ctx.em.fork(), "Inspector", "status", {}));
    return Object.values(InspectorStatus).map((status) => ({ status, count: counts.get(status) ?? 0 }));
  }

  @FieldResolver(() => ExpertConnection, { nullable: true, description: "专家库 / the expert pool" })
  experts(
    @Root() department: Department,
    @Arg("activeOnly", () => Boolean, { defaultValue: true, description: "只列可用专家 / only available experts" }) activeOnly: boolean,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: DepartmentContext,
  ) {
    assertOwnDepartment(ctx, department.code);
    return pageOf(ctx, Expert, activeOnly ? { active: true } : {}, page);
  }
}

export function resolveDepartmentReference(ref: { code: string }, ctx: DepartmentContext): Department {
  assertOwnDepartment(ctx, ref.code);
  return { code: ref.code };
}
