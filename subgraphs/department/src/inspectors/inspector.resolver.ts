import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { DepartmentContext } from "../context.js";
import { assertOwnDepartment, guardBooks, seesBooks } from "../shard.js";
import { categoriesOf, EnforcementCategory, maskNumber, parseId } from "@ssj/shared";
import { Inspector, InspectorConflict, InspectorStatus, InspectorStatusChange } from "./inspector.entity.js";
import { InspectorInput, InspectorUpdateInput } from "./inspector.input.js";
import { addInspector, changeInspectorStatus, declareConflict, updateInspector, withdrawConflict } from "./inspector.service.js";
import { OwnDepartment } from "../own-department.js";

@Resolver(() => Inspector)
export class InspectorResolver {
  @Query(() => Inspector, { nullable: true, description: "查询执法检查人员 / one inspector" })
  async inspector(@OwnDepartment() department: string, @Arg("id", () => ID) id: string, @Ctx() ctx: DepartmentContext) {
    return ctx.loaders.inspector.load(parseId(id));
  }

  @Mutation(() => Inspector, { description: "检查人员入库 / add an inspector to the directory" })
  async addInspector(
    @OwnDepartment({ write: true }) department: string,
    @Arg("input", () => InspectorInput) input: InspectorInput,
    @Ctx() ctx: DepartmentContext,
  ) {
    return addInspector(ctx.em, input, ctx.actor);
  }

  @Mutation(() => Inspector, { description: "修改检查人员信息 / update an inspector" })
  async updateInspector(
    @OwnDepartment({ write: true }) department: string,
    @Arg("id", () => ID) id: string,
    @Arg("input", () => InspectorUpdateInput) input: InspectorUpdateInput,
    @Ctx() ctx: DepartmentContext,
  ) {
    return updateInspector(ctx.em, parseId(id), input);
  }

  @Mutation(() => Inspector, { description: "变更检查人员状态（在岗/暂停/调离），留存历史 / change status, with history" })
  async changeInspectorStatus(
    @OwnDepartment({ write: true }) department: string,
    @Arg("id", () => ID) id: string,
    @Arg("status", () => InspectorStatus) status: InspectorStatus,
    @Arg("reason", () => String, { description: "原因 / reason" }) reason: string,
    @Arg("transferredTo", () => String, { nullable: true, description: "调往单位（调离时必填）/ destination" })
    transferredTo: string | null,
    @Ctx() ctx: DepartmentContext,
  ) {
    return changeInspectorStatus(ctx.em, parseId(id), status, reason, transferredTo ?? null, ctx.actor);
  }

  @Mutation(() => InspectorConflict, { description: "申报回避：该人员永不检查此主体 / declare a conflict" })
  async declareConflict(
    @OwnDepartment({ write: true }) department: string,
    @Arg("inspectorId", () => ID) inspectorId: string,
    @Arg("uscc", () => String) uscc: string,
    @Arg("reason", () => String) reason: string,
    @Ctx() ctx: DepartmentContext,
  ) {
    return declareConflict(ctx.em, parseId(inspectorId, "inspectorId"), uscc, reason);
  }

  @Mutation(() => InspectorConflict, { description: "撤销回避申报 / withdraw a declared conflict" })
  async withdrawConflict(
    @OwnDepartment({ write: true }) department: string,
    @Arg("id", () => ID) id: string,
    @Ctx() ctx: DepartmentContext,
  ) {
    return withdrawConflict(ctx.em, parseId(id));
  }

  @FieldResolver(() => [EnforcementCategory], { description: "执法类别（共享类别）/ enforcement categories, shared" })
  qualifications(@Root() inspector: Inspector): EnforcementCategory[] {
    return categoriesOf(inspector.categories);
  }

  @FieldResolver(() => String, { description: "所属部门编码 / department code" })
  department(@Ctx() ctx: DepartmentContext): string {
    return ctx.department.code;
  }

  @FieldResolver(() => [InspectorStatusChange], { nullable: true, description: "状态变更历史（从旧到新；不对公众公开）/ status history" })
  statusHistory(@Root() inspector: Inspector, @Ctx() ctx: DepartmentContext) {
    guardBooks(ctx, "查看人员状态历史");
    return ctx.loaders.inspectorStatusHistory.load(inspector.id);
  }

  @FieldResolver(() => [InspectorConflict], { nullable: true, description: "有效的回避申报（不对公众公开）/ declared conflicts in force" })
  conflicts(@Root() inspector: Inspector, @Ctx() ctx: DepartmentContext) {
    guardBooks(ctx, "查看回避申报");
    return ctx.loaders.inspectorConflicts.load(inspector.id);
  }

  @FieldResolver(() => String, { description: "执法证号（对公众部分隐藏）/ certificate number, partly hidden for the public" })
  certificateNo(@Root() inspector: Inspector, @Ctx() ctx: DepartmentContext): string {
    return seesBooks(ctx) ? inspector.certificateNo : maskNumber(inspector.certificateNo, 4, 3)!;
  }

  @FieldResolver(() => String, { nullable: true, description: "联系电话（对公众部分隐藏）/ phone, partly hidden for the public" })
  phone(@Root() inspector: Inspector, @Ctx() ctx: DepartmentContext): string | null {
    return seesBooks(ctx) ? inspector.phone : maskNumber(inspector.phone, 3, 4);
  }
}

export async function resolveInspectorReference(ref: { department: string; id: string }, ctx: DepartmentContext) {
  assertOwnDepartment(ctx, ref.department);
  return ctx.loaders.inspector.load(parseId(ref.id));
}
