import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  CANDIDATE_TSV_TYPE,
  candidateTsvLine,
  type CandidateLine,
  candidateFields,
  type CandidateFields,
  DepartmentCalls,
  departmentCallConfig,
  generateSigningKey,
  NDJSON_TYPE,
} from "@ssj/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DepartmentClient } from "./department-client.js";
import type { Department } from "./department.entity.js";

const lines: CandidateLine[] = Array.from({ length: 3000 }, (_, i) => ({
  uscc: `9151010000000${String(i).padStart(5, "0")}`,
  name: i === 7 ? "名\t称\n\\" : `主体${i}`,
  region: "510100",
  category: "餐饮",
  supervisionTypes: i % 2 ? ["食品经营"] : ["食品经营", "公共场所"],
  riskClass: (["A", "B", "C", "D"] as const)[i % 4]!,
  abnormalList: i % 3 === 0,
  dishonest: i % 5 === 0,
  seriousViolation: i % 7 === 0,
  keySectors: i % 11 === 0 ? ["危化品"] : [],
}));

/**
 * A stand-in department instance: `tsv` answers as current departments do (TSV when asked), otherwise as a
 * department that only speaks NDJSON and ignores the Accept header. Records the Accept header it got.
 */
function department(tsv: boolean): Promise<{ server: Server; url: string; accepts: string[] }> {
  const accepts: string[] = [];
  const server = createServer((req, res) => {
    accepts.push(String(req.headers.accept));
    const asTsv = tsv && String(req.headers.accept).startsWith(CANDIDATE_TSV_TYPE);
    res.writeHead(200, { "content-type": asTsv ? `${CANDIDATE_TSV_TYPE}; charset=utf-8` : NDJSON_TYPE });
    const text = lines
      .map((l) =>
        asTsv
          ? candidateTsvLine({
              ...l,
              supervisionTypes: JSON.stringify(l.supervisionTypes),
              keySectors: JSON.stringify(l.keySectors),
            })
          : JSON.stringify(l),
      )
      .join("\n");
    // in small pieces, cut anywhere (inside a UTF-8 character too)
    const bytes = Buffer.from(text, "utf8");
    for (let i = 0; i < bytes.length; i += 997) res.write(bytes.subarray(i, i + 997));
    res.end();
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, accepts }),
    ),
  );
}

describe("DepartmentClient.candidates", () => {
  const client = new DepartmentClient(
    { issuer: "county", keys: { keys: [generateSigningKey()] } },
    new DepartmentCalls({ ...departmentCallConfig(), timeoutMs: 5000 }),
  );
  let tsv: Awaited<ReturnType<typeof department>>;
  let ndjson: Awaited<ReturnType<typeof department>>;
  beforeAll(async () => {
    [tsv, ndjson] = await Promise.all([department(true), department(false)]);
  });
  afterAll(() => {
    tsv.server.close();
    ndjson.server.close();
  });

  const read = async (url: string) => {
    const views: (CandidateFields & { id: string })[] = [];
    await client.candidates({ code: "market", name: "市场监管局", url } as Department, {}, (v) =>
      views.push({ ...candidateFields(v), id: Buffer.from(v.idBytes.subarray(v.idStart, v.idEnd)).toString("utf8") }),
    );
    return views;
  };
  // `id`: the id's bytes, which both formats give
  const expected = lines.map((l) => ({
    id: l.uscc,
    uscc: l.uscc,
    name: l.name,
    supervisionTypes: JSON.stringify(l.supervisionTypes),
    riskClass: l.riskClass,
    abnormalList: l.abnormalList,
    dishonest: l.dishonest,
    seriousViolation: l.seriousViolation,
    keySector: l.keySectors.length > 0,
  }));

  it("asks for TAB-separated lines and reads them", async () => {
    expect(await read(tsv.url)).toEqual(expected);
    expect(tsv.accepts.at(-1)).toBe(`${CANDIDATE_TSV_TYPE}, ${NDJSON_TYPE};q=0.5`);
  });

  it("reads the same from a department that only speaks NDJSON", async () => {
    expect(await read(ndjson.url)).toEqual(expected);
  });

  it("passes the caller's own error on as it is, not as the department being unavailable", async () => {
    const mine = new Error("mine");
    await expect(
      client.candidates({ code: "market", name: "市场监管局", url: tsv.url } as Department, {}, () => {
        throw mine;
      }),
    ).rejects.toBe(mine);
  });
});
