import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * Entities of the department subgraph that county types point at. The county knows only their keys;
 * the gateway fetches every other field from the department instance the key names.
 */
@ObjectType("Matter", { description: "随机抽查事项（某一版本）/ a random-inspection matter, one version" })
@Directive('@key(fields: "department id", resolvable: false)')
export class MatterRef {
  @Field(() => String, { description: "部门编码 / department code" }) department!: string;
  @Field(() => ID, { description: "版本标识 / id of this version" }) id!: string;
}

/** Resolvable here too: the county adds `Inspector.visits`, the inspector's own assignments. */
@ObjectType("Inspector", { description: "执法检查人员 / enforcement inspector" })
@Directive('@key(fields: "department id")')
export class InspectorRef {
  @Field(() => String, { description: "部门编码 / department code" }) department!: string;
  @Field(() => ID) id!: string;
}

@ObjectType("Expert", { description: "专家 / third-party expert" })
@Directive('@key(fields: "department id", resolvable: false)')
export class ExpertRef {
  @Field(() => String, { description: "部门编码 / department code" }) department!: string;
  @Field(() => ID) id!: string;
}

/** `market:7` (the draw engine's person and matter ids) → an entity key. */
export function refOf(engineId: string): { department: string; id: string } {
  const i = engineId.indexOf(":");
  return { department: engineId.slice(0, i), id: engineId.slice(i + 1) };
}
