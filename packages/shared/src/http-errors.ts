import type { ErrorRequestHandler, Response } from "express";
import type { ErrorCode } from "./errors.js";

/**
 * The one shape of an HTTP route's error answer: GraphQL's `{ errors: [{ message, extensions: { code } }] }`, so
 * that clients read refusals from /import, /pool and /draws/…/record.json exactly as from /graphql.
 */
export function sendError(
  res: Response,
  status: number,
  code: ErrorCode | string,
  message: string,
  details: Record<string, unknown> = {},
): void {
  res.status(status).json({ errors: [{ message, extensions: { ...details, code } }] });
}

/** An error that already carries its extensions (an AppError), answered with `status`. */
export function sendErrorOf(res: Response, status: number, error: { message: string; extensions?: Record<string, unknown> }): void {
  res.status(status).json({ errors: [{ message: error.message, extensions: error.extensions ?? {} }] });
}

/**
 * The last Express handler of every service: a body that is not JSON (or too large) gets a GraphQL-style
 * JSON error with a code, never Express's HTML page with a stack trace.
 */
export const jsonErrorHandler: ErrorRequestHandler = (err, _req, res, next) => {
  if (res.headersSent) return next(err);
  const status = typeof err?.status === "number" && err.status >= 400 && err.status < 500 ? err.status : 500;
  if (status === 500) console.error(err);
  const message = status === 413 ? "请求体过大" : status === 500 ? "服务内部错误，请稍后重试" : "请求体不是有效的 JSON";
  sendError(res, status, status === 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST", message);
};
