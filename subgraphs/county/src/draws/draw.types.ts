import { Field, Float, Int, ObjectType } from "type-graphql";
import { ChainCheckpointType, VerificationProblemType } from "../audit/checkpoint.types.js";

@ObjectType("PoolDigests", { description: "冻结名录的 SHA-256 摘要（摇号前公布）/ digests published at freeze time" })
export class PoolDigests {
  @Field(() => String, { description: "候选主体名录 / candidate pool" }) candidates!: string;
  @Field(() => String, { description: "执法人员名录 / inspector pool" }) inspectors!: string;
  @Field(() => String, { description: "专家名录 / expert pool" }) experts!: string;
  @Field(() => String, {
    nullable: true,
    description: "以分层承诺代替层级的候选名录 / candidate pool with stratum commitments (packages/draw-engine/FORMAT.md §9)",
  })
  committedCandidates?: string | null;
}

@ObjectType("StratumPoolCount", { description: "某层的候选数 / candidates in one stratum" })
export class StratumPoolCount {
  @Field(() => String) stratum!: string;
  @Field(() => Int) count!: number;
}

@ObjectType("PoolCounts", { description: "冻结名录的数量 / pool sizes at freeze time" })
export class PoolCounts {
  @Field(() => Int, { description: "候选主体 / candidates" }) candidates!: number;
  @Field(() => Int, { description: "执法人员 / inspectors" }) inspectors!: number;
  @Field(() => Int, { description: "专家 / experts" }) experts!: number;
  @Field(() => [StratumPoolCount], { description: "各层候选数 / per stratum" }) strata!: StratumPoolCount[];
}

@ObjectType("ExclusionCount", { description: "未列入候选的主体数及原因 / subjects left out, by reason" })
export class ExclusionCount {
  @Field(() => String, { description: "原因 / reason" }) reason!: string;
  @Field(() => Int) count!: number;
}

@ObjectType("StratumResult", { description: "某层的抽取结果 / result of one stratum" })
export class StratumResult {
  @Field(() => String) stratum!: string;
  @Field(() => Int, { description: "候选数 / pool size" }) poolSize!: number;
  @Field(() => Float, { nullable: true, description: "比例 / ratio" }) ratio!: number | null;
  @Field(() => Int, { description: "按比例应抽数（向上取整）/ ceil(poolSize × ratio)" }) ratioTarget!: number;
  @Field(() => Int, { description: "执行上限后的应抽数 / after the cap" }) target!: number;
  @Field(() => Int, { description: "实抽数 / drawn" }) drawn!: number;
}

@ObjectType("DrawVerification", {
  description: "由已存数据重算并与哈希链及签名检查点比对的结果 / everything recomputed from what is stored and compared with the chain",
})
export class DrawVerification {
  @Field(() => Boolean, { description: "全部一致 / nothing broke" }) ok!: boolean;
  @Field(() => [VerificationProblemType], { description: "发现的问题（逐项）/ every problem found, naming what broke" })
  problems!: VerificationProblemType[];
  @Field(() => ChainCheckpointType, { nullable: true, description: "最新的签名检查点 / the latest signed checkpoint" })
  checkpoint!: ChainCheckpointType | null;
  @Field(() => Boolean, { description: "哈希链完整且与签名检查点一致 / every hash holds and matches the signed checkpoints" })
  chainValid!: boolean;
  @Field(() => Int, { nullable: true, description: "首个断链位置 / first broken entry" }) brokenAt!: number | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "当前数据与记录的摘要一致（已抽取后）/ stored record and visits match the logged digest",
  })
  stateMatches!: boolean | null;
}

@ObjectType("DepartmentVisitCount", { description: "某部门单独实施需上门的户次 / visits one department would make alone" })
export class DepartmentVisitCount {
  @Field(() => String) department!: string;
  @Field(() => Int) visits!: number;
}

@ObjectType("DoorKnocks", { description: "联合检查减少的上门次数 / door-knocks saved by visiting jointly" })
export class DoorKnocksType {
  @Field(() => Int, { description: "实际上门户次 / visits made" }) visits!: number;
  @Field(() => [DepartmentVisitCount], { description: "各部门单独实施的户次 / per department alone" })
  byDepartment!: DepartmentVisitCount[];
  @Field(() => Int, { description: "减少的上门次数 / door-knocks saved" }) saved!: number;
}
