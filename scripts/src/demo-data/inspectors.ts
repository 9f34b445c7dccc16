import type { InspectorInput } from "@ssj/shared";
import { DEPARTMENT_CODES, type DemoDepartmentCode } from "./departments.js";
import { QUALIFICATIONS } from "./matters.js";
import { mobile, personName } from "./names.js";
import { Rng } from "./random.js";
import { CITY, DISTRICTS } from "./regions.js";

/** Expertise tags inspectors of each department may carry. */
export const INSPECTOR_EXPERTISE: Readonly<Record<DemoDepartmentCode, readonly string[]>> = {
  market: [
    "食品检验",
    "餐饮服务",
    "特种设备检验",
    "电梯",
    "压力容器",
    "药学",
    "医疗器械",
    "计量检定",
    "广告审查",
    "财务会计",
    "法律",
    "信息化",
  ],
  ecology: ["大气污染防治", "水污染防治", "固体废物", "环境监测", "环境影响评价", "土壤污染防治", "自动监控", "法律"],
  emergency: ["化工工艺", "危险化学品储运", "机械安全", "电气安全", "粉尘防爆", "有限空间", "应急救援", "法律"],
  health: ["公共场所卫生", "生活饮用水", "职业卫生", "传染病防治", "消毒", "卫生检测", "法律"],
  agriculture: ["农药", "种子", "兽医", "动物防疫", "饲料", "农产品检测", "农业机械", "法律"],
};

/** Region of an inspector's post: the city bureau or one of the district branches. */
const POSTS: [string, number][] = [[CITY.code, 40], ...DISTRICTS.map((d): [string, number] => [d.code, 15])];

/**
 * The 执法检查人员名录库 of one demo department: 40–70 inspectors whose enforcement categories together
 * cover every qualification the department's matters require. Certificate numbers are unique across all
 * demo departments (department number + issue year + sequence).
 */
export function demoInspectors(seed: string, dept: DemoDepartmentCode): InspectorInput[] {
  const rng = new Rng(`${seed}/inspectors/${dept}`);
  const deptNo = DEPARTMENT_CODES.indexOf(dept) + 1;
  const quals = QUALIFICATIONS[dept] as readonly string[];
  const count = rng.int(40, 70);
  const names = new Set<string>();
  const out: InspectorInput[] = [];
  for (let i = 0; i < count; i++) {
    let name = personName(rng);
    while (names.has(name)) name = personName(rng);
    names.add(name);
    // Round-robin primary category guarantees coverage; others are added at random.
    const categories = [quals[i % quals.length]!];
    for (const q of rng.sample(
      quals,
      rng.weighted([
        [0, 5],
        [1, 4],
        [2, 1],
      ] as const),
    ))
      if (!categories.includes(q)) categories.push(q);
    const region = rng.weighted(POSTS);
    const issueYear = rng.int(2015, 2026);
    out.push({
      name,
      certificateNo: `川执字${region}-${deptNo}${issueYear}${String(i + 1).padStart(4, "0")}`,
      categories,
      region,
      expertise: rng.sample(INSPECTOR_EXPERTISE[dept], rng.int(1, 3)),
      phone: mobile(rng),
    });
  }
  return out;
}
