import type { SubjectRecordInput } from "@ssj/shared";
import { createReadStream } from "node:fs";
import { PassThrough, Readable } from "node:stream";
import { writeSubjectsCsv } from "../demo-data/csv.js";
import { serviceRoute } from "@ssj/shared";

export interface ImportReportJson {
  rows: number;
  created: number;
  updated: number;
  rejected: number;
  committed: boolean;
  encoding: string;
  errors: { line: number; code: string; reason: string }[];
}

/**
 * Streams records as a CSV file into the gateway's import endpoint: generating, encoding and
 * uploading run together, so a million-row directory never sits in memory.
 */
export async function uploadSubjects(
  gatewayUrl: string,
  department: string,
  records: Iterable<SubjectRecordInput>,
  opts: { mode?: "ALL_OR_NOTHING" | "GOOD_ROWS"; encoding?: "UTF8" | "GBK"; headers?: Record<string, string> } = {},
): Promise<ImportReportJson> {
  const url = new URL(serviceRoute(gatewayUrl, `/import/${department}/subjects`));
  url.searchParams.set("mode", opts.mode ?? "ALL_OR_NOTHING");
  url.searchParams.set("encoding", opts.encoding ?? "UTF8");
  const body = new PassThrough();
  const writing = writeSubjectsCsv(records, body, { encoding: opts.encoding });
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "text/csv", ...opts.headers },
    body: Readable.toWeb(body) as ReadableStream,
    duplex: "half",
  } as RequestInit);
  await writing;
  const json = (await res.json()) as { data?: ImportReportJson; errors?: { message: string }[] };
  if (!json.data) throw new Error(`import into ${department} failed: ${json.errors?.[0]?.message ?? res.status}`);
  return json.data;
}

/**
 * Streams a CSV file from disk into the gateway's import endpoint, as a clerk's browser uploads it: a
 * benchmark times the import, not the making of the file.
 */
export async function uploadCsvFile(
  gatewayUrl: string,
  department: string,
  path: string,
  opts: { mode?: "ALL_OR_NOTHING" | "GOOD_ROWS"; encoding?: "UTF8" | "GBK"; headers?: Record<string, string> } = {},
): Promise<ImportReportJson> {
  const url = new URL(serviceRoute(gatewayUrl, `/import/${department}/subjects`));
  url.searchParams.set("mode", opts.mode ?? "ALL_OR_NOTHING");
  url.searchParams.set("encoding", opts.encoding ?? "UTF8");
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "text/csv", ...opts.headers },
    body: Readable.toWeb(createReadStream(path)) as ReadableStream,
    duplex: "half",
  } as RequestInit);
  const json = (await res.json()) as { data?: ImportReportJson; errors?: { message: string }[] };
  if (!json.data) throw new Error(`import into ${department} failed: ${json.errors?.[0]?.message ?? res.status}`);
  return json.data;
}
