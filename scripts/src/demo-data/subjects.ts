import { fmix32 } from "@ssj/draw-engine";
import { USCC_CHARSET, usccCheckDigit } from "@ssj/shared";
import type { KeySector, RiskClass, SubjectRecordInput } from "@ssj/shared";
import { DEPARTMENT_CODES, type DemoDepartmentCode } from "./departments.js";
import type { SupervisionType } from "./matters.js";
import { ownerNickname, personName, tradeName } from "./names.js";
import { Rng } from "./random.js";
import { CITY, DISTRICTS, ROADS, VILLAGES, type District, type Town } from "./regions.js";

/** 91 企业 · 92 个体工商户 · 93 农民专业合作社 (registration authority 9 = market supervision). */
export type EntityKind = "enterprise" | "individual" | "cooperative";

const TYPE_CODE: Record<EntityKind, string> = { enterprise: "91", individual: "92", cooperative: "93" };

interface DeptRule<D extends DemoDepartmentCode> {
  /** probability that this department keeps a record of a subject of the category */
  p: number;
  /** supervision types always recorded */
  always: SupervisionType<D>[];
  /** supervision types recorded with a probability */
  optional?: [SupervisionType<D>, number][];
  /** key sectors this department marks (each with probability 0.8) */
  sectors?: KeySector[];
}

interface CategoryDef {
  category: string;
  weight: number;
  kinds: [EntityKind, number][];
  /**
   * Name endings by entity kind. `{o}` = the owner's full name, `{t}` = the town. Individual shops are
   * prefixed by district, town and a nickname or trade name; enterprises by 资阳市/四川 and a trade name;
   * cooperatives by district, town and a trade name.
   */
  names: Partial<Record<EntityKind, string[]>>;
  /** share of subjects with a village (rather than street) address */
  rural: number;
  departments: { [D in DemoDepartmentCode]?: DeptRule<D> };
}

/**
 * Business categories: how common they are, what they are called and which departments supervise them
 * (so the directories of the five departments overlap the way they do in a real city).
 */
