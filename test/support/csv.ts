import iconv from "iconv-lite";
import { subjectInput } from "./fixtures.js";

export const CSV_HEADER =
  "uscc,name,category,address,legalRepresentative,region,supervisionTypes,riskClass,abnormalList,dishonest,seriousViolation,keySectors";

/** One CSV line for test subject `n`. */
export function csvLine(n: number, overrides: Record<string, string> = {}): string {
  const s = {
    ...subjectInput(n),
    supervisionTypes: "食品经营",
    abnormalList: "否",
    dishonest: "否",
    seriousViolation: "否",
    keySectors: "",
    ...overrides,
  };
  return [
    s.uscc,
    s.name,
    s.category,
    s.address,
    s.legalRepresentative,
    s.region,
    s.supervisionTypes,
    s.riskClass,
    s.abnormalList,
    s.dishonest,
    s.seriousViolation,
    s.keySectors,
  ].join(",");
}

export function csvFile(lines: string[], encoding: "UTF8" | "GBK" = "UTF8"): Buffer {
  const text = [CSV_HEADER, ...lines].join("\r\n") + "\r\n";
  return encoding === "GBK" ? iconv.encode(text, "gbk") : Buffer.from(text, "utf8");
}

/** Uploads a CSV through the gateway's streaming import endpoint. */
export async function uploadCsv(
  gatewayUrl: string,
  department: string,
  body: Buffer,
  query: Record<string, string> = {},
  headers: Record<string, string> = {},
  kind: "subjects" | "flags" = "subjects",
) {
  const url = new URL(gatewayUrl.replace(/\/graphql$/, `/import/${department}/${kind}`));
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const res = await fetch(url, { method: "POST", headers: { "content-type": "text/csv", ...headers }, body });
  return { status: res.status, body: (await res.json()) as { data?: any; errors?: any[] } };
}
