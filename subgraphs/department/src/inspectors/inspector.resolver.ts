import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { DepartmentContext } from "../context.js";
import { parseId } from "../ids.js";
import { assertOwnDepartment } from "../shard.js";
import { Inspector, InspectorConflict, InspectorStatus, InspectorStatusChange } from "./inspector.entity.js";
import { InspectorInput, InspectorUpdateInput } from "./inspector.input.js";
import { addInspector, changeInspectorStatus, declareConflict, updateInspector, withdrawConflict } from "./inspector.service.js";

const DEPT = { description: "部门编码 / department code" } as const;

@Resolver(() => Inspector)
export class InspectorResolver {
  @Query(() => Inspector, { nullable: true, description: "查询执法检查人员 / one inspector" })
  async inspector(@Arg("department", () => String, DEPT) department: string, @Arg("id", () => ID) id: string, @Ctx() ctx: DepartmentContext) {
    assertOwnDepartment(ctx, department);
    return ctx.loaders.inspector.load(parseId(id));
  }

  @Mutation(() => Inspector, { description: "检查人员入库 / add an inspector to the directory" })
  async addInspector(@Arg("department", () => String, DEPT) department: string, @Arg("input", () => InspectorInput) input: InspectorInput, @Ctx() ctx: DepartmentContext) {
    assertOwnDepartment(ctx, department);
    return addInspector(ctx.em, input, ctx.actor);
  }

  @Mutation(() => Inspector, { description: "修改检查人员信息 / update an inspector" })
  async updateInspector(
    @Arg("department", () => String, DEPT) department: string,
    @Arg("id", () => ID) id: string,
    @Arg("input", () => InspectorUpdateInput) input: InspectorUpdateInput,
    @Ctx() ctx: DepartmentContext,
  ) {
    assertOwnDepartment(ctx, department);
    return updateInspector(ctx.em, parseId(id), input);
  }

  @Mutation(() => Inspector, { description: "变更检查人员状态（在岗/暂停/调离），留存历史 / change status, with history" })
  async changeInspectorStatus(
    @Arg("department", () => String, DEPT) department: string,
    @Arg("id", () => ID) id: string,
    @Arg("status", () => InspectorStatus) status: InspectorStatus,
    @Arg("reason", () => String, { description: "原因 / reason" }) reason: string,
    @Arg("transferredTo", () => String, { nullable: true, description: "调往单位（调离时必填）/ destination" }) transferredTo: string | null,
    @Ctx() ctx: DepartmentContext,
  ) {
    assertOwnDepartment(ctx, department);
    return changeInspectorStatus(ctx.em, parseId(id), status, reason, transferredTo ?? null, ctx.actor);
  }

  @Mutation(() => InspectorConflict, { description: "申报回避：该人员永不检查此主体 / declare a conflict" })
  async declareConflict(
    @Arg("department", () => String, DEPT) department: string,
    @Arg("inspectorId", () => ID) inspectorId: string,
    @Arg("uscc", () => String) uscc: string,
    @Arg("reason", () => String) reason: string,
    @Ctx() ctx: DepartmentContext,
  ) {
    assertOwnDepartment(ctx, department);
    return declareConflict(ctx.em, parseId(inspectorId, "inspectorId"), uscc, reason);
  }

  @Mutation(() => InspectorConflict, { description: "撤销回避申报 / withdraw a declared conflict" })
  async withdrawConflict(@Arg("department", () => String, DEPT) department: string, @Arg("id", () => ID) id: string, @Ctx() ctx: DepartmentContext) {
    assertOwnDepartment(ctx, department);
    return withdrawConflict(ctx.em, parseId(id));
  }

  @FieldResolver(() => String, { description: "所属部门编码 / department code" })
  department(@Ctx() ctx: DepartmentContext): string {
    return ctx.department.code;
  }

  @FieldResolver(() => [InspectorStatusChange], { description: "状态变更历史（从旧到新）/ status history, oldest first" })
  statusHistory(@Root() inspector: Inspector, @Ctx() ctx: DepartmentContext) {
    return ctx.loaders.inspectorStatusHistory.load(inspector.id);
  }

  @FieldResolver(() => [InspectorConflict], { description: "有效的回避申报 / declared conflicts in force" })
  conflicts(@Root() inspector: Inspector, @Ctx() ctx: DepartmentContext) {
    return ctx.loaders.inspectorConflicts.load(inspector.id);
  }
}

export async function resolveInspectorReference(ref: { department: string; id: string }, ctx: DepartmentContext) {
  assertOwnDepartment(ctx, ref.department);
  return ctx.loaders.inspector.load(parseId(ref.id));
}
