import { subjectCsvTemplate } from "@ssj/shared";
import type { Express, Request, Response } from "express";
import iconv from "iconv-lite";

/**
 * `GET /import/template.csv?encoding=GBK|UTF-8`: the directory import template with Chinese headers,
 * public (it holds no data). UTF-8 carries a byte-order mark so that spreadsheet programs read the
 * Chinese correctly; GBK is what Excel writes on a Chinese Windows. Both import as they are.
 */
export function mountImportTemplate(app: Express): void {
  app.get("/import/template.csv", (req: Request, res: Response) => {
    const asked = String(req.query.encoding ?? "UTF-8")
      .toUpperCase()
      .replace(/[-_]/g, "");
    if (asked !== "UTF8" && asked !== "GBK") {
      res.status(400).json({
        errors: [
          {
            message: `参数 encoding 的取值「${String(req.query.encoding)}」无效，可选：GBK、UTF-8`,
            extensions: { code: "BAD_USER_INPUT" },
          },
        ],
      });
      return;
    }
    const text = subjectCsvTemplate();
    const body = asked === "GBK" ? iconv.encode(text, "gbk") : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
    res
      .status(200)
      .type(`text/csv; charset=${asked === "GBK" ? "GBK" : "utf-8"}`)
      .attachment(asked === "GBK" ? "subjects-template-gbk.csv" : "subjects-template.csv")
      .send(body);
  });
}
