import { maskName, validateUscc } from "@ssj/shared";
import { KeySectorEnum, RiskClassEnum } from "./enums.js";
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import type { DepartmentContext } from "../context.js";
import { assertOwnDepartment, guardBooks, seesBooks } from "../shard.js";
import { SupervisionRecordChange } from "./record-change.entity.js";
import { SubjectInput, SubjectUpdateInput } from "./record.input.js";
import { addRecord, removeRecord, updateRecord } from "./record.service.js";
import { Subject } from "./subject.type.js";
import { SupervisionRecord } from "./supervision-record.entity.js";
import type { SupervisionRecordRow } from "./record-rows.js";
import { selectedRecordColumns } from "./record-selection.js";
import { OwnDepartment } from "../own-department.js";

/**
 * `Subject.records`: this department's record of the subject. Composition sees this field in the
 * `subject-records` member alone (subject-records-view.ts), so a query always arrives here as an entity
 * fetch keyed by USCC alone, which the gateway fans out to every department and merges.
 */
@Resolver(() => Subject)
export class SubjectResolver {
  @FieldResolver(() => [SupervisionRecord], { description: "各部门对该主体的监管记录 / each department's record of it" })
  async records(
    @Root() subject: Subject,
    @Ctx() ctx: DepartmentContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SupervisionRecordRow[]> {
    const record = await ctx.loaders.currentRecordRowByUscc(selectedRecordColumns(info)).load(subject.uscc);
    return record ? [record] : [];
  }
}

export function resolveSubjectReference(ref: { uscc: string }): Subject {
  return { uscc: ref.uscc };
}

@Resolver(() => SupervisionRecord)
export class SupervisionRecordResolver {
  @Query(() => SupervisionRecord, { nullable: true, description: "某部门对某主体的监管记录 / one department's record" })
  async supervisionRecord(@OwnDepartment() department: string, @Arg("uscc", () => String) uscc: string, @Ctx() ctx: DepartmentContext) {
    return ctx.loaders.recordByUscc.load(validateUscc(uscc));
  }

  @Mutation(() => SupervisionRecord, { description: "把市场主体加入本部门名录 / add a subject to the directory" })
  async addSubject(
    @OwnDepartment({ write: true }) department: string,
    @Arg("input", () => SubjectInput) input: SubjectInput,
    @Ctx() ctx: DepartmentContext,
  ) {
    return addRecord(ctx.em, input, ctx.actor);
  }

  @Mutation(() => SupervisionRecord, { description: "修改监管记录（保留历史）/ update a record, keeping history" })
  async updateSubject(
    @OwnDepartment({ write: true }) department: string,
    @Arg("uscc", () => String) uscc: string,
    @Arg("input", () => SubjectUpdateInput) input: SubjectUpdateInput,
    @Arg("reason", () => String, { nullable: true, description: "修改原因 / reason" }) reason: string | null,
    @Ctx() ctx: DepartmentContext,
  ) {
    return updateRecord(ctx.em, uscc, input, ctx.actor, reason ?? null);
  }

  @Mutation(() => SupervisionRecord, { description: "移出名录（软删除，保留历史）/ remove, softly, keeping history" })
  async removeSubject(
    @OwnDepartment({ write: true }) department: string,
    @Arg("uscc", () => String) uscc: string,
    @Arg("reason", () => String, { description: "移出原因 / reason" }) reason: string,
    @Ctx() ctx: DepartmentContext,
  ) {
    return removeRecord(ctx.em, uscc, reason, ctx.actor);
  }

  /** The subject across departments: its key is the record's USCC, so no other service is asked. */
  @FieldResolver(() => Subject, { description: "跨部门的市场主体 / the subject across departments" })
  subject(@Root() record: SupervisionRecordRow): Subject {
    return { uscc: record.uscc };
  }

  @FieldResolver(() => String, { description: "部门编码 / department code" })
  department(@Ctx() ctx: DepartmentContext): string {
    return ctx.department.code;
  }

  @FieldResolver(() => [SupervisionRecordChange], {
    nullable: true,
    description: "变更历史（从旧到新；不对公众公开）/ history, oldest first",
  })
  history(@Root() record: SupervisionRecordRow, @Ctx() ctx: DepartmentContext) {
    guardBooks(ctx, "查看监管记录的变更历史");
    return ctx.loaders.recordHistory.load(record.id);
  }

  @FieldResolver(() => String, { description: "法定代表人/负责人（对公众脱敏，如 王*国）/ legal representative, masked for the public" })
  legalRepresentative(@Root() record: SupervisionRecordRow, @Ctx() ctx: DepartmentContext): string {
    return seesBooks(ctx) ? record.legalRepresentative : maskName(record.legalRepresentative);
  }

  @FieldResolver(() => RiskClassEnum, { nullable: true, description: "信用风险分类（不对公众公开）/ risk class, not public" })
  riskClass(@Root() record: SupervisionRecordRow, @Ctx() ctx: DepartmentContext) {
    guardBooks(ctx, "查看信用风险分类");
    return record.riskClass;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: "列入经营异常名录（不对公众公开）/ abnormal list" })
  abnormalList(@Root() record: SupervisionRecordRow, @Ctx() ctx: DepartmentContext) {
    guardBooks(ctx, "查看信用标记");
    return record.abnormalList;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: "失信（不对公众公开）/ dishonest" })
  dishonest(@Root() record: SupervisionRecordRow, @Ctx() ctx: DepartmentContext) {
    guardBooks(ctx, "查看信用标记");
    return record.dishonest;
  }

  @FieldResolver(() => Boolean, { nullable: true, description: "严重违法失信（不对公众公开）/ serious violation" })
  seriousViolation(@Root() record: SupervisionRecordRow, @Ctx() ctx: DepartmentContext) {
    guardBooks(ctx, "查看信用标记");
    return record.seriousViolation;
  }

  @FieldResolver(() => [KeySectorEnum], { nullable: true, description: "重点领域（不对公众公开）/ key sectors" })
  keySectors(@Root() record: SupervisionRecordRow, @Ctx() ctx: DepartmentContext) {
    guardBooks(ctx, "查看重点领域标记");
    return record.keySectors;
  }
}

export async function resolveSupervisionRecordReference(ref: { department: string; uscc: string }, ctx: DepartmentContext) {
  assertOwnDepartment(ctx, ref.department);
  return ctx.loaders.recordByUscc.load(ref.uscc);
}
