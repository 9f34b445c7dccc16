import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("ChainCheckpoint", {
  description:
    "哈希链链头的签名检查点（Ed25519，密钥不在数据库中）；持有早先检查点的任何人都能发现链被截断或改写 / a signed checkpoint of a chain head; see docs/draw-record.md",
})
export class ChainCheckpointType {
  @Field(() => String, { description: "链，如 draw:12 / the chain" }) chain!: string;
  @Field(() => Int, { description: "链头序号 / head seq" }) seq!: number;
  @Field(() => String, { description: "链头哈希 / head hash" }) hash!: string;
  @Field(() => String, { description: "签署时间（ISO 8601，按原文签名）/ time, as signed" }) at!: string;
  @Field(() => String, { description: "签名密钥标识 / key id" }) kid!: string;
  @Field(() => String, { description: "Ed25519 签名（base64url）/ signature" }) signature!: string;
}

@ObjectType("CheckpointKey", { description: "检查点签名公钥 / a public key that signs checkpoints" })
export class CheckpointKeyType {
  @Field(() => String, { description: "密钥标识：公钥 SHA-256 的前 16 位十六进制 / key id" }) kid!: string;
  @Field(() => String, { description: "算法 / algorithm" }) alg!: string;
  @Field(() => String, { description: "Ed25519 公钥原文（32 字节，base64url，即 JWK 的 x）/ raw public key" }) x!: string;
}

@ObjectType("VerificationProblem", { description: "校验发现的问题 / one problem verification found" })
export class VerificationProblemType {
  @Field(() => String, {
    description: "检查项：CHAIN、CHECKPOINT、POOL、DIGESTS、PLAN、RULES、CEREMONY、SEED、RECORD、VISITS / what broke",
  })
  check!: string;
  @Field(() => String, { description: "说明（中文 / English）/ what differs" }) message!: string;
}