export const CATEGORIES: readonly CategoryDef[] = [
  {
    category: "餐饮服务",
    weight: 18,
    kinds: [
      ["individual", 75],
      ["enterprise", 25],
    ],
    rural: 0.25,
    names: {
      individual: [
        "火锅店",
        "面馆",
        "饭店",
        "小吃店",
        "串串香店",
        "烧烤店",
        "中餐馆",
        "豆花饭店",
        "羊肉汤馆",
        "冷锅鱼店",
        "包子铺",
        "蹄花汤馆",
      ],
      enterprise: ["餐饮管理有限公司", "餐饮有限公司", "火锅有限公司", "食府有限公司"],
    },
    departments: {
      market: {
        p: 1,
        always: ["餐饮服务"],
        optional: [
          ["广告发布", 0.1],
          ["计量器具使用", 0.05],
        ],
        sectors: ["FOOD_DRUG"],
      },
      health: { p: 0.5, always: ["公共场所"] },
      emergency: { p: 0.35, always: ["燃气使用场所"], sectors: ["SAFETY"] },
    },
  },
  {
    category: "食品销售",
    weight: 16,
    kinds: [
      ["individual", 80],
      ["enterprise", 20],
    ],
    rural: 0.3,
    names: {
      individual: ["便利店", "副食店", "超市", "粮油店", "调料经营部", "冻品经营部", "水果店", "烟酒店", "干杂店"],
      enterprise: ["商贸有限公司", "超市有限公司", "食品贸易有限公司"],
    },
    departments: {
      market: {
        p: 1,
        always: ["食品销售"],
        optional: [
          ["计量器具使用", 0.3],
          ["产品销售", 0.3],
          ["广告发布", 0.05],
        ],
        sectors: ["FOOD_DRUG"],
      },
      emergency: { p: 0.05, always: ["烟花爆竹经营"] },
    },
  },
  {
    category: "食品生产",
    weight: 3,
    kinds: [
      ["enterprise", 85],
      ["individual", 15],
    ],
    rural: 0.4,
    names: {
      enterprise: [
        "食品有限公司",
        "调味品有限公司",
        "酒业有限公司",
        "粮油有限公司",
        "肉制品有限公司",
        "柠檬制品有限公司",
        "豆制品有限公司",
      ],
      individual: ["豆腐坊", "挂面加工坊", "酿酒坊", "糕点坊"],
    },
    departments: {
      market: {
        p: 1,
        always: ["食品生产"],
        optional: [
          ["特种设备使用", 0.5],
          ["广告发布", 0.1],
        ],
        sectors: ["FOOD_DRUG"],
      },
      ecology: { p: 0.35, always: ["排污登记单位"], optional: [["重点排污单位", 0.15]] },
      emergency: { p: 0.35, always: ["工贸企业"] },
      health: { p: 0.15, always: ["职业病危害"] },
    },
  },
  {
    category: "住宿",
    weight: 5,
    kinds: [
      ["individual", 60],
      ["enterprise", 40],
    ],
    rural: 0.1,
    names: {
      individual: ["宾馆", "旅馆", "招待所", "客栈", "民宿"],
      enterprise: ["酒店有限公司", "酒店管理有限公司", "宾馆有限公司"],
    },
    departments: {
      market: {
        p: 0.98,
        always: [],
        optional: [
          ["特种设备使用", 0.4],
          ["餐饮服务", 0.2],
          ["广告发布", 0.1],
        ],
      },
      health: { p: 0.9, always: ["公共场所"], optional: [["生活饮用水", 0.2]] },
      emergency: { p: 0.15, always: ["燃气使用场所"] },
    },
  },
  {
    category: "美容美发",
    weight: 6,
    kinds: [
      ["individual", 85],
      ["enterprise", 15],
    ],
    rural: 0.1,
    names: {
      individual: ["理发店", "美发工作室", "美容院", "美甲店", "发艺"],
      enterprise: ["美容有限公司", "美业有限公司", "形象设计有限公司"],
    },
    departments: {
      market: {
        p: 0.97,
        always: [],
        optional: [
          ["化妆品经营", 0.4],
          ["广告发布", 0.1],
        ],
      },
      health: { p: 0.85, always: ["公共场所"] },
    },
  },
  {
    category: "洗浴服务",
    weight: 2,
    kinds: [
      ["individual", 60],
      ["enterprise", 40],
    ],
    rural: 0.1,
    names: { individual: ["浴室", "足浴店", "养生馆"], enterprise: ["休闲服务有限公司", "健康管理有限公司"] },
    departments: {
      market: { p: 0.95, always: [], optional: [["特种设备使用", 0.3]] },
      health: { p: 0.9, always: ["公共场所"], optional: [["生活饮用水", 0.3]] },
      emergency: { p: 0.3, always: ["燃气使用场所"] },
    },
  },
  {
    category: "机械制造",
    weight: 6,
    kinds: [
      ["enterprise", 90],
      ["individual", 10],
    ],
    rural: 0.2,
    names: {
      enterprise: ["机械制造有限公司", "机械有限公司", "汽车零部件有限公司", "机车配件有限公司", "五金制品有限公司", "精密机械有限公司"],
      individual: ["机械加工厂", "五金加工部"],
    },
    departments: {
      market: {
        p: 0.98,
        always: ["工业产品生产"],
        optional: [
          ["特种设备使用", 0.7],
          ["计量器具使用", 0.2],
        ],
      },
      emergency: { p: 0.75, always: ["工贸企业"], sectors: ["SAFETY"] },
      ecology: {
        p: 0.55,
        always: ["排污登记单位"],
        optional: [
          ["危险废物产生单位", 0.4],
          ["重点排污单位", 0.1],
          ["建设项目", 0.1],
        ],
        sectors: ["ENVIRONMENT"],
      },
      health: { p: 0.3, always: ["职业病危害"] },
    },
  },
  {
    category: "化工",
    weight: 2,
    kinds: [["enterprise", 100]],
    rural: 0.3,
    names: { enterprise: ["化工有限公司", "精细化工有限公司", "新材料科技有限公司", "涂料有限公司", "化学制品有限公司"] },
    departments: {
      market: { p: 0.98, always: ["工业产品生产"], optional: [["特种设备使用", 0.9]], sectors: ["SAFETY"] },
      emergency: { p: 0.95, always: ["危险化学品生产"], optional: [["工贸企业", 0.3]], sectors: ["SAFETY"] },
      ecology: {
        p: 0.95,
        always: ["重点排污单位", "危险废物产生单位"],
        optional: [
          ["土壤污染重点监管单位", 0.5],
          ["建设项目", 0.2],
        ],
        sectors: ["ENVIRONMENT"],
      },
      health: { p: 0.5, always: ["职业病危害"] },
    },
  },
  {
    category: "建材生产",
    weight: 3,
    kinds: [
      ["enterprise", 85],
      ["individual", 15],
    ],
    rural: 0.5,
    names: { enterprise: ["建材有限公司", "新型建材有限公司", "商品混凝土有限公司", "石材有限公司"], individual: ["页岩砖厂", "预制件厂"] },
    departments: {
      market: { p: 0.95, always: ["工业产品生产"], optional: [["特种设备使用", 0.6]] },
      ecology: {
        p: 0.75,
        always: ["排污登记单位"],
        optional: [
          ["重点排污单位", 0.2],
          ["建设项目", 0.15],
        ],
        sectors: ["ENVIRONMENT"],
      },
      emergency: { p: 0.6, always: ["工贸企业"], sectors: ["SAFETY"] },
      health: { p: 0.25, always: ["职业病危害"] },
    },
  },
  {
    category: "机动车维修",
    weight: 4,
    kinds: [
      ["individual", 70],
      ["enterprise", 30],
    ],
    rural: 0.25,
    names: { individual: ["汽车修理厂", "汽修店", "摩托车维修部", "轮胎店"], enterprise: ["汽车服务有限公司", "汽车维修有限公司"] },
    departments: {
      market: {
        p: 0.98,
        always: [],
        optional: [
          ["特种设备使用", 0.1],
          ["产品销售", 0.3],
        ],
      },
      ecology: { p: 0.4, always: ["危险废物产生单位"] },
      emergency: { p: 0.25, always: ["工贸企业"] },
    },
  },
  {
    category: "成品油零售",
    weight: 1,
    kinds: [["enterprise", 100]],
    rural: 0.5,
    names: { enterprise: ["石油销售有限公司{t}加油站", "能源有限公司{t}加油站"] },
    departments: {
      market: { p: 1, always: ["计量器具使用", "产品销售"], optional: [["特种设备使用", 0.3]] },
      emergency: { p: 0.95, always: ["危险化学品经营"], sectors: ["SAFETY"] },
      ecology: { p: 0.6, always: ["排污登记单位"], sectors: ["ENVIRONMENT"] },
    },
  },
  {
    category: "药品零售",
    weight: 4,
    kinds: [
      ["enterprise", 80],
      ["individual", 20],
    ],
    rural: 0.2,
    names: { enterprise: ["大药房有限公司", "药房连锁有限公司", "医药有限公司"], individual: ["药店", "大药房"] },
    departments: {
      market: {
        p: 1,
        always: ["药品零售"],
        optional: [
          ["医疗器械经营", 0.6],
          ["化妆品经营", 0.2],
          ["广告发布", 0.1],
        ],
        sectors: ["FOOD_DRUG"],
      },
    },
  },
  {
    category: "日用品零售",
    weight: 10,
    kinds: [
      ["individual", 85],
      ["enterprise", 15],
    ],
    rural: 0.35,
    names: {
      individual: ["百货店", "小卖部", "五金店", "日杂店", "电器行", "服装店", "文具店", "家具店"],
      enterprise: ["商贸有限公司", "百货有限公司"],
    },
    departments: {
      market: {
        p: 0.99,
        always: ["产品销售"],
        optional: [
          ["计量器具使用", 0.1],
          ["广告发布", 0.05],
        ],
      },
      emergency: { p: 0.08, always: ["烟花爆竹经营"] },
    },
  },
  {
    category: "养殖",
    weight: 8,
    kinds: [
      ["cooperative", 40],
      ["individual", 40],
      ["enterprise", 20],
    ],
    rural: 0.95,
    names: {
      cooperative: [
        "生猪养殖专业合作社",
        "家禽养殖专业合作社",
        "水产养殖专业合作社",
        "兔业专业合作社",
        "肉牛养殖专业合作社",
        "山羊养殖专业合作社",
      ],
      individual: ["{o}养殖场", "养猪场", "养鸡场", "渔场"],
      enterprise: ["牧业有限公司", "农牧科技有限公司", "生态养殖有限公司"],
    },
    departments: {
      market: { p: 0.7, always: [] },
      agriculture: { p: 0.95, always: ["畜禽养殖"], optional: [["农产品生产", 0.2]], sectors: ["FOOD_DRUG"] },
      ecology: { p: 0.45, always: ["畜禽规模养殖场"], sectors: ["ENVIRONMENT"] },
    },
  },
  {
    category: "种植",
    weight: 7,
    kinds: [
      ["cooperative", 45],
      ["individual", 40],
      ["enterprise", 15],
    ],
    rural: 0.95,
    names: {
      cooperative: [
        "柠檬种植专业合作社",
        "蔬菜种植专业合作社",
        "水果种植专业合作社",
        "中药材种植专业合作社",
        "粮油种植专业合作社",
        "花椒种植专业合作社",
      ],
      individual: ["{o}家庭农场"],
      enterprise: ["农业开发有限公司", "农业科技有限公司", "柠檬产业有限公司"],
    },
    departments: {
      market: { p: 0.6, always: [] },
      agriculture: { p: 0.95, always: ["农产品生产"], optional: [["农业机械使用", 0.3]], sectors: ["FOOD_DRUG"] },
    },
  },
  {
    category: "农资经营",
    weight: 4,
    kinds: [
      ["individual", 70],
      ["enterprise", 30],
    ],
    rural: 0.6,
    names: { individual: ["农资经营部", "农资店", "种子门市", "兽药店"], enterprise: ["农资有限公司", "农业生产资料有限公司"] },
    departments: {
      market: { p: 0.98, always: ["产品销售"] },
      agriculture: {
        p: 0.95,
        always: [],
        optional: [
          ["农药经营", 0.7],
          ["种子经营", 0.5],
          ["肥料经营", 0.6],
          ["兽药经营", 0.25],
          ["饲料经营", 0.3],
        ],
      },
    },
  },
  {
    category: "商务服务",
    weight: 8,
    kinds: [["enterprise", 100]],
    rural: 0.05,
    names: {
      enterprise: [
        "信息技术有限公司",
        "企业管理咨询有限公司",
        "广告有限公司",
        "文化传媒有限公司",
        "建筑劳务有限公司",
        "物业管理有限公司",
        "电子商务有限公司",
      ],
    },
    departments: {
      market: { p: 1, always: [], optional: [["广告发布", 0.2]] },
      health: { p: 0.03, always: ["生活饮用水"] },
    },
  },
];

