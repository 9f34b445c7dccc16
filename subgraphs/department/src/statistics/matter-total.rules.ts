import { AppError, ErrorCode } from "@ssj/shared";

/**
 * The declared total of enforcement inspection matters must be a whole number and at least the matters the
 * department already published for random inspection: those are part of its enforcement matters, so a smaller
 * total would make the share exceed 100 %.
 */
export function requireMatterTotal(total: number, published: number): number {
  if (!Number.isInteger(total) || total < 1)
    throw new AppError(ErrorCode.INVALID_MATTER_TOTAL, "检查事项总数须为正整数", { field: "total", value: total });
  if (total < published)
    throw new AppError(ErrorCode.MATTER_TOTAL_BELOW_PUBLISHED, `检查事项总数（${total}）不能少于已公布的随机抽查事项数（${published}）`, {
      field: "total",
      value: total,
      published,
    });
  return total;
}
