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

@ObjectType("ImportErrorCount", { description: "按原因汇总的错误数 / how many problems of one kind" })
export class ImportErrorCount {
  @Field(() => String, { description: "错误代码 / error code" })
  code!: string;

  @Field(() => String, { nullable: true, description: "出错的列（字段名；文件结构错误为空）/ the column, null for a structural error" })
  column?: string | null;

  @Field(() => String, { description: "说明 / what it means, in Chinese" })
  label!: string;

  @Field(() => Int, { description: "出现次数（一行可有多个问题）/ how many (a row may have several problems)" })
  count!: number;
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

  @Field(() => Int, { description: "内容有变化而更新的主体数（含恢复已移出的）/ subjects whose data changed (restored ones included)" })
  updated!: number;

  @Field(() => Int, { description: "与名录完全相同、未改动的主体数（不写变更历史）/ rows identical to the directory: nothing written" })
  unchanged!: number;

  @Field(() => Int, { description: "被拒绝的行数 / rows rejected" })
  rejected!: number;

  @Field(() => Boolean, { description: "是否已写入（全部或无模式下有错误行则为否）/ whether anything was written" })
  committed!: boolean;

  @Field(() => [ImportErrorCount], { description: "按原因汇总的错误，多的在前 / problems counted by reason, most frequent first" })
  errorSummary!: ImportErrorCount[];

  @Field(() => [ImportRowError], {
    description: "前 1,000 个错误行及原因（总数见 rejected）/ the first 1,000 bad rows with their reasons (rejected gives the total)",
  })
  errors!: ImportRowError[];

  @Field(() => Boolean, { description: "错误行是否多于所列（只列前 1,000 行）/ whether more bad rows exist than are listed" })
  errorsTruncated!: boolean;
}

@InputType({ description: "CSV 导入参数 / CSV import options" })
export class ImportOptions {
  @Field(() => ImportMode, { defaultValue: ImportMode.ALL_OR_NOTHING }) mode!: ImportMode;
  @Field(() => CsvEncoding, { defaultValue: CsvEncoding.AUTO }) encoding!: CsvEncoding;
}
