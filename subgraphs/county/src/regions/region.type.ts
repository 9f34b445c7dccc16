import { connectionType } from "@ssj/shared";
import { Field, ObjectType, registerEnumType } from "type-graphql";

export enum RegionLevelEnum {
  PROVINCE = "PROVINCE",
  CITY = "CITY",
  COUNTY = "COUNTY",
  TOWN = "TOWN",
  VILLAGE = "VILLAGE",
}
registerEnumType(RegionLevelEnum, {
  name: "RegionLevel",
  description: "行政区划层级 / level of an administrative division",
  valuesConfig: {
    PROVINCE: { description: "省级 / province" },
    CITY: { description: "市级 / city" },
    COUNTY: { description: "县级（县、区）/ county or district" },
    TOWN: { description: "乡级（乡、镇、街道）/ township, town or street" },
    VILLAGE: { description: "村级（村、社区）/ village or community" },
  },
});

@ObjectType("Region", { description: "行政区划（代码与名称，由部署配置）/ an administrative division, from the deployment's table" })
export class Region {
  @Field(() => String, { description: "行政区划代码（6、9 或 12 位）/ code" })
  code!: string;

  @Field(() => String, { description: "名称，如“岳阳镇” / name" })
  name!: string;

  @Field(() => String, { description: "全称，如“资阳市安岳县岳阳镇” / name with the enclosing divisions the table knows" })
  fullName!: string;

  @Field(() => RegionLevelEnum, { description: "层级 / level" })
  level!: RegionLevelEnum;

  @Field(() => String, { nullable: true, description: "上级区划代码 / enclosing division's code" })
  parentCode!: string | null;
}

export const RegionConnection = connectionType(Region, "Region", "行政区划");
