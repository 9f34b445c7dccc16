import { categoriesOf, EnforcementCategory, parseId } from "@ssj/shared";
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { DepartmentContext } from "../context.js";
import { assertOwnDepartment, seesBooks } from "../shard.js";
import { Matter, MatterStatus } from "./matter.entity.js";
import { MatterInput, MatterRevisionInput } from "./matter.input.js";
import { createMatter, deleteDraftMatter, publishMatter, reviseMatter, withdrawMatter } from "./matter.service.js";
import { OwnDepartment } from "../own-department.js";

@Resolver(() => Matter)
export class MatterResolver {
  @Query(() => Matter, { nullable: true, description: "按版本标识查询抽查事项 / one matter version by id" })
  async matter(@OwnDepartment() department: string, @Arg("id", () => ID) id: string, @Ctx() ctx: DepartmentContext) {
    return visible(ctx, await ctx.loaders.matter.load(parseId(id)));
  }

  @Mutation(() => Matter, { description: "新建抽查事项（草稿）/ create a matter, as a draft" })
  async createMatter(
    @OwnDepartment({ write: true }) department: string,
    @Arg("input", () => MatterInput) input: MatterInput,
    @Ctx() ctx: DepartmentContext,
  ) {
    return createMatter(ctx.em, input);
  }

  @Mutation(() => Matter, { description: "修订事项：生成新版本，旧版本保留可查 / revise: a new version, the old stays readable" })
  async reviseMatter(
    @OwnDepartment({ write: true }) department: string,
    @Arg("code", () => String) code: string,
    @Arg("input", () => MatterRevisionInput) input: MatterRevisionInput,
    @Ctx() ctx: DepartmentContext,
  ) {
    return reviseMatter(ctx.em, code, input);
  }

  @Mutation(() => Boolean, {
    description: "删除从未公布的事项草稿（全部版本）；已公布过的只能撤回 / delete a never-published draft matter, every version",
  })
  async deleteMatter(
    @OwnDepartment({ write: true }) department: string,
    @Arg("code", () => String) code: string,
    @Ctx() ctx: DepartmentContext,
  ) {
    return deleteDraftMatter(ctx.em, code);
  }

  @Mutation(() => Matter, { description: "公布事项 / publish the newest version" })
  async publishMatter(
    @OwnDepartment({ write: true }) department: string,
    @Arg("code", () => String) code: string,
    @Ctx() ctx: DepartmentContext,
  ) {
    return publishMatter(ctx.em, code);
  }

  @Mutation(() => Matter, { description: "撤回事项 / withdraw a published matter" })
  async withdrawMatter(
    @OwnDepartment({ write: true }) department: string,
    @Arg("code", () => String) code: string,
    @Arg("reason", () => String) reason: string,
    @Ctx() ctx: DepartmentContext,
  ) {
    return withdrawMatter(ctx.em, code, reason);
  }

  @FieldResolver(() => String, { description: "所属部门编码 / department code" })
  department(@Ctx() ctx: DepartmentContext): string {
    return ctx.department.code;
  }

  @FieldResolver(() => EnforcementCategory, {
    nullable: true,
    description: "主要执法类别（所需类别中的第一个）/ the matter's main enforcement category, the first one it requires",
  })
  category(@Root() matter: Matter): EnforcementCategory | null {
    return categoriesOf(matter.qualifications)[0] ?? null;
  }

  @FieldResolver(() => [EnforcementCategory], { description: "所需的全部执法类别 / every enforcement category it requires" })
  categories(@Root() matter: Matter): EnforcementCategory[] {
    return categoriesOf(matter.qualifications);
  }

  @FieldResolver(() => [Matter], { description: "该事项的全部版本（从旧到新）/ every version, oldest first" })
  async versions(@Root() matter: Matter, @Ctx() ctx: DepartmentContext) {
    return (await ctx.loaders.matterVersions.load(matter.code)).filter((m) => visible(ctx, m));
  }
}

export async function resolveMatterReference(ref: { department: string; id: string }, ctx: DepartmentContext) {
  assertOwnDepartment(ctx, ref.department);
  return visible(ctx, await ctx.loaders.matter.load(parseId(ref.id)));
}

/** Drafts are the department's own business until published. */
function visible(ctx: DepartmentContext, m: Matter | null): Matter | null {
  return m && (m.status !== MatterStatus.DRAFT || seesBooks(ctx)) ? m : null;
}
