import { validateUscc } from "@ssj/shared";
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { DepartmentContext } from "../context.js";
import { assertOwnDepartment } from "../shard.js";
import { SupervisionRecordChange } from "./record-change.entity.js";
import { SubjectInput, SubjectUpdateInput } from "./record.input.js";
import { addRecord, removeRecord, updateRecord } from "./record.service.js";
import { Subject } from "./subject.type.js";
import { SupervisionRecord } from "./supervision-record.entity.js";

const DEPT = { description: "部门编码 / department code" } as const;

/**
 * `Subject.records`: this department's record of the subject. The county subgraph owns the ways to
 * reach a Subject (`Query.subject`, `SupervisionRecord.subject`), so a query always arrives here as
 * an entity fetch keyed by USCC alone, which the gateway fans out to every department and merges.
 */
@Resolver(() => Subject)
export class SubjectResolver {
  @FieldResolver(() => [SupervisionRecord], { description: "各部门对该主体的监管记录 / each department's record of it" })
  async records(@Root() subject: Subject, @Ctx() ctx: DepartmentContext): Promise<SupervisionRecord[]> {
    const record = await ctx.loaders.recordByUscc.load(subject.uscc);
    return record && !record.removedAt ? [record] : [];
  }
}

export function resolveSubjectReference(ref: { uscc: string }): Subject {
  return { uscc: ref.uscc };
}

@Resolver(() => SupervisionRecord)
export class SupervisionRecordResolver {
  @Query(() => SupervisionRecord, { nullable: true, description: "某部门对某主体的监管记录 / one department's record" })
  async supervisionRecord(
    @Arg("department", () => String, DEPT) department: string,
    @Arg("uscc", () => String) uscc: string,
    @Ctx() ctx: DepartmentContext,
  ) {
    assertOwnDepartment(ctx, department);
    return ctx.loaders.recordByUscc.load(validateUscc(uscc));
  }

  @Mutation(() => SupervisionRecord, { description: "把市场主体加入本部门名录 / add a subject to the directory" })
  async addSubject(@Arg("department", () => String, DEPT) department: string, @Arg("input", () => SubjectInput) input: SubjectInput, @Ctx() ctx: DepartmentContext) {
    assertOwnDepartment(ctx, department);
    return addRecord(ctx.em, input, ctx.actor);
  }

  @Mutation(() => SupervisionRecord, { description: "修改监管记录（保留历史）/ update a record, keeping history" })
  async updateSubject(
    @Arg("department", () => String, DEPT) department: string,
    @Arg("uscc", () => String) uscc: string,
    @Arg("input", () => SubjectUpdateInput) input: SubjectUpdateInput,
    @Arg("reason", () => String, { nullable: true, description: "修改原因 / reason" }) reason: string | null,
    @Ctx() ctx: DepartmentContext,
  ) {
    assertOwnDepartment(ctx, department);
    return updateRecord(ctx.em, uscc, input, ctx.actor, reason ?? null);
  }

  @Mutation(() => SupervisionRecord, { description: "移出名录（软删除，保留历史）/ remove, softly, keeping history" })
  async removeSubject(
    @Arg("department", () => String, DEPT) department: string,
    @Arg("uscc", () => String) uscc: string,
    @Arg("reason", () => String, { description: "移出原因 / reason" }) reason: string,
    @Ctx() ctx: DepartmentContext,
  ) {
    assertOwnDepartment(ctx, department);
    return removeRecord(ctx.em, uscc, reason, ctx.actor);
  }

  @FieldResolver(() => String, { description: "部门编码 / department code" })
  department(@Ctx() ctx: DepartmentContext): string {
    return ctx.department.code;
  }

  @FieldResolver(() => [SupervisionRecordChange], { description: "变更历史（从旧到新）/ history, oldest first" })
  history(@Root() record: SupervisionRecord, @Ctx() ctx: DepartmentContext) {
    return ctx.loaders.recordHistory.load(record.id);
  }
}

export async function resolveSupervisionRecordReference(ref: { department: string; uscc: string }, ctx: DepartmentContext) {
  assertOwnDepartment(ctx, ref.department);
  return ctx.loaders.recordByUscc.load(ref.uscc);
}
