import type { Rng } from "./random.js";

/** Common surnames, weighted roughly by their frequency in Sichuan. */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ["王", 80],
  ["李", 80],
  ["张", 70],
  ["刘", 60],
  ["陈", 55],
  ["杨", 45],
  ["黄", 30],
  ["赵", 25],
  ["周", 25],
  ["吴", 22],
  ["徐", 18],
  ["孙", 14],
  ["胡", 16],
  ["朱", 14],
  ["高", 12],
  ["林", 8],
  ["何", 16],
  ["郭", 10],
  ["罗", 18],
  ["唐", 14],
  ["邓", 12],
  ["曾", 10],
  ["谢", 10],
  ["冯", 8],
  ["蒋", 10],
  ["彭", 8],
  ["廖", 8],
  ["钟", 6],
  ["袁", 8],
  ["雷", 6],
  ["付", 6],
  ["蒲", 4],
  ["税", 2],
  ["敬", 2],
  ["代", 4],
  ["邹", 6],
  ["夏", 4],
  ["汪", 4],
  ["余", 8],
  ["田", 6],
];

const GIVEN = [
  "建",
  "国",
  "明",
  "华",
  "军",
  "平",
  "伟",
  "芳",
  "秀",
  "英",
  "兰",
  "勇",
  "强",
  "林",
  "刚",
  "德",
  "文",
  "海",
  "红",
  "玉",
  "志",
  "春",
  "燕",
  "霞",
  "敏",
  "静",
  "丽",
  "涛",
  "斌",
  "波",
  "杰",
  "俊",
  "洪",
  "成",
  "荣",
  "富",
  "贵",
  "祥",
  "福",
  "琼",
  "蓉",
  "蓓",
  "娟",
  "梅",
  "桂",
  "淑",
  "世",
  "永",
  "正",
  "光",
  "天",
  "家",
  "学",
  "开",
  "先",
  "昌",
  "中",
  "兴",
  "玲",
  "婷",
  "宇",
  "浩",
  "鑫",
  "磊",
] as const;

export function surname(rng: Rng): string {
  return rng.weighted(SURNAMES);
}

/** A Chinese personal name: surname plus one or two characters. */
export function personName(rng: Rng): string {
  const s = surname(rng);
  const n = rng.chance(0.7) ? 2 : 1;
  let g = rng.pick(GIVEN);
  if (n === 2) {
    let h = rng.pick(GIVEN);
    if (h === g) h = rng.pick(GIVEN);
    g += h;
  }
  return s + g;
}

/** 字号: the distinctive part of a business name. */
export const TRADE_NAMES = [
  "恒达",
  "鑫源",
  "华兴",
  "顺发",
  "宏运",
  "金牛",
  "兴旺",
  "福满",
  "聚源",
  "永安",
  "蜀香",
  "川味",
  "安泰",
  "德隆",
  "天府",
  "锦程",
  "佳和",
  "瑞丰",
  "昌盛",
  "隆鑫",
  "富民",
  "广源",
  "新丰",
  "益康",
  "康达",
  "万和",
  "金柠",
  "沱江",
  "岳城",
  "车城",
  "鸿福",
  "嘉禾",
  "众诚",
  "汇通",
  "长虹",
  "惠民",
  "诚信",
  "同心",
  "红星",
  "凤鸣",
  "龙腾",
  "金穗",
  "绿源",
  "青禾",
  "丰泽",
  "百顺",
  "盛世",
  "联发",
] as const;

export function tradeName(rng: Rng): string {
  return rng.pick(TRADE_NAMES);
}

/** How a small shop is usually called after its owner: 老王、张记、刘姐、小李 … */
export function ownerNickname(rng: Rng, ownerName: string): string {
  const s = ownerName.charAt(0);
  return rng.weighted([
    [`老${s}`, 4],
    [`${s}记`, 3],
    [`${s}姐`, 1],
    [`小${s}`, 1],
    [`${s}氏`, 1],
  ] as const);
}

/** A mobile phone number (11 digits). */
export function mobile(rng: Rng): string {
  return "1" + rng.pick(["33", "35", "38", "39", "50", "58", "77", "80", "81", "87", "89", "99"]) + rng.digits(8);
}
