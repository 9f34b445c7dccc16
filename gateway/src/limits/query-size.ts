import type { NextFunction, Request, Response } from "express";
import type { QueryLimits } from "./limits.js";

/**
 * Refuses query text over `maxQueryBytes` before graphql-js parses it: parsing a 5 MB document costs hundreds
 * of megabytes of heap, while the body cap must stay large for CSV files sent as variables.
 */
export function queryTextCap(limits: QueryLimits) {
  return (req: Request, res: Response, next: NextFunction) => {
    const query = (req.body as { query?: unknown } | undefined)?.query ?? req.query.query;
    if (typeof query === "string" && Buffer.byteLength(query) > limits.maxQueryBytes) {
      res.status(413).json({
        errors: [
          {
            message: `查询文本过长（最多 ${limits.maxQueryBytes} 字节）/ query text too large`,
            extensions: { code: "QUERY_TOO_LARGE" },
          },
        ],
      });
      return;
    }
    next();
  };
}
