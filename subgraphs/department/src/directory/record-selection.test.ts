import { buildSchema, execute, parse, type DocumentNode, type GraphQLResolveInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { RECORD_COLUMNS } from "./record-rows.js";
import { selectedRecordColumns } from "./record-selection.js";

/** A schema of the same shape as the department's: records under a subject, and a connection of them. */
const schema = buildSchema(`
  type SupervisionRecord { uscc: String name: String riskClass: String legalRepresentative: String department: String history: [String] keySectors: [String] subject: Subject futureField: String }
  type Subject { uscc: String }
  type Edge { cursor: String node: SupervisionRecord }
  type Connection { nodes: [SupervisionRecord] edges: [Edge] totalCount: Int }
  type Query { records: [SupervisionRecord] subjects: Connection }
`);

async function columnsOf(query: string | DocumentNode, variables: Record<string, unknown> = {}) {
  let seen: readonly string[] = [];
  const rootValue = {
    records: (_: unknown, __: unknown, info: GraphQLResolveInfo) => ((seen = selectedRecordColumns(info)), []),
    subjects: (_: unknown, __: unknown, info: GraphQLResolveInfo) => (
      (seen = selectedRecordColumns(info, [["nodes"], ["edges", "node"]])),
      {}
    ),
  };
  const document = typeof query === "string" ? parse(query) : query;
  const result = await execute({ schema, document, rootValue, variableValues: variables });
  expect(result.errors).toBeUndefined();
  return seen;
}

describe("selectedRecordColumns", () => {
  it("reads the columns of the selected fields, in the table's order; department needs none, history the id", async () => {
    expect(await columnsOf("{ records { riskClass name department } }")).toEqual(["name", "riskClass"]);
    expect(await columnsOf("{ records { uscc history } }")).toEqual(["id", "uscc"]);
  });

  it("reads only the USCC for the subject, whatever is asked of it (another member answers the rest)", async () => {
    expect(await columnsOf("{ records { subject { uscc } } }")).toEqual(["uscc"]);
  });

  it("follows fragments, aliases and @skip/@include (per execution: a server reuses the parsed document)", async () => {
    const query =
      parse(`query($skip: Boolean!) { records { n: name ...F ... on SupervisionRecord { legalRepresentative } keySectors @skip(if: $skip) } }
      fragment F on SupervisionRecord { riskClass }`);
    expect(await columnsOf(query, { skip: true })).toEqual(["name", "legalRepresentative", "riskClass"]);
    expect(await columnsOf(query, { skip: false })).toEqual(["name", "legalRepresentative", "riskClass", "keySectors"]);
  });

  it("reads the nodes and the edges' nodes of a connection", async () => {
    expect(await columnsOf("{ subjects { totalCount nodes { name } edges { cursor node { riskClass } } } }")).toEqual([
      "name",
      "riskClass",
    ]);
  });

  it("reads every column for a field it does not know, so no resolver meets a missing property", async () => {
    expect(await columnsOf("{ records { futureField } }")).toEqual([...RECORD_COLUMNS]);
  });
});
