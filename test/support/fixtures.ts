import { usccCheckDigit } from "@ssj/shared";

/** A valid USCC for test subject `n` (91 = enterprise, 512021 = 安岳县). */
export function testUscc(n: number): string {
  const first17 = `91512021${String(n).padStart(8, "0")}X`.slice(0, 17);
  return first17 + usccCheckDigit(first17);
}

export function subjectInput(n: number, overrides: Record<string, unknown> = {}) {
  return {
    uscc: testUscc(n),
    name: `安岳县岳阳镇测试餐馆${n}号`,
    category: "餐饮服务",
    address: `安岳县岳阳镇兴安路${n}号`,
    legalRepresentative: "王建国",
    region: "512021100",
    supervisionTypes: ["食品经营"],
    riskClass: "B",
    ...overrides,
  };
}

export function matterInput(code: string, overrides: Record<string, unknown> = {}) {
  return {
    code,
    name: "食品经营许可事项检查",
    subItem: "食品贮存条件",
    legalBasis: "《中华人民共和国食品安全法》第八十七条",
    implementingBody: "资阳市市场监督管理局",
    objectType: "食品经营者",
    content: "检查食品贮存场所、设施和温度控制",
    matterClass: "KEY",
    defaultRatio: 0.05,
    yearlyFrequency: 1,
    qualifications: ["食品安全"],
    appliesTo: ["食品经营"],
    ...overrides,
  };
}

export function inspectorInput(n: number, overrides: Record<string, unknown> = {}) {
  return {
    name: `检查员${n}`,
    certificateNo: `川执字512000-${String(n).padStart(6, "0")}`,
    categories: ["食品安全"],
    region: "512021",
    expertise: ["餐饮"],
    ...overrides,
  };
}
