/**
 * Verification of a public draw record.
 *
 * Why: docs/draw-record.md — anybody can download the record (and, as an auditor, the frozen pools) and check
 * it. Verification does not trust anything in the record except the inputs that are public anyway
 * (the plan rules and the ceremony values): it reruns the draw from the pools and compares the result
 * with the record field by field, reporting the first difference (in the record's field order).
 */

import { DrawEngineError } from "./errors.js";
import { runDraw } from "./draw.js";
import type { DrawRecord, PlanRulesInput, Pools, VerifyResult } from "./types.js";

function show(v: unknown): string {
  if (v === undefined) return "nothing";
  const s = JSON.stringify(v);
  return s.length > 120 ? s.slice(0, 117) + "..." : s;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * The first path at which `actual` differs from `expected` (depth-first, expected's key order), or null.
 * Object keys are matched by name, so key order does not matter; `has` names the actual side in messages.
 */
export function firstDifference(expected: unknown, actual: unknown, path = "record", has = "record has"): string | null {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected an array, ${has} ${show(actual)}`;
    const n = Math.max(expected.length, actual.length);
    for (let i = 0; i < n; i++) {
      if (i >= expected.length) return `${path}[${i}]: not expected, ${has} ${show(actual[i])}`;
      if (i >= actual.length) return `${path}[${i}]: expected ${show(expected[i])}, ${has} nothing`;
      const d = firstDifference(expected[i], actual[i], `${path}[${i}]`, has);
      if (d) return d;
    }
    return null;
  }
  if (isObject(expected)) {
    if (!isObject(actual)) return `${path}: expected an object, ${has} ${show(actual)}`;
    for (const k of Object.keys(expected)) {
      const d = firstDifference(expected[k], Object.hasOwn(actual, k) ? actual[k] : undefined, `${path}.${k}`, has);
      if (d) return d;
    }
    for (const k of Object.keys(actual)) if (!Object.hasOwn(expected, k)) return `${path}.${k}: not expected, ${has} ${show(actual[k])}`;
    return null;
  }
  return Object.is(expected, actual) || (expected === 0 && actual === 0)
    ? null
    : `${path}: expected ${show(expected)}, ${has} ${show(actual)}`;
}

/** Options of {@link verifyRecord}. */
export interface VerifyOptions {
  /** The plan rules as published with the plan; when given they replace the record's own copy. */
  rules?: PlanRulesInput;
}

/**
 * Recompute a draw record from the frozen pools and compare. Returns `{ ok: true }` or the first
 * difference, e.g. `record.selected[3].ticket: expected "0.12…", record has "0.13…"`.
 */
export function verifyRecord(record: unknown, pools: Pools, options: VerifyOptions = {}): VerifyResult {
  if (!isObject(record)) return { ok: false, firstDifference: "record: not a JSON object" };
  const r = record as Partial<DrawRecord>;
  const rules = options.rules ?? r.rules;
  if (!isObject(rules)) return { ok: false, firstDifference: "record.rules: missing" };
  const ceremonyValues = isObject(r.seed) && isObject(r.seed.inputs) ? r.seed.inputs.ceremonyValues : undefined;
  if (!Array.isArray(ceremonyValues)) return { ok: false, firstDifference: "record.seed.inputs.ceremonyValues: missing" };
  let expected: DrawRecord;
  try {
    expected = runDraw({ pools, rules: rules as PlanRulesInput, ceremonyValues: ceremonyValues as string[] });
  } catch (e) {
    if (e instanceof DrawEngineError) return { ok: false, firstDifference: `recomputation failed: ${e.code}: ${e.message}` };
    throw e;
  }
  const d = firstDifference(expected, record);
  return d === null ? { ok: true } : { ok: false, firstDifference: d };
}
