import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import PDFDocument from "pdfkit";
import type { Visit } from "../visits/visit.entity.js";
import type { InspectionReport } from "./report.entity.js";
import { sfntFromWoff } from "./woff.js";

/**
 * The CJK font comes from an npm package (Noto Sans SC, SIL OFL), so `npm install` alone sets it up and
 * nothing is fetched at run time. Its "chinese-simplified" file covers the characters of everyday
 * writing; read once per process.
 */
let font: Buffer | undefined;
function cjkFont(): Buffer {
  const file = createRequire(import.meta.url).resolve("@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff");
  font ??= sfntFromWoff(readFileSync(file));
  return font;
}

const ITEMS: [keyof InspectionReport, string][] = [
  ["inspectionTime", "一、检查时间"],
  ["content", "二、检查内容"],
  ["steps", "三、检查步骤与方式"],
  ["findings", "四、检查结果"],
  ["evaluation", "五、对被检查对象的评价"],
  ["handling", "六、处理意见和建议"],
];

/** No OpenType shaping: Chinese needs none, and line wrapping measures every character. */
const PLAIN = { features: [] as never[] };

/** 抽查报告 as a printable A4 PDF: the department's six items, the due date and the review. */
export function renderReportPdf(visit: Visit, report: InspectionReport, departmentName: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 56, info: { Title: `抽查报告 ${visit.id} ${report.department}` } });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.registerFont("cjk", cjkFont());
  doc
    .font("cjk")
    .fontSize(20)
    .text("随机抽查检查报告", { ...PLAIN, align: "center" })
    .moveDown(0.5);
  doc
    .fontSize(11)
    .text(`${departmentName}\u3000检查编号 ${visit.id}\u3000被检查对象统一社会信用代码 ${visit.uscc}`, { ...PLAIN, align: "center" })
    .moveDown();
  for (const [key, label] of ITEMS) {
    doc.fontSize(13).text(label, PLAIN).moveDown(0.2);
    doc
      .fontSize(11)
      .text(String(report[key] ?? ""), { ...PLAIN, indent: 22 })
      .moveDown(0.6);
  }
  doc.moveDown().fontSize(10);
  doc.text(
    `报告截止日期：${report.dueDate}${report.dueProvisional ? "（暂定）" : ""}\u3000提交：${report.submittedAt?.toISOString().slice(0, 10) ?? "—"}`,
    PLAIN,
  );
  doc.text(
    `审定：${report.reviewedAt?.toISOString().slice(0, 10) ?? "—"}\u3000公示：${report.publishedAt?.toISOString().slice(0, 10) ?? "未公示"}`,
    PLAIN,
  );
  doc.end();
  return done;
}