const RISK: [RiskClass, number][] = [
  ["A", 40],
  ["B", 35],
  ["C", 18],
  ["D", 7],
];
const RISK_ORDER: RiskClass[] = ["A", "B", "C", "D"];
const atLeast = (r: RiskClass, min: RiskClass): RiskClass => (RISK_ORDER.indexOf(r) < RISK_ORDER.indexOf(min) ? min : r);

/** 31^6: how many distinct subject identifiers the generator can make. */
export const MAX_DEMO_SUBJECTS = 31 ** 6;

const GB11714_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
/** The check character of an 8-character organisation code body (GB 11714): 0-9 or X. */
export function orgCodeCheck(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8.charCodeAt(i);
    const v = c >= 48 && c <= 57 ? c - 48 : c - 55; // A = 10 … Z = 35
    sum += v * GB11714_WEIGHTS[i]!;
  }
  const r = 11 - (sum % 11);
  return r === 11 ? "0" : r === 10 ? "X" : String(r);
}

/**
 * The USCC of subject number `index`: 9 + type + district code + "MA" + 6 scrambled characters + the
 * GB 11714 check + the GB 32100 check. Distinct indexes give distinct codes: the scramble is a keyed
 * Feistel permutation of 0 … 31^6 − 1 (two halves of 31^3), so codes look random yet never collide.
 */
