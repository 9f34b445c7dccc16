import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum DrawChangeKind {
  CREATED = "CREATED",
  FROZEN = "FROZEN",
  SEEDED = "SEEDED",
  DRAWN = "DRAWN",
  PUBLISHED = "PUBLISHED",
  SUPERSEDED = "SUPERSEDED",
  CANCELLED = "CANCELLED",
}
registerEnumType(DrawChangeKind, {
  name: "DrawChangeKind",
  description: "摇号进度事件：创建、冻结、定种、抽取、公开、被取代、撤销 / a step of a draw",
});

export enum VisitChangeKind {
  CREATED = "CREATED",
  PUBLISHED = "PUBLISHED",
}
registerEnumType(VisitChangeKind, {
  name: "VisitChangeKind",
  description: "检查事件：摇号生成、随摇号公开 / a visit created by a draw, or published with it",
});

/** What draw and visit events carry for filtering without a database read. */
export interface DrawEventData {
  planId: number;
  drawId: number;
  departments: string[];
  /** Whether the public may see it: a draw from its freeze on (docs/draw-record.md), a visit once its draw is published. */
  published: boolean;
  /** Visit events: engine ids of the assigned inspectors (`market:7`). */
  inspectors?: string[];
}

@ObjectType("DrawChange", { description: "摇号进度事件 / a step of a draw, as it happens" })
export class DrawChange {
  @Field(() => ID, { description: "事件编号（按时间排序）/ event id" }) id!: string;
  @Field(() => DrawChangeKind, { description: "进度 / step" }) kind!: DrawChangeKind;
  @Field(() => Date, { description: "发生时间 / when" }) at!: Date;
  drawId!: number;
}

@ObjectType("VisitChange", { description: "检查事件 / a visit created or published" })
export class VisitChange {
  @Field(() => ID, { description: "事件编号（按时间排序）/ event id" }) id!: string;
  @Field(() => VisitChangeKind, { description: "类型 / kind" }) kind!: VisitChangeKind;
  @Field(() => Date, { description: "发生时间 / when" }) at!: Date;
  visitId!: number;
}
