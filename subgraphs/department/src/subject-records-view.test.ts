import { buildASTSchema, parse, type GraphQLObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { buildDepartmentSchema } from "./schema.js";
import { splitSubjectRecords } from "./subject-records-view.js";

const FEDERATION = `directive @key(fields: String!, resolvable: Boolean = true) repeatable on OBJECT
directive @shareable on OBJECT | FIELD_DEFINITION
directive @link(url: String, import: [String]) repeatable on SCHEMA
type Query { _placeholder: Int }`;

/** The member SDL as a schema, to ask which fields it has (federation directives declared for graphql-js). */
function asSchema(sdl: string) {
  return buildASTSchema(parse(`${FEDERATION}\n${sdl}`), { assumeValidSDL: true });
}

describe("splitSubjectRecords", () => {
  it("puts Subject.records in a member of its own, with no field leading back to a Subject", async () => {
    const { sdl } = await buildDepartmentSchema();
    const { department, subjectRecords } = splitSubjectRecords(sdl);

    const view = asSchema(subjectRecords);
    expect(Object.keys((view.getType("Subject") as GraphQLObjectType).getFields()).sort()).toEqual(["records", "uscc"]);
    const record = view.getType("SupervisionRecord") as GraphQLObjectType;
    expect(record.getFields().subject).toBeUndefined();
    expect(record.getFields().riskClass).toBeDefined();
    expect(view.getType("SupervisionRecordChange")).toBeDefined();
    expect(view.getType("Department")).toBeUndefined();
    expect(subjectRecords).toMatch(/type SupervisionRecord @key\(fields: "department uscc"\) @shareable/);
    expect(subjectRecords.startsWith("extend schema\n  @link(")).toBe(true);

    const main = asSchema(department);
    expect(Object.keys((main.getType("Subject") as GraphQLObjectType).getFields())).toEqual(["uscc"]);
    expect((main.getType("SupervisionRecord") as GraphQLObjectType).getFields().subject).toBeDefined();
    // nothing else changes: the department member is the whole SDL but for that one field
    expect(department.replace(/\s+/g, "")).toBe(
      sdl.replace(/"""各部门对该主体的监管记录[^"]*"""\s*records: \[SupervisionRecord!\]!/, "").replace(/\s+/g, ""),
    );
  });

  it("refuses an SDL without Subject.records", () => {
    expect(() => splitSubjectRecords("type Subject { uscc: String! }")).toThrow(/Subject.records/);
  });
});