export function demoUscc(seed: string, index: number, kind: EntityKind, districtCode: string): string {
  let x = permute(index, feistelKeys(seed));
  let body = "";
  for (let i = 0; i < 6; i++) {
    body = USCC_CHARSET[x % 31]! + body;
    x = Math.floor(x / 31);
  }
  const org = "MA" + body;
  const first17 = TYPE_CODE[kind] + districtCode + org + orgCodeCheck(org);
  return first17 + usccCheckDigit(first17);
}

const HALF = 31 ** 3;

function permute(x: number, keys: readonly number[]): number {
  let l = Math.floor(x / HALF);
  let r = x % HALF;
  for (const k of keys) {
    const next = (l + (fmix32(r ^ k) % HALF)) % HALF;
    l = r;
    r = next;
  }
  return l * HALF + r;
}

const keyCache = new Map<string, number[]>();
function feistelKeys(seed: string): number[] {
  let keys = keyCache.get(seed);
  if (!keys) {
    const rng = new Rng(`${seed}/uscc`);
    keys = [rng.uint32(), rng.uint32(), rng.uint32(), rng.uint32()];
    keyCache.set(seed, keys);
  }
  return keys;
}

export interface DemoSubject {
  index: number;
  uscc: string;
  name: string;
  category: string;
  kind: EntityKind;
  /** the record each supervising department keeps (1–4 departments) */
  departments: Partial<Record<DemoDepartmentCode, SubjectRecordInput>>;
}

