import { Field, InputType, Int, ObjectType, registerEnumType } from "type-graphql";

export enum ImportMode {
  ALL_OR_NOTHING = "ALL_OR_NOTHING",
  GOOD_ROWS = "GOOD_ROWS",
}
registerEnumType(ImportMode, {
  name: "ImportMode",
  description: "导入方式 / import mode",
  valuesConfig: {
    ALL_OR_NOTHING: { description: "有任一错误行则全部不导入 / nothing is imported if any row is bad" },
    GOOD_ROWS: { description: "导入正确的行，列出错误行 / import the good rows, list the bad ones" },
  },
});

export enum CsvEncoding {
  AUTO = "AUTO",
  UTF8 = "UTF8",
  GBK = "GBK",
}
registerEnumType(CsvEncoding, { name: "CsvEncoding", description: "CSV 文件编码（AUTO 自动识别 UTF-8/GBK）/ file encoding" });

@ObjectType("ImportRowError", { description: "导入时的错误行 / a rejected row" })
export class ImportRowError {
  @Field(() => Int, { description: "文件中的行号（表头为第 1 行）/ line in the file, header is line 1" })
  line!: number;

  @Field(() => String, { description: "错误代码 / error code" })
  code!: string;

  @Field(() => String, { description: "原因 / reason" })
  reason!: string;

  @Field(() => String, { nullable: true, description: "该行的统一社会信用代码 / the row's USCC" })
  uscc?: string | null;
}

@ObjectType("ImportReport", { description: "名录导入结果 / result of a directory import" })
export class ImportReport {
  @Field(() => ImportMode) mode!: ImportMode;

  @Field(() => String, { description: "识别出的文件编码 / the encoding read" })
  encoding!: string;

  @Field(() => Int, { description: "数据行数（不含表头）/ data rows read" })
  rows!: number;

  @Field(() => Int, { description: "新增的主体数 / subjects added" })
  created!: number;

  @Field(() => Int, { description: "更新的主体数 / subjects updated" })
  updated!: number;

  @Field(() => Int, { description: "被拒绝的行数 / rows rejected" })
  rejected!: number;

  @Field(() => Boolean, { description: "是否已写入（全部或无模式下有错误行则为否）/ whether anything was written" })
  committed!: boolean;

  @Field(() => [ImportRowError], { description: "每个错误行及原因 / each bad row with its reason" })
  errors!: ImportRowError[];
}

@InputType({ description: "CSV 导入参数 / CSV import options" })
export class ImportOptions {
  @Field(() => ImportMode, { defaultValue: ImportMode.ALL_OR_NOTHING }) mode!: ImportMode;
  @Field(() => CsvEncoding, { defaultValue: CsvEncoding.AUTO }) encoding!: CsvEncoding;
}
