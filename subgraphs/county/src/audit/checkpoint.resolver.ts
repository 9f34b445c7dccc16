import { Ctx, Query, Resolver } from "type-graphql";
import type { CountyContext } from "../context.js";
import { checkpointKeys } from "./checkpoints.js";
import { CheckpointKeyType } from "./checkpoint.types.js";

@Resolver()
export class CheckpointKeyResolver {
  @Query(() => [CheckpointKeyType], {
    description: "检查点签名公钥（当前密钥在前，其后为轮换前仍受信的密钥）/ public keys that sign checkpoints, current first",
  })
  checkpointKeys(@Ctx() ctx: CountyContext): CheckpointKeyType[] {
    return checkpointKeys(ctx.em).trusted;
  }
}
