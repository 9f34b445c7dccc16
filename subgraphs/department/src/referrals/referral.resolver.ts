import { canReadBooks, connectionType, keysetPage, PageArgs, parseId, type Identity } from "@ssj/shared";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver } from "type-graphql";
import type { DepartmentContext } from "../context.js";
import { OwnDepartment } from "../own-department.js";
import { assertOwnDepartment, guardBooks } from "../shard.js";
import { Referral, ReferralStatus } from "./referral.entity.js";
import { ReferralDeliveryInput } from "./referral.input.js";
import { answerReferral, assertCountyService, receiveReferral } from "./referral.service.js";

export const ReferralConnection = connectionType(Referral, "Referral", "收到的移送");

/** The receiving department's books, and the sending department's staff for its own referrals. */
const seesReferral = (i: Identity, ctx: DepartmentContext, r: Referral) =>
  canReadBooks(i, ctx.department.code) || (!!i.department && i.department === r.fromDepartment);

@Resolver(() => Referral)
export class ReferralResolver {
  @Query(() => ReferralConnection, { description: "本部门收到的移送（可按状态筛选）/ referrals this department received" })
  incomingReferrals(
    @OwnDepartment() department: string,
    @Arg("status", () => ReferralStatus, { nullable: true, description: "状态 / status" }) status: ReferralStatus | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: DepartmentContext,
  ) {
    guardBooks(ctx, "查看收到的移送");
    const where = status ? { status } : {};
    return keysetPage<Referral>(
      page,
      (r) => r.id,
      (after, limit) => ctx.em.find(Referral, after === null ? where : { ...where, id: { $gt: after } }, { orderBy: { id: "asc" }, limit }),
      () => ctx.em.count(Referral, where),
    );
  }

  @Query(() => [Referral], { description: "按编号查询移送（县级核对状态用）/ referrals by id, for the county's status check" })
  referralsByIds(@OwnDepartment() department: string, @Arg("ids", () => [ID]) ids: string[], @Ctx() ctx: DepartmentContext) {
    guardBooks(ctx, "查看收到的移送");
    return ctx.em.find(Referral, { id: { $in: ids.map((id) => parseId(id)) } }, { orderBy: { id: "asc" } });
  }

  @Mutation(() => Referral, {
    description: "送达移送（仅县级服务调用；同一编号只存一次）/ deliver a referral (county service only; idempotent)",
  })
  receiveReferral(
    @OwnDepartment() department: string,
    @Arg("input", () => ReferralDeliveryInput) input: ReferralDeliveryInput,
    @Ctx() ctx: DepartmentContext,
  ) {
    assertCountyService(ctx.identity);
    return receiveReferral(ctx.em, input, ctx.actor);
  }

  @Mutation(() => Referral, { description: "接收移送（本部门管理员）/ accept a referral" })
  acceptReferral(
    @OwnDepartment({ write: true }) department: string,
    @Arg("id", () => ID) id: string,
    @Arg("note", () => String, { nullable: true, description: "说明 / note" }) note: string | null,
    @Ctx() ctx: DepartmentContext,
  ) {
    return answerReferral(ctx.em, parseId(id), ReferralStatus.ACCEPTED, note, ctx.actor);
  }

  @Mutation(() => Referral, { description: "退回移送（须写明理由）/ decline a referral with a reason" })
  declineReferral(
    @OwnDepartment({ write: true }) department: string,
    @Arg("id", () => ID) id: string,
    @Arg("reason", () => String, { description: "退回理由 / reason" }) reason: string,
    @Ctx() ctx: DepartmentContext,
  ) {
    return answerReferral(ctx.em, parseId(id), ReferralStatus.DECLINED, reason, ctx.actor);
  }

  @Mutation(() => Referral, { description: "办结移送（本部门的办理结果）/ close a referral with this department's outcome" })
  closeReferral(
    @OwnDepartment({ write: true }) department: string,
    @Arg("id", () => ID) id: string,
    @Arg("outcome", () => String, { description: "办理结果 / outcome" }) outcome: string,
    @Ctx() ctx: DepartmentContext,
  ) {
    return answerReferral(ctx.em, parseId(id), ReferralStatus.CLOSED, outcome, ctx.actor);
  }

  @FieldResolver(() => String, { description: "接收部门编码 / receiving department" })
  department(@Ctx() ctx: DepartmentContext): string {
    return ctx.department.code;
  }
}

/** `Referral` by key, for the sender and the county through the gateway: null for whoever may not see it. */
export async function resolveReferralReference(ref: { department: string; id: string }, ctx: DepartmentContext) {
  assertOwnDepartment(ctx, ref.department);
  const r = await ctx.em.findOne(Referral, { id: parseId(ref.id) });
  return r && seesReferral(ctx.identity, ctx, r) ? r : null;
}
