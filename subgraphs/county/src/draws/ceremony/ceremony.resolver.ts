import { ceremonyText, type CeremonyValue } from "@ssj/draw-engine";
import { forbidden, IDEMPOTENCY_KEY_DESCRIPTION, parseId, Role } from "@ssj/shared";
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { CountyContext } from "../../context.js";
import { Draw } from "../draw.entity.js";
import { managedDraw } from "../draw.resolver.js";
import { drawStepOnce } from "../draw-idempotency.js";
import { CeremonyValueInput, CeremonyValueType } from "./ceremony.types.js";
import { commitCeremonyValue, enterCeremonyValues } from "./ceremony.service.js";
import { CeremonyCommitment } from "./commitment.entity.js";

const DRAW_ID = { description: "摇号任务标识 / draw id" } as const;

@Resolver(() => Draw)
export class CeremonyResolver {
  @Mutation(() => CeremonyCommitment, {
    description:
      "部门在冻结前提交现场随机值的 SHA-256 承诺，现场揭示时核对 / commit to a ceremony value (SHA-256 of the value) before the freeze",
  })
  async commitCeremonyValue(
    @Arg("drawId", () => ID, DRAW_ID) drawId: string,
    @Arg("sha256", () => String, { description: "值（原样 UTF-8）的 SHA-256 十六进制 / SHA-256 hex of the value's exact UTF-8 bytes" })
    sha256: string,
    @Arg("department", () => String, { nullable: true, description: "承诺部门（部门管理员可省略，即本部门）/ committing department" })
    department: string | null,
    @Ctx() ctx: CountyContext,
  ) {
    const i = ctx.identity;
    const code = department ?? i.department ?? "";
    // the coordinator records any participating department's commitment; a department admin only its own
    if (!(i.role === Role.COUNTY_COORDINATOR || (i.role === Role.DEPARTMENT_ADMIN && i.department === code)))
      throw forbidden(i, `代部门「${code}」提交承诺值`);
    return commitCeremonyValue(ctx.em, parseId(drawId, "drawId"), code, sha256, ctx.actor);
  }

  @Mutation(() => Draw, {
    description:
      "录入现场随机值（冻结后、只能一次），确定种子：ceremony 为带来源的结构化值（推荐），values 为纯文本；均按原样使用 / enter the ceremony value(s), once",
  })
  async enterCeremonyValues(
    @Arg("drawId", () => ID, DRAW_ID) drawId: string,
    @Arg("ceremony", () => [CeremonyValueInput], {
      nullable: true,
      description: "带来源的现场随机值，按录入顺序 / values with provenance, in order",
    })
    ceremony: CeremonyValueInput[] | null,
    @Arg("values", () => [String], { nullable: true, description: "纯文本现场随机值，按录入顺序 / plain values, in order" })
    values: string[] | null,
    @Arg("idempotencyKey", () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null,
    @Ctx() ctx: CountyContext,
  ) {
    await managedDraw(ctx, drawId, "录入现场随机值");
    const id = parseId(drawId, "drawId");
    return drawStepOnce(ctx, idempotencyKey, "enterCeremonyValues", id, () => enterCeremonyValues(ctx.em, id, values, ceremony, ctx.actor));
  }

  @FieldResolver(() => [CeremonyValueType], {
    nullable: true,
    description: "现场随机值及其来源（录入后公开）/ the ceremony values with their provenance, once entered",
  })
  ceremony(@Root() draw: Draw): CeremonyValueType[] | null {
    return (
      draw.ceremony?.map((c: CeremonyValue) => ({
        kind: c.kind as CeremonyValueType["kind"],
        source: c.source ?? null,
        issue: c.issue ?? null,
        date: c.date ?? null,
        value: c.value,
        witnesses: [...(c.witnesses ?? [])],
        canonicalText: ceremonyText(c),
      })) ?? null
    );
  }

  @FieldResolver(() => [CeremonyCommitment], {
    description: "各部门事先提交的承诺值（摘要）/ the departments' commitments, as hashes",
  })
  async commitments(@Root() draw: Draw, @Ctx() ctx: CountyContext) {
    return ctx.em.find(CeremonyCommitment, { drawId: draw.id }, { orderBy: { id: "asc" } });
  }
}
