import { AppError, ErrorCode, filterStream } from "@ssj/shared";
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root, Subscription, type SubscribeResolverData } from "type-graphql";
import type { CountyContext } from "../context.js";
import { Department } from "../departments/department.entity.js";
import { DepartmentChange, DepartmentChangeKind } from "./department-change.type.js";
import { CountyEvent } from "./event.entity.js";
import { Topic, type EventMessage } from "./message.js";

function toChange(e: { id: string; kind: string; key: string; at: string | Date }): DepartmentChange {
  return { id: e.id, kind: e.kind as DepartmentChangeKind, at: new Date(e.at), code: e.key };
}

/**
 * `Subscription.departmentChanged` and its query twin `Query.departmentChange(id)`: the gateway
 * subscribes here for event ids only and completes each event through the twin, so an event can select
 * any federated field of its department (e.g. `publishedMatterCount` from the department instance).
 */
@Resolver(() => DepartmentChange)
export class DepartmentChangeResolver {
  @Subscription(() => DepartmentChange, {
    description: "部门登记变更（登记、修改、注销）/ changes of the department registry as they happen",
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, { code?: string | null }, CountyContext>) => {
      const stream = context.bus.subscribe<EventMessage>(Topic.DEPARTMENT);
      await stream.ready;
      return args.code ? filterStream(stream, (m) => m.key === args.code) : stream;
    },
  })
  departmentChanged(
    @Root() message: EventMessage,
    @Arg("code", () => String, { nullable: true, description: "只看该部门 / only this department" }) _code?: string | null,
  ): DepartmentChange {
    return toChange(message);
  }

  @Query(() => DepartmentChange, { nullable: true, description: "按编号查询一条部门登记变更事件 / one registry change by event id" })
  async departmentChange(@Arg("id", () => ID) id: string, @Ctx() ctx: CountyContext): Promise<DepartmentChange | null> {
    const e = await ctx.em.findOne(CountyEvent, { id, topic: Topic.DEPARTMENT });
    return e ? toChange(e) : null;
  }

  @FieldResolver(() => Department, { description: "变更后的部门 / the department as it is now" })
  async department(@Root() change: DepartmentChange, @Ctx() ctx: CountyContext): Promise<Department> {
    const d = await ctx.loaders.departmentByCode.load(change.code);
    if (!d) throw new AppError(ErrorCode.NOT_FOUND, `未找到部门「${change.code}」`, { department: change.code });
    return d;
  }
}