export interface DemoSubjectOptions {
  seed: string;
  count: number;
}

const CATEGORY_WEIGHTS = CATEGORIES.map((c) => [c, c.weight] as const);
const DISTRICT_WEIGHTS = DISTRICTS.map((d) => [d, d.weight] as const);

function fill(template: string, owner: string, town: Town): string {
  return template.replace("{o}", owner).replace("{t}", town.name);
}

function subjectName(rng: Rng, def: CategoryDef, kind: EntityKind, district: District, town: Town, owner: string): string {
  const ending = rng.pick(def.names[kind] ?? def.names.enterprise ?? ["有限公司"]);
  const districtLabel = district.name === "高新区" ? "资阳高新区" : district.name;
  if (kind === "individual") {
    const shop = fill(ending, owner, town);
    if (ending.includes("{o}")) return `${districtLabel}${town.name}${shop}`;
    const who = rng.chance(0.6) ? ownerNickname(rng, owner) : tradeName(rng);
    return `${districtLabel}${town.name}${who}${shop}`;
  }
  if (kind === "cooperative") return `${districtLabel}${town.name}${tradeName(rng)}${fill(ending, owner, town)}`;
  const prefix = rng.weighted([
    [CITY.name, 4],
    [district.name === "高新区" ? CITY.name : `${CITY.name}${district.name}`, 3],
    [district.name === "高新区" ? "资阳高新区" : district.name, 2],
    ["四川", 1],
  ] as const);
  return `${prefix}${tradeName(rng)}${fill(ending, owner, town)}`;
}

function subjectAddress(rng: Rng, def: CategoryDef, district: District, town: Town): string {
  const base = `${CITY.province}${CITY.name}${district.name}${town.name}`;
  if (!town.urban && rng.chance(def.rural)) return `${base}${rng.pick(VILLAGES)}村${rng.int(1, 12)}组`;
  const no = rng.int(1, 300);
  return rng.chance(0.2) ? `${base}${rng.pick(ROADS)}${no}号附${rng.int(1, 9)}号` : `${base}${rng.pick(ROADS)}${no}号`;
}

