import { registerEnumType } from "type-graphql";

/** 信用风险分类: A low … D high, kept per department. */
export enum RiskClassEnum {
  A = "A",
  B = "B",
  C = "C",
  D = "D",
}
registerEnumType(RiskClassEnum, {
  name: "RiskClass",
  description: "信用风险分类 / credit risk class",
  valuesConfig: {
    A: { description: "A 类（低风险）/ low" },
    B: { description: "B 类（一般风险）/ moderate" },
    C: { description: "C 类（较高风险）/ elevated" },
    D: { description: "D 类（高风险）/ high" },
  },
});

export enum KeySectorEnum {
  ENVIRONMENT = "ENVIRONMENT",
  FOOD_DRUG = "FOOD_DRUG",
  SAFETY = "SAFETY",
}
registerEnumType(KeySectorEnum, {
  name: "KeySector",
  description: "重点领域 / key sector",
  valuesConfig: {
    ENVIRONMENT: { description: "环境保护 / environmental protection" },
    FOOD_DRUG: { description: "食品药品 / food and drugs" },
    SAFETY: { description: "安全生产 / work safety" },
  },
});

export enum RecordChangeAction {
  CREATED = "CREATED",
  UPDATED = "UPDATED",
  REMOVED = "REMOVED",
  RESTORED = "RESTORED",
  IMPORTED = "IMPORTED",
  RISK_CLASS = "RISK_CLASS",
  FLAGS_IMPORTED = "FLAGS_IMPORTED",
}
registerEnumType(RecordChangeAction, {
  name: "RecordChangeAction",
  description: "名录变更类型：新增、修改、移除、恢复、批量导入、采纳风险分类建议、导入信用标记 / kind of directory change",
});
