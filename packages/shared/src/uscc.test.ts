import { describe, expect, it } from "vitest";
import { AppError } from "./errors.js";
import {
  USCC_CHARSET,
  USCC_WEIGHTS,
  explainUsccError,
  isValidUscc,
  normalizeUscc,
  usccAuthority,
  usccCheckDigit,
  validateUscc,
} from "./uscc.js";

/** Codes published on business-registration certificates / the national credit-information system. */
const PUBLIC_EXAMPLES = [
  "91350100M000100Y43", // the standard's example as widely quoted
  "91440300708461136T", // 深圳市腾讯计算机系统有限公司
  "914403001922038216", // 华为技术有限公司
  "91110108551385082Q", // 小米科技有限责任公司
];

/** Real-looking codes for 资阳市, computed with the check digit. */
const COMPUTED = ["91512002MA62A1234", "92512021MA6BY7K0L", "93512022MA64QR2W8", "12512000450718336", "52512002MJQ00811X"].map(
  (first17) => first17 + usccCheckDigit(first17),
);

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error("expected an error");
}

describe("USCC (GB 32100-2015)", () => {
  it("uses the weights 3^(i-1) mod 31 over the 31-character set", () => {
    expect(USCC_CHARSET).toHaveLength(31);
    expect(USCC_WEIGHTS).toEqual(Array.from({ length: 17 }, (_, i) => Number(3n ** BigInt(i) % 31n)));
    for (const c of "IOZSV") expect(USCC_CHARSET).not.toContain(c);
  });

  it("accepts well-known public codes", () => {
    for (const c of PUBLIC_EXAMPLES) {
      expect(isValidUscc(c), c).toBe(true);
      expect(explainUsccError(c)).toBeNull();
      expect(validateUscc(c)).toBe(c);
    }
  });

  it("computes the check digit", () => {
    expect(usccCheckDigit("91350100M000100Y4")).toBe("3");
    expect(usccCheckDigit("91440300708461136")).toBe("T");
    expect(usccCheckDigit("91110108551385082")).toBe("Q");
    for (const c of COMPUTED) {
      expect(c).toHaveLength(18);
      expect(isValidUscc(c), c).toBe(true);
    }
  });

  it("a check character of 0 (sum ≡ 0 mod 31) is handled", () => {
    // find a body whose weighted sum is a multiple of 31: vary the last character
    const base = "9151200200000000";
    const withZero = [...USCC_CHARSET].map((c) => base + c).find((b) => usccCheckDigit(b) === "0")!;
    expect(withZero).toBeDefined();
    expect(isValidUscc(withZero + "0")).toBe(true);
  });

  it("normalises lowercase, whitespace and full-width characters", () => {
    expect(validateUscc("  91350100m000100y43 ")).toBe("91350100M000100Y43");
    expect(validateUscc("９１３５０１００Ｍ０００１００Ｙ４３")).toBe("91350100M000100Y43");
    expect(isValidUscc("91440300708461136t")).toBe(true);
    expect(normalizeUscc(" 91110108551385082q\t")).toBe("91110108551385082Q");
  });

  it("rejects a wrong length", () => {
    expect(explainUsccError("91350100M000100Y4")).toBe("统一社会信用代码应为18位，实际为 17 位");
    expect(explainUsccError("91350100M000100Y433")).toContain("应为18位");
    const e = errorOf(() => validateUscc("9135"));
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe("INVALID_USCC");
    expect(e.message).toContain("应为18位");
    expect(e.extensions.field).toBe("uscc");
  });

  it("rejects illegal characters, naming the position", () => {
    for (const bad of ["I", "O", "Z", "S", "V", "-", "中"]) {
      const code = "91350100M000100" + bad + "43";
      const reason = explainUsccError(code);
      expect(reason, code).toContain("第 16 位含非法字符");
      expect(reason).toContain("不含 I、O、Z、S、V");
    }
    expect(errorOf(() => validateUscc("91350100M0001OOY43")).code).toBe("INVALID_USCC");
  });

  it("rejects a non-numeric division code", () => {
    const first17 = "91A50100M000100Y4";
    expect(explainUsccError(first17 + usccCheckDigit(first17))).toContain("第 3–8 位应为 6 位数字");
  });

  it("rejects a wrong check digit and names the right one", () => {
    expect(explainUsccError("91350100M000100Y44")).toBe("统一社会信用代码校验码错误，应为 3");
    expect(isValidUscc("91350100M000100Y44")).toBe(false);
    const e = errorOf(() => validateUscc("91440300708461136X"));
    expect(e.code).toBe("INVALID_USCC");
    expect(e.message).toBe("统一社会信用代码校验码错误，应为 T");
    // a single changed character is always caught
    for (let pos = 0; pos < 17; pos++) {
      const chars = [..."91350100M000100Y43"];
      chars[pos] = chars[pos] === "1" ? "2" : "1";
      expect(isValidUscc(chars.join("")), chars.join("")).toBe(false);
    }
    // so is a swap of two different adjacent characters
    const swapped = "91530100M000100Y43";
    expect(isValidUscc(swapped)).toBe(false);
  });

  it("rejects empty and non-string input", () => {
    expect(explainUsccError("")).toBe("统一社会信用代码不能为空");
    expect(explainUsccError("   ")).toBe("统一社会信用代码不能为空");
    expect(explainUsccError(undefined)).toBe("统一社会信用代码不能为空");
    expect(explainUsccError(913501001)).toBe("统一社会信用代码应为文本");
    expect(errorOf(() => validateUscc(null)).code).toBe("INVALID_USCC");
    expect(isValidUscc(undefined as unknown as string)).toBe(false);
  });

  it("usccCheckDigit refuses malformed input", () => {
    expect(() => usccCheckDigit("123")).toThrow(RangeError);
    expect(() => usccCheckDigit("91350100M00010OY4")).toThrow(RangeError);
  });

  it("describes the registration authority for display", () => {
    expect(usccAuthority("91350100M000100Y43")).toBe("市场监督管理（工商）");
    expect(usccAuthority("12512000450718336X")).toBe("机构编制");
    expect(usccAuthority("X1")).toBeNull();
  });
});