function departmentTypes<D extends DemoDepartmentCode>(rng: Rng, rule: DeptRule<D>): string[] {
  const types: string[] = [...rule.always];
  for (const [t, p] of rule.optional ?? []) if (rng.chance(p) && !types.includes(t)) types.push(t);
  if (types.length === 0 && rule.optional?.length) types.push(rng.pick(rule.optional)[0]);
  return types;
}

/** Subject number `index` of the universe for `seed` (pure: the same arguments give the same subject). */
export function demoSubject(seed: string, index: number): DemoSubject {
  const rng = new Rng(`${seed}/subject/${index}`);
  const def = rng.weighted(CATEGORY_WEIGHTS);
  const kind = rng.weighted(def.kinds);
  const district = rng.weighted(DISTRICT_WEIGHTS);
  const town = rng.pick(district.towns);
  const owner = personName(rng);
  const name = subjectName(rng, def, kind, district, town, owner);
  const address = subjectAddress(rng, def, district, town);
  const uscc = demoUscc(seed, index, kind, district.code);

  // Facts shared by every department's record: public credit lists and a baseline risk.
  const seriousViolation = rng.chance(0.005);
  const dishonest = seriousViolation || rng.chance(0.015);
  const abnormalList = rng.chance(0.04);
  const baseRisk = rng.weighted(RISK);

  const departments: Partial<Record<DemoDepartmentCode, SubjectRecordInput>> = {};
  const chosen = DEPARTMENT_CODES.filter((d) => {
    const rule = def.departments[d];
    return rule !== undefined && rng.chance(rule.p);
  });
  if (chosen.length === 0) chosen.push(def.departments.market ? "market" : DEPARTMENT_CODES.find((d) => def.departments[d])!);

  for (const d of chosen) {
    const rule = def.departments[d] as DeptRule<DemoDepartmentCode>;
    let supervisionTypes = departmentTypes(rng, rule);
    if (d === "market") supervisionTypes = [kind === "individual" ? "个体工商户年报" : "企业公示信息", ...supervisionTypes];
    let riskClass = rng.chance(0.6) ? baseRisk : rng.weighted(RISK);
    if (seriousViolation) riskClass = "D";
    else if (dishonest) riskClass = atLeast(riskClass, "C");
    else if (abnormalList && rng.chance(0.5)) riskClass = atLeast(riskClass, "B");
    // A key-sector designation (重点领域) marks a subject for a higher ratio: a minority of the trade, not all of it.
    const keySectors = (rule.sectors ?? []).filter(() => rng.chance(0.08));
    departments[d] = {
      uscc,
      name,
      category: def.category,
      address,
      legalRepresentative: owner,
      region: town.code,
      supervisionTypes,
      riskClass,
      abnormalList,
      dishonest,
      seriousViolation,
      keySectors,
    };
  }
  return { index, uscc, name, category: def.category, kind, departments };
}

/**
 * The universe of demo market subjects, generated one at a time (a generator: 1,000,000 subjects take
 * constant memory). Subject i depends only on (seed, i).
 */
export function* demoSubjects(opts: DemoSubjectOptions): Generator<DemoSubject, void, undefined> {
  if (!Number.isInteger(opts.count) || opts.count < 0 || opts.count > MAX_DEMO_SUBJECTS) {
    throw new RangeError(`subject count must be an integer in [0, ${MAX_DEMO_SUBJECTS}]`);
  }
  for (let i = 0; i < opts.count; i++) yield demoSubject(opts.seed, i);
}

/** One department's directory: the records of the subjects of the universe it supervises, in order. */
export function* departmentSubjects(dept: DemoDepartmentCode, opts: DemoSubjectOptions): Generator<SubjectRecordInput, void, undefined> {
  for (const s of demoSubjects(opts)) {
    const r = s.departments[dept];
    if (r) yield r;
  }
}
