import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { DepartmentContext } from "../context.js";
import { assertOwnDepartment, seesBooks } from "../shard.js";
import { maskNumber, parseId } from "@ssj/shared";
import { Expert } from "./expert.entity.js";
import { addExpert, updateExpert } from "./expert.service.js";
import { ExpertInput, ExpertUpdateInput } from "./inspector.input.js";
import { OwnDepartment } from "../own-department.js";

@Resolver(() => Expert)
export class ExpertResolver {
  @Query(() => Expert, { nullable: true, description: "查询专家 / one expert" })
  async expert(@OwnDepartment() department: string, @Arg("id", () => ID) id: string, @Ctx() ctx: DepartmentContext) {
    return ctx.loaders.expert.load(parseId(id));
  }

  @Mutation(() => Expert, { description: "专家入库 / add an expert" })
  async addExpert(
    @OwnDepartment({ write: true }) department: string,
    @Arg("input", () => ExpertInput) input: ExpertInput,
    @Ctx() ctx: DepartmentContext,
  ) {
    return addExpert(ctx.em, input);
  }

  @Mutation(() => Expert, { description: "修改专家信息 / update an expert" })
  async updateExpert(
    @OwnDepartment({ write: true }) department: string,
    @Arg("id", () => ID) id: string,
    @Arg("input", () => ExpertUpdateInput) input: ExpertUpdateInput,
    @Ctx() ctx: DepartmentContext,
  ) {
    return updateExpert(ctx.em, parseId(id), input);
  }

  @FieldResolver(() => String, { nullable: true, description: "联系电话（对公众部分隐藏）/ phone, partly hidden for the public" })
  phone(@Root() expert: Expert, @Ctx() ctx: DepartmentContext): string | null {
    return seesBooks(ctx) ? expert.phone : maskNumber(expert.phone, 3, 4);
  }

  @FieldResolver(() => String, { description: "所属部门编码 / department code" })
  department(@Ctx() ctx: DepartmentContext): string {
    return ctx.department.code;
  }
}

export async function resolveExpertReference(ref: { department: string; id: string }, ctx: DepartmentContext) {
  assertOwnDepartment(ctx, ref.department);
  return ctx.loaders.expert.load(parseId(ref.id));
}
