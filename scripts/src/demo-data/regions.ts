/**
 * 资阳市 and its county-level divisions with some of their towns. County codes are the real ones
 * (高新区's is illustrative); town codes follow the usual pattern (街道 001–099, 镇 100–199) but are
 * illustrative and kept stable here — do not change them, demo data and tests depend on them.
 */

export interface Town {
  /** 9 digits */
  code: string;
  name: string;
  /** urban towns get street addresses, rural ones village-and-group addresses too */
  urban: boolean;
}

export interface District {
  /** 6 digits */
  code: string;
  name: string;
  /** share of the subjects registered here */
  weight: number;
  towns: Town[];
}

export const CITY = { code: "512000", name: "资阳市", province: "四川省" } as const;

const town = (code: string, name: string, urban = false): Town => ({ code, name, urban });

export const DISTRICTS: readonly District[] = [
  {
    code: "512002",
    name: "雁江区",
    weight: 35,
    towns: [
      town("512002001", "莲花街道", true),
      town("512002002", "三贤祠街道", true),
      town("512002003", "狮子山街道", true),
      town("512002100", "临江镇"),
      town("512002101", "伍隍镇"),
      town("512002102", "石岭镇"),
      town("512002103", "东峰镇"),
      town("512002104", "南津镇"),
      town("512002105", "中和镇"),
    ],
  },
  {
    code: "512021",
    name: "安岳县",
    weight: 30,
    towns: [
      town("512021100", "岳阳镇", true),
      town("512021101", "石羊镇"),
      town("512021102", "龙台镇"),
      town("512021103", "周礼镇"),
      town("512021104", "兴隆镇"),
      town("512021105", "天林镇"),
      town("512021106", "通贤镇"),
      town("512021107", "卧佛镇"),
      town("512021108", "镇子镇"),
    ],
  },
  {
    code: "512022",
    name: "乐至县",
    weight: 20,
    towns: [
      town("512022001", "天池街道", true),
      town("512022002", "南塔街道", true),
      town("512022100", "童家镇"),
      town("512022101", "回澜镇"),
      town("512022102", "宝林镇"),
      town("512022103", "劳动镇"),
      town("512022104", "大佛镇"),
      town("512022105", "中天镇"),
    ],
  },
  {
    code: "512071",
    name: "高新区",
    weight: 15,
    towns: [town("512071001", "城东街道", true), town("512071100", "松涛镇"), town("512071101", "迎接镇"), town("512071102", "保和镇")],
  },
];

export function districtOf(code: string): District | undefined {
  return DISTRICTS.find((d) => code.startsWith(d.code));
}

export const ROADS = [
  "建设路",
  "人民路",
  "中山路",
  "和平街",
  "兴隆街",
  "解放路",
  "新华街",
  "滨江路",
  "南街",
  "北街",
  "东街",
  "西街",
  "正街",
  "文化路",
  "迎宾大道",
  "沱江路",
  "柠檬大道",
  "车城大道",
  "工业园路",
  "农贸街",
] as const;

export const VILLAGES = [
  "新桥",
  "白果",
  "双河",
  "高桥",
  "青龙",
  "石桥",
  "桂花",
  "团结",
  "红岩",
  "大田",
  "黄桷",
  "五星",
  "长寿",
  "金鸡",
  "柏林",
  "龙井",
  "响水",
  "花果",
  "三合",
  "永兴",
] as const;
