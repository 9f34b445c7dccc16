import { stratumCommitment, type Stratum } from "@ssj/draw-engine";
import { AppError, ErrorCode, forbidden, parseId, requireText, Role } from "@ssj/shared";
import { Arg, Ctx, Field, ID, Mutation, ObjectType, Resolver } from "type-graphql";
import type { CountyContext } from "../context.js";
import { Draw } from "./draw.entity.js";
import { findCandidate } from "./pools.js";
import { loadSalt } from "./salts.js";

@ObjectType("StratumOpening", {
  description:
    "市场主体本人用来打开其分层承诺的数据（由其监管部门应请求提供，用 verify-draw --opening 校验）/ what a subject needs to open its own stratum commitment",
})
export class StratumOpeningType {
  @Field(() => ID, { description: "摇号任务 / draw" }) drawId!: string;
  @Field(() => String, { description: "统一社会信用代码 / subject id" }) subjectId!: string;
  @Field(() => String, { description: "抽样层 / stratum" }) stratum!: string;
  @Field(() => String, { description: "盐值（32 位十六进制，不公开）/ the salt, never public" }) salt!: string;
  @Field(() => String, { description: "公开记录中的承诺值 / the commitment in the public record" }) commitment!: string;
}

/**
 * A subject checks that it was not passed over by opening its own commitment (docs/draw-record.md,
 * "Risk classes"). It asks its supervising department, which already knows its class: the department
 * admin (or the coordinator, or an auditor) calls this mutation and hands the answer to the subject.
 * A mutation, not a query, because a salt handed out is a disclosure: it goes into the mutation log
 * with who asked and for which subject.
 */
@Resolver()
export class StratumOpeningResolver {
  @Mutation(() => StratumOpeningType, {
    description: "向市场主体提供其分层承诺的打开数据（监管部门、协调员或审计；记入操作日志）/ hand a subject its commitment opening",
  })
  async discloseStratumOpening(
    @Arg("drawId", () => ID, { description: "摇号任务标识 / draw id" }) drawId: string,
    @Arg("subjectId", () => String, { description: "统一社会信用代码 / the subject" }) subjectId: string,
    @Ctx() ctx: CountyContext,
  ): Promise<StratumOpeningType> {
    const id = parseId(drawId, "drawId");
    const subject = requireText(subjectId, "subjectId", "统一社会信用代码", 64);
    const draw = await ctx.em.findOne(Draw, { id });
    if (!draw) throw new AppError(ErrorCode.NOT_FOUND, `未找到编号为 ${id} 的摇号任务`, { field: "drawId" });
    const candidate = await findCandidate(ctx.em, id, subject);
    const i = ctx.identity;
    const allowed =
      i.role === Role.COUNTY_COORDINATOR ||
      i.role === Role.AUDITOR ||
      (i.role === Role.DEPARTMENT_ADMIN && !!candidate && candidate.departments.includes(i.department ?? ""));
    if (!allowed) throw forbidden(i, "提供分层承诺的打开数据（仅限该主体的监管部门管理员、协调员或审计）", { drawId: id });
    if (!candidate)
      throw new AppError(ErrorCode.NOT_FOUND, `市场主体 ${subject} 不在第 ${draw.sequence} 次摇号的候选名录中`, { field: "subjectId" });
    const salt = await loadSalt(ctx.em, id, subject);
    if (!salt) throw new AppError(ErrorCode.INVALID_STATE, "该摇号在启用分层承诺之前冻结，没有盐值", { drawId: id });
    return {
      drawId: String(id),
      subjectId: subject,
      stratum: candidate.stratum,
      salt,
      commitment: stratumCommitment(subject, candidate.stratum as Stratum, salt),
    };
  }
}
