import { filterStream } from "@ssj/shared";
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root, Subscription, type SubscribeResolverData } from "type-graphql";
import type { CountyContext } from "../context.js";
import { Draw } from "../draws/draw.entity.js";
import { Visit } from "../visits/visit.entity.js";
import { DrawChange, DrawChangeKind, VisitChange, VisitChangeKind, type DrawEventData } from "./draw-change.type.js";
import { mayReceive } from "./draw-events.js";
import { CountyEvent } from "./event.entity.js";
import { Topic, type EventMessage } from "./message.js";

const dataOf = (m: { data: Record<string, unknown> | null }) => m.data as unknown as DrawEventData;

interface DrawArgs {
  planId?: string | null;
  department?: string | null;
}
interface VisitArgs {
  department?: string | null;
  inspector?: string | null;
}

/**
 * `drawChanged` / `visitChanged` and their query twins `drawChange(id)` / `visitChange(id)`. Events
 * are filtered for each subscriber as queries are: the public receives only published draws and
 * visits, an inspector only their own visits.
 */
@Resolver(() => DrawChange)
export class DrawChangeResolver {
  @Subscription(() => DrawChange, {
    description: "摇号进度（冻结、定种、抽取、公开、被取代），可按计划或部门筛选 / draw progress as it happens",
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, DrawArgs, CountyContext>) => {
      const stream = context.bus.subscribe<EventMessage>(Topic.DRAW);
      await stream.ready;
      return filterStream(stream, (m) => {
        const d = dataOf(m);
        return (
          (!args.planId || String(d.planId) === String(args.planId)) &&
          (!args.department || d.departments.includes(args.department)) &&
          mayReceive(context.identity, d, false)
        );
      });
    },
  })
  drawChanged(
    @Root() m: EventMessage,
    @Arg("planId", () => ID, { nullable: true, description: "只看该计划 / only this plan" }) _planId?: string | null,
    @Arg("department", () => String, { nullable: true, description: "只看该部门参与的摇号 / only draws this department takes part in" })
    _department?: string | null,
  ): DrawChange {
    return { id: m.id, kind: m.kind as DrawChangeKind, at: new Date(m.at), drawId: dataOf(m).drawId };
  }

  @Query(() => DrawChange, { nullable: true, description: "按编号查询一条摇号进度事件 / one draw event by id" })
  async drawChange(@Arg("id", () => ID) id: string, @Ctx() ctx: CountyContext): Promise<DrawChange | null> {
    const e = await ctx.em.findOne(CountyEvent, { id, topic: Topic.DRAW });
    if (!e || !mayReceive(ctx.identity, dataOf(e), false)) return null;
    return { id: e.id, kind: e.kind as DrawChangeKind, at: e.at, drawId: dataOf(e).drawId };
  }

  @FieldResolver(() => Draw, { nullable: true, description: "摇号任务 / the draw" })
  draw(@Root() change: DrawChange, @Ctx() ctx: CountyContext) {
    return ctx.em.findOne(Draw, { id: change.drawId });
  }
}

@Resolver(() => VisitChange)
export class VisitChangeResolver {
  @Subscription(() => VisitChange, {
    description:
      "检查的生成、公开及检查全过程各步骤（开始、结果、证据、结束、报告、审定、公示），可按部门或执法人员（如 market:7）筛选 / every step of a visit",
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, VisitArgs, CountyContext>) => {
      const stream = context.bus.subscribe<EventMessage>(Topic.VISIT);
      await stream.ready;
      return filterStream(stream, (m) => {
        const d = dataOf(m);
        return (
          (!args.department || d.departments.includes(args.department)) &&
          (!args.inspector || (d.inspectors ?? []).includes(args.inspector)) &&
          mayReceive(context.identity, d, true)
        );
      });
    },
  })
  visitChanged(
    @Root() m: EventMessage,
    @Arg("department", () => String, {
      nullable: true,
      description: "只看载有该部门事项的检查 / only visits carrying this department's matters",
    })
    _department?: string | null,
    @Arg("inspector", () => String, { nullable: true, description: "只看该执法人员（部门:编号）/ only this inspector, department:id" })
    _inspector?: string | null,
  ): VisitChange {
    return { id: m.id, kind: m.kind as VisitChangeKind, at: new Date(m.at), visitId: Number(m.key) };
  }

  @Query(() => VisitChange, { nullable: true, description: "按编号查询一条检查事件 / one visit event by id" })
  async visitChange(@Arg("id", () => ID) id: string, @Ctx() ctx: CountyContext): Promise<VisitChange | null> {
    const e = await ctx.em.findOne(CountyEvent, { id, topic: Topic.VISIT });
    if (!e || !mayReceive(ctx.identity, dataOf(e), true)) return null;
    return { id: e.id, kind: e.kind as VisitChangeKind, at: e.at, visitId: Number(e.key) };
  }

  @FieldResolver(() => Visit, { nullable: true, description: "检查 / the visit" })
  visit(@Root() change: VisitChange, @Ctx() ctx: CountyContext) {
    return ctx.em.findOne(Visit, { id: change.visitId });
  }
}
