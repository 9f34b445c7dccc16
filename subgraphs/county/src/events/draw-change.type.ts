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
  STARTED = "STARTED",
  FINDING_RECORDED = "FINDING_RECORDED",
  EVIDENCE_ADDED = "EVIDENCE_ADDED",
  INSPECTED = "INSPECTED",
  UNREACHABLE = "UNREACHABLE",
  REFUSED = "REFUSED",
  CANCELLATION_REQUESTED = "CANCELLATION_REQUESTED",
  CANCELLED = "CANCELLED",
  REPORT_UPDATED = "REPORT_UPDATED",
  REPORT_SUBMITTED = "REPORT_SUBMITTED",
  REPORT_RETURNED = "REPORT_RETURNED",
  REPORT_REVIEWED = "REPORT_REVIEWED",
  REPORT_PUBLISHED = "REPORT_PUBLISHED",
  FEEDBACK_RECORDED = "FEEDBACK_RECORDED",
  HANDLING_RECORDED = "HANDLING_RECORDED",
  RECTIFICATION_FOLLOWED_UP = "RECTIFICATION_FOLLOWED_UP",
}
registerEnumType(VisitChangeKind, {
  name: "VisitChangeKind",
  description:
    "检查事件：摇号生成、随摇号公开、开始检查、录入结果、上传证据、检查结束、无法联系、不配合、申请取消、取消、报告修改/提交/退回/审定/公示、反馈、处置决定、整改复查 / a visit event",
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

@ObjectType("VisitChange", { description: "检查事件 / a step of a visit" })
export class VisitChange {
  @Field(() => ID, { description: "事件编号（按时间排序）/ event id" }) id!: string;
  @Field(() => VisitChangeKind, { description: "类型 / kind" }) kind!: VisitChangeKind;
  @Field(() => Date, { description: "发生时间 / when" }) at!: Date;
  visitId!: number;
}
