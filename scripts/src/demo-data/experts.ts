import type { ExpertInput } from "@ssj/shared";
import type { DemoDepartmentCode } from "./departments.js";
import { mobile, personName } from "./names.js";
import { Rng } from "./random.js";
import { CITY } from "./regions.js";

/** Organisations third-party experts come from (政府购买服务), by department. */
export const EXPERT_ORGANIZATIONS: Readonly<Record<DemoDepartmentCode, readonly (readonly [string, string])[]>> = {
  market: [
    ["资阳市食品药品检验检测中心", CITY.code],
    ["四川省特种设备检验研究院资阳分院", CITY.code],
    ["资阳市计量测试所", CITY.code],
    ["四川大学华西公共卫生学院", "510100"],
    ["四川省产品质量监督检验检测院", "510100"],
  ],
  ecology: [
    ["资阳市生态环境监测站", CITY.code],
    ["四川省生态环境科学研究院", "510100"],
    ["西南交通大学地球科学与环境工程学院", "510100"],
    ["四川省固体废物与化学品管理中心", "510100"],
  ],
  emergency: [
    ["四川省安全科学技术研究院", "510100"],
    ["资阳市安全生产协会", CITY.code],
    ["西南石油大学化学化工学院", "510100"],
    ["中国化学工程第七建设有限公司", "510100"],
  ],
  health: [
    ["资阳市疾病预防控制中心", CITY.code],
    ["资阳市第一人民医院", CITY.code],
    ["四川省疾病预防控制中心", "510100"],
    ["四川大学华西公共卫生学院", "510100"],
  ],
  agriculture: [
    ["资阳市农业科学研究院", CITY.code],
    ["资阳市畜牧站", CITY.code],
    ["四川农业大学", "510100"],
    ["四川省农产品质量安全中心", "510100"],
  ],
};

const EXPERTISE: Readonly<Record<DemoDepartmentCode, readonly string[]>> = {
  market: ["食品安全", "食品检验", "特种设备", "压力容器", "电梯", "计量", "药品", "医疗器械", "产品质量"],
  ecology: ["大气污染防治", "水污染防治", "危险废物", "环境监测", "土壤修复", "环境影响评价"],
  emergency: ["化工安全", "危险化学品", "粉尘防爆", "电气安全", "消防", "应急救援"],
  health: ["公共场所卫生", "职业卫生", "生活饮用水", "消毒", "传染病防治"],
  agriculture: ["农药残留", "兽药", "动物防疫", "种子", "土壤肥料", "农业机械"],
};

/** 5–10 third-party experts a department may invite to a visit. */
export function demoExperts(seed: string, dept: DemoDepartmentCode): ExpertInput[] {
  const rng = new Rng(`${seed}/experts/${dept}`);
  const count = rng.int(5, 10);
  const names = new Set<string>();
  const out: ExpertInput[] = [];
  for (let i = 0; i < count; i++) {
    let name = personName(rng);
    while (names.has(name)) name = personName(rng);
    names.add(name);
    const [organization, region] = rng.pick(EXPERT_ORGANIZATIONS[dept]);
    out.push({ name, organization, expertise: rng.sample(EXPERTISE[dept], rng.int(1, 3)), region, phone: mobile(rng) });
  }
  return out;
}
