import { keysetPage, PageArgs } from "@ssj/shared";
import { Arg, Args, Query, Resolver } from "type-graphql";
import type { RegionEntry } from "./region-table.js";
import { regionTable } from "./region.source.js";
import { Region, RegionConnection, RegionLevelEnum } from "./region.type.js";

function toRegion(e: RegionEntry): Region {
  return {
    code: e.code,
    name: e.name,
    fullName: regionTable().fullName(e.code),
    level: e.level as RegionLevelEnum,
    parentCode: e.parentCode,
  };
}

/** Region codes with names, public: the directory, plans and visits carry codes; this is where people read them. */
@Resolver(() => Region)
export class RegionResolver {
  @Query(() => RegionConnection, {
    description: "行政区划代码与名称（部署配置的区划表；可按上级或代码筛选）/ region codes with names, from the deployment's table",
  })
  regions(
    @Arg("parent", () => String, { nullable: true, description: "只列出该区划的直接下级 / only the direct subdivisions of this code" })
    parent: string | null,
    @Arg("codes", () => [String], { nullable: true, description: "只列出这些代码 / only these codes" }) codes: string[] | null,
    @Args() page: PageArgs,
  ) {
    const table = regionTable();
    // position in the table (1-based) is the keyset key: the table is ordered and does not change while served
    const positions = new Map(table.entries.map((e, i) => [e.code, i + 1]));
    const selected = table.select(parent, codes);
    return keysetPage<Region>(
      page,
      (r) => positions.get(r.code)!,
      async (afterKey, limit) =>
        selected
          .filter((e) => afterKey === null || positions.get(e.code)! > afterKey)
          .slice(0, limit)
          .map(toRegion),
      async () => selected.length,
    );
  }

  @Query(() => Region, { nullable: true, description: "按代码查询行政区划 / one region by code" })
  region(@Arg("code", () => String) code: string): Region | null {
    const e = regionTable().get(code);
    return e ? toRegion(e) : null;
  }
}
