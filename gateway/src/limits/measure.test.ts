import { parse, validate, buildSchema, GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { DEFAULT_LIMITS } from "./limits.js";
import { DocumentMeasure } from "./measure.js";
import { limitRules } from "./rules.js";

/** 22 fragments, each spreading the next one twice: 2^22 fields once expanded, in about 1 KB of text. */
export function fragmentBomb(levels = 22): string {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1 ? `fragment F${i} on Query { a }` : `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
  );
  return `{ ...F0 }\n${fragments.join("\n")}`;
}

const schema = buildSchema(`type Query { a: Int, q: Query }`);

describe("query measure", () => {
  it("visits each selection of the document once, however often fragments are spread", () => {
    const doc = parse(fragmentBomb());
    const m = new DocumentMeasure(doc);
    const op = doc.definitions[0]!;
    if (op.kind !== "OperationDefinition") throw new Error("operation first");
    expect(m.selectionSet(op.selectionSet)).toEqual({ depth: 1, aliases: 0, fields: 2 ** 21 });
    expect(m.visited).toBe(1 + 2 * 21 + 1);
  });

  it("counts depth through fragments and aliases as executed", () => {
    const doc = parse(`{ q { ...G } } fragment G on Query { x: a, y: q { a } }`);
    const op = doc.definitions[0]!;
    if (op.kind !== "OperationDefinition") throw new Error("operation first");
    expect(new DocumentMeasure(doc).selectionSet(op.selectionSet)).toEqual({ depth: 3, aliases: 2, fields: 4 });
  });

  it("refuses the fragment bomb as too complex, as a validation error with its own code", () => {
    const errors = validate(schema, parse(fragmentBomb()), limitRules(DEFAULT_LIMITS));
    expect(errors.map((e: GraphQLError) => e.extensions.code)).toEqual(["QUERY_TOO_COMPLEX"]);
  });

  it("refuses depth and aliases over the limits, and lets a small query through", () => {
    const rules = limitRules({ ...DEFAULT_LIMITS, maxDepth: 3, maxAliases: 2 });
    expect(validate(schema, parse(`{ q { q { q { a } } } }`), rules)[0]?.extensions.code).toBe("QUERY_TOO_DEEP");
    expect(validate(schema, parse(`{ x: a y: a z: a }`), rules)[0]?.extensions.code).toBe("TOO_MANY_ALIASES");
    expect(validate(schema, parse(`{ q { q { a } } x: a y: a }`), rules)).toEqual([]);
  });
});
