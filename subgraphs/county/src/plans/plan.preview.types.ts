import { Field, Float, Int, ObjectType } from "type-graphql";

@ObjectType("PreviewStratum", { description: "预览：某层的候选数与应抽数 / preview of one stratum" })
export class PreviewStratum {
  @Field(() => String, { description: "抽样层 FLAGGED/D/C/B/A / stratum" }) stratum!: string;
  @Field(() => Int, { description: "候选数 / candidates" }) candidates!: number;
  @Field(() => Float, { nullable: true, description: "比例 / ratio" }) ratio!: number | null;
  @Field(() => Int, { description: "按比例应抽数（向上取整）/ ⌈candidates × ratio⌉" }) ratioTarget!: number;
  @Field(() => Int, { description: "执行户次上限后的应抽数 / after the cap" }) target!: number;
}

@ObjectType("PreviewExclusion", { description: "预览：未列入候选的主体及原因 / subjects left out, and why" })
export class PreviewExclusion {
  @Field(() => String, { description: "原因 / reason" }) reason!: string;
  @Field(() => Int, { description: "户数 / how many" }) count!: number;
  @Field(() => [String], { description: "统一社会信用代码（前 100 个）/ the first 100 credit codes" }) subjects!: string[];
}

@ObjectType("PreviewCategory", { description: "具备某执法类别的在岗人员数 / active inspectors holding a category" })
export class PreviewCategory {
  @Field(() => String, { description: "执法类别 / category" }) category!: string;
  @Field(() => Int, { description: "人数 / inspectors" }) inspectors!: number;
}

@ObjectType("PreviewDepartment", { description: "预览：某部门的预计户次与可用人员 / one department in the preview" })
export class PreviewDepartment {
  @Field(() => String, { description: "部门编码 / department" }) department!: string;
  @Field(() => Int, { description: "含本部门事项的候选数 / candidates carrying its matters" }) candidates!: number;
  @Field(() => Float, {
    description: "预计参与的检查户次（各层应抽数 × 本部门在该层的占比之和）/ expected visits carrying its matters",
  })
  expectedVisits!: number;
  @Field(() => Int, { description: "在岗执法人员数（含借调）/ active inspectors, borrowed included" }) inspectors!: number;
  @Field(() => [PreviewCategory], { description: "计划事项要求的各执法类别的可用人数 / inspectors per required category" })
  categories!: PreviewCategory[];
}

@ObjectType("PreviewProblem", { description: "冻结时会被拒绝的原因 / what would refuse the freeze" })
export class PreviewProblem {
  @Field(() => String, { description: "错误码 / code" }) code!: string;
  @Field(() => String, { description: "说明 / message" }) message!: string;
}

@ObjectType("PlanPreview", {
  description: "计划预览：按冻结的方式计算，但不保存任何内容 / the plan computed as a freeze would, storing nothing",
})
export class PlanPreview {
  @Field(() => Int, { description: "候选主体数 / candidates" }) candidates!: number;
  @Field(() => Int, { description: "预计检查户次 / expected visits" }) expectedVisits!: number;
  @Field(() => [PreviewStratum], { description: "各层（FLAGGED、D、C、B、A）/ per stratum" }) strata!: PreviewStratum[];
  @Field(() => [PreviewExclusion], { description: "未列入候选的主体及原因 / left out, and why" }) excluded!: PreviewExclusion[];
  @Field(() => [PreviewDepartment], { description: "各参与部门 / per participating department" }) departments!: PreviewDepartment[];
  @Field(() => [PreviewProblem], { description: "冻结会被拒绝的原因（空即可冻结）/ refusals a freeze would give; empty: it can freeze" })
  problems!: PreviewProblem[];
}
