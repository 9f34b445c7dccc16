/**
 * The business categories of the demo city: how common each is, what its subjects are called and which
 * departments supervise them. Data, not logic: the generator (subjects.ts) reads it. Over 300 lines because it is one table; splitting it
 * by category would scatter what has to be read side by side (the departments' overlaps).
 */
import type { KeySector } from "@ssj/shared";
import type { DemoDepartmentCode } from "./departments.js";
import type { SupervisionType } from "./matters.js";

/** 91 企业 · 92 个体工商户 · 93 农民专业合作社 (registration authority 9 = market supervision). */
export type EntityKind = "enterprise" | "individual" | "cooperative";

export interface DeptRule<D extends DemoDepartmentCode> {
  /** probability that this department keeps a record of a subject of the category */
  p: number;
  /** supervision types always recorded */
  always: SupervisionType<D>[];
  /** supervision types recorded with a probability */
  optional?: [SupervisionType<D>, number][];
  /** key sectors this department marks (each with probability 0.8) */
  sectors?: KeySector[];
}

export interface CategoryDef {
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
