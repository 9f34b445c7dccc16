import { AppError, ErrorCode, normalizeIdentifier, requireText, validateRegion } from "@ssj/shared";

export function validateTags(values: string[] | null | undefined, field: string, label: string, required: boolean): string[] {
  const list = [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];
  if (required && !list.length) throw new AppError(ErrorCode.REQUIRED_FIELD, `${label}至少填写一项`, { field });
  if (list.some((v) => v.length > 50)) throw new AppError(ErrorCode.BAD_USER_INPUT, `${label}每项不超过 50 个字符`, { field });
  return list;
}

export function validatePhone(value: string | null | undefined): string | null {
  const v = (value ?? "").trim();
  if (!v) return null;
  if (!/^[0-9+\-() ]{5,32}$/.test(v)) throw new AppError(ErrorCode.BAD_USER_INPUT, `联系电话格式不正确：「${v}」`, { field: "phone" });
  return v;
}

/** Stored normalised (see `normalizeIdentifier`): uniqueness then holds for full-width and zero-width variants too. */
export function validateCertificateNo(value: string): string {
  const v = requireText(normalizeIdentifier(value ?? ""), "certificateNo", "执法证号", 64);
  if (/\s/.test(v)) throw new AppError(ErrorCode.BAD_USER_INPUT, "执法证号不能包含空格", { field: "certificateNo" });
  return v;
}

export interface PersonFields {
  name: string;
  region: string;
  expertise: string[];
  phone: string | null;
}

/** What inspectors and experts share: a name, a region, expertise tags and a phone. */
export function validatePerson(
  input: { name?: string | null; region?: string | null; expertise?: string[] | null; phone?: string | null },
  expertiseRequired: boolean,
): PersonFields {
  return {
    name: requireText(input.name, "name", "姓名", 50),
    region: validateRegion(input.region),
    expertise: validateTags(input.expertise, "expertise", "专业领域", expertiseRequired),
    phone: validatePhone(input.phone),
  };
}
