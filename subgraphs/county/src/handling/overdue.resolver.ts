import { connectionType, keysetPage, PageArgs } from "@ssj/shared";
import { chinaDateOf } from "@ssj/working-days";
import { Arg, Args, Ctx, Query, Resolver } from "type-graphql";
import { assertAuditorView, seesAll } from "../access.js";
import { forbidden, Role } from "@ssj/shared";
import type { CountyContext } from "../context.js";
import { HandlingKind, ReferralState, UNANSWERED_REFERRAL } from "./handling-kind.js";
import { HandlingDecision } from "./handling.entity.js";
import { requireDate } from "./handling.rules.js";
import { refreshReferralStates } from "./referral-status.js";

export const HandlingDecisionConnection = connectionType(HandlingDecision, "HandlingDecision", "处置决定");

/**
 * What the county coordinator follows up: rectifications past their deadline, referrals nobody answered, and
 * those past their answer deadline (referral-deadline.ts), which the sending department follows too.
 */
@Resolver()
export class OverdueResolver {
  @Query(() => HandlingDecisionConnection, {
    description: "逾期未复查的整改（整改期限已过且无复查结果；县级协调人、审计）/ on-site orders past their deadline without follow-up",
  })
  overdueRectifications(
    @Arg("asOf", () => String, { nullable: true, description: "以该日期（YYYY-MM-DD，默认今天，北京时间）计 / as of" }) asOf: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: CountyContext,
  ) {
    assertAuditorView(ctx.identity, "查看逾期整改");
    const day = asOf ? requireDate(asOf, "asOf", "日期") : chinaDateOf(new Date());
    const where = { kind: HandlingKind.ON_SITE, followUpResult: null, rectificationDeadline: { $lt: day } };
    return keysetPage<HandlingDecision>(
      page,
      (d) => d.id,
      (after, limit) =>
        ctx.em.find(HandlingDecision, after === null ? where : { ...where, id: { $gt: after } }, { orderBy: { id: "asc" }, limit }),
      () => ctx.em.count(HandlingDecision, where),
    );
  }

  @Query(() => HandlingDecisionConnection, {
    description:
      "超过答复期限仍未答复的移送（已送达、接收部门未接收/退回/办结；县级协调人、审计见全部，移送部门管理员和审核人见本部门及下级单位所移送的）/ delivered referrals past their answer deadline",
  })
  async overdueReferrals(
    @Arg("asOf", () => String, { nullable: true, description: "以该日期（YYYY-MM-DD，默认今天，北京时间）计 / as of" }) asOf: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: CountyContext,
  ) {
    const i = ctx.identity;
    // the sending department follows its own referrals; an upper level, its units' too (departments/lower-units.ts)
    const senders = seesAll(i)
      ? null
      : (i.role === Role.DEPARTMENT_ADMIN || i.role === Role.DEPARTMENT_REVIEWER) && i.department
        ? [i.department, ...ctx.oversees]
        : null;
    if (!seesAll(i) && !senders) throw forbidden(i, "查看逾期未答复的移送");
    const day = asOf ? requireDate(asOf, "asOf", "日期") : chinaDateOf(new Date());
    await refreshReferralStates(ctx.em, ctx.client);
    const where = {
      kind: HandlingKind.REFERRAL,
      referralState: ReferralState.RECEIVED,
      answerDue: { $lt: day },
      ...(senders ? { department: { $in: senders } } : {}),
    };
    return keysetPage<HandlingDecision>(
      page,
      (d) => d.id,
      (after, limit) =>
        ctx.em.find(HandlingDecision, after === null ? where : { ...where, id: { $gt: after } }, { orderBy: { id: "asc" }, limit }),
      () => ctx.em.count(HandlingDecision, where),
    );
  }

  @Query(() => HandlingDecisionConnection, {
    description:
      "未答复的移送（待送达或接收部门尚未接收/退回/办结；先向各接收部门核对状态）/ referrals not yet answered by the receiving department",
  })
  async unansweredReferrals(@Args(() => PageArgs) page: PageArgs, @Ctx() ctx: CountyContext) {
    assertAuditorView(ctx.identity, "查看未答复的移送");
    await refreshReferralStates(ctx.em, ctx.client);
    const where = { kind: HandlingKind.REFERRAL, referralState: { $in: UNANSWERED_REFERRAL } };
    return keysetPage<HandlingDecision>(
      page,
      (d) => d.id,
      (after, limit) =>
        ctx.em.find(HandlingDecision, after === null ? where : { ...where, id: { $gt: after } }, { orderBy: { id: "asc" }, limit }),
      () => ctx.em.count(HandlingDecision, where),
    );
  }
}
