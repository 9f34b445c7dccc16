import { Kind, parse, print, type DefinitionNode, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type TypeNode } from "graphql";

/** The name of the second federation member the department instances serve (docs/architecture.md). */
export const SUBJECT_RECORDS_MEMBER = "subject-records";

const SUBJECT = "Subject";
const RECORDS = "records";

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

const isObject = (d: DefinitionNode): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION;

/**
 * Splits the department subgraph's SDL into the two federation members its instances serve.
 *
 * Apollo's query planner keeps a field in the subgraph that resolved its parent. A record's `subject`
 * answered by the department, followed by `Subject.records` in the same member, would be answered by
 * that one department and never fan out. So composition sees `Subject.records` (and the record types it
 * returns, `@shareable`) in a member of its own, `subject-records`: reaching `records` from any other
 * member is an entity fetch keyed by USCC alone, which the gateway sends to every department instance.
 * The `department` member keeps everything else, `SupervisionRecord.subject` included, so a department's
 * record reaches every department's records in one step, without a hop through the county.
 *
 * Both members are views of the one executable schema each instance serves: only composition tells them
 * apart. The view holds no field that returns a `Subject` (it would bring the same trap back).
 */
export function splitSubjectRecords(sdl: string): { department: string; subjectRecords: string } {
  const doc = parse(sdl);
  const objects = new Map(doc.definitions.filter(isObject).map((d) => [d.name.value, d]));
  const subject = objects.get(SUBJECT);
  const records = subject?.fields?.find((f) => f.name.value === RECORDS);
  if (!subject || !records) throw new Error("the department SDL has no Subject.records");

  const withoutSubjectFields = (d: ObjectTypeDefinitionNode): ObjectTypeDefinitionNode => ({
    ...d,
    fields: d.fields?.filter((f: FieldDefinitionNode) => namedType(f.type) !== SUBJECT),
  });
  // every type `records` can reach, following fields that do not lead back to a Subject
  const kept = new Set<string>();
  const work = [namedType(records.type)];
  while (work.length) {
    const name = work.pop()!;
    if (kept.has(name)) continue;
    kept.add(name);
    const def = doc.definitions.find((d) => "name" in d && d.name?.value === name);
    if (def && isObject(def)) for (const f of withoutSubjectFields(def).fields ?? []) work.push(namedType(f.type));
  }

  const view: DefinitionNode[] = [];
  for (const d of doc.definitions) {
    if (d.kind === Kind.SCHEMA_EXTENSION) view.push(d);
    else if (d === subject) view.push(d);
    else if ("name" in d && d.name && kept.has(d.name.value)) view.push(isObject(d) ? withoutSubjectFields(d) : d);
  }
  const department = doc.definitions.map((d) =>
    d === subject ? { ...subject, fields: subject.fields?.filter((f) => f.name.value !== RECORDS) } : d,
  );
  // the front matter (`extend schema @link(…)`) as written, the rest as graphql-js prints it
  const text = (defs: readonly DefinitionNode[]) =>
    `${defs.map((d) => (d.kind === Kind.SCHEMA_EXTENSION && d.loc ? sdl.slice(d.loc.start, d.loc.end) : print(d))).join("\n\n")}\n`;
  return { department: text(department), subjectRecords: text(view) };
}
