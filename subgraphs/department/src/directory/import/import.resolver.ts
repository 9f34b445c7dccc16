import { AppError, ErrorCode, IDEMPOTENCY_KEY_DESCRIPTION } from "@ssj/shared";
import { Readable } from "node:stream";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { DepartmentContext } from "../../context.js";
import { importSubjectsOnce } from "./import-once.js";
import { CsvEncoding, ImportMode, ImportOptions, ImportReport } from "./import.types.js";
import { OwnDepartment } from "../../own-department.js";

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportReport, {
    description:
      "从 CSV 批量导入名录（文本或 Base64）。大文件请经网关上传：POST /import/{部门编码}/subjects?mode=…&encoding=…，" +
      "请求头 Authorization: Bearer <令牌>，文件作请求体；模板：GET /import/template.csv?encoding=GBK|UTF-8 / " +
      "bulk import from CSV text or Base64; large files: POST /import/{department}/subjects on the gateway with " +
      "`Authorization: Bearer <token>` and the file as the body; template: GET /import/template.csv?encoding=GBK|UTF-8",
  })
  async importSubjectsCsv(
    @OwnDepartment({ write: true }) department: string,
    @Arg("csv", () => String, { nullable: true, description: "CSV 文本 / CSV text" }) csv: string | null,
    @Arg("csvBase64", () => String, { nullable: true, description: "CSV 文件的 Base64（可为 GBK 编码）/ the file's bytes, Base64" })
    csvBase64: string | null,
    @Arg("options", () => ImportOptions, { nullable: true }) options: ImportOptions | null,
    @Arg("idempotencyKey", () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null,
    @Ctx() ctx: DepartmentContext,
  ): Promise<ImportReport> {
    if ((csv == null) === (csvBase64 == null)) {
      throw new AppError(ErrorCode.BAD_USER_INPUT, "请提供 csv 或 csvBase64 其中之一", { field: "csv" });
    }
    const bytes = csv != null ? Buffer.from(csv, "utf8") : Buffer.from(csvBase64!, "base64");
    const opts = { mode: options?.mode ?? ImportMode.ALL_OR_NOTHING, encoding: options?.encoding ?? CsvEncoding.AUTO };
    return importSubjectsOnce(ctx.em, idempotencyKey, Readable.from([bytes]), opts, ctx.actor);
  }
}
