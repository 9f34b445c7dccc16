import fc from "fast-check";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";

/** One generated request: a document, its variables (values for `$v0`, `$v1` …) and who sends it. */
export interface FuzzCase {
  query: string;
  variables: Record<string, unknown>;
}

/** Text that has broken parsers and databases before: control characters, patterns, huge and odd numbers. */
const nastyString = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom(
    "",
    "%",
    "_",
    "%|%",
    "\u0000",
    "a\u0000b",
    "\u200b１２３",
    "'; drop table plan; --",
    "x".repeat(5000),
    "../../etc/passwd",
  ),
  fc.constantFrom("market", "ecology", "1", "0", "-1", "91512021000000010X", "2027-04-01", "512000"),
);
const nastyInt = fc.oneof(fc.integer({ min: -5, max: 1100 }), fc.constantFrom(2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 0));
const nastyFloat = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e308, 5e-324, 0.5, 1, 2));

/** A value for an input type, as JSON (for a variable); sometimes of the wrong type on purpose. */
function inputValue(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return inputValue(type.ofType, depth);
  if (isListType(type)) return fc.array(inputValue(type.ofType, depth + 1), { maxLength: depth > 2 ? 1 : 3 });
  const named = getNamedType(type);
  const wrong = fc.oneof(nastyString, nastyInt, fc.constant(null), fc.boolean());
  if (isEnumType(named)) return fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...named.getValues().map((v) => v.value)) }, wrong);
  if (isInputObjectType(named)) {
    if (depth > 3) return fc.constant(null);
    const fields = Object.values(named.getFields());
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) record[f.name] = inputValue(f.type, depth + 1);
    return fc.oneof(
      { weight: 8, arbitrary: fc.record(record, { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) }) },
      wrong,
    );
  }
  switch (named.name) {
    case "Int":
      return fc.oneof({ weight: 5, arbitrary: nastyInt }, wrong);
    case "Float":
      return fc.oneof({ weight: 5, arbitrary: nastyFloat }, wrong);
    case "Boolean":
      return fc.oneof({ weight: 5, arbitrary: fc.boolean() }, wrong);
    default:
      return fc.oneof({ weight: 5, arbitrary: nastyString }, wrong);
  }
}

/** A selection set for an output type: a few leaf fields and at most one nested object, up to `depth`. */
function selection(type: GraphQLObjectType, depth: number): fc.Arbitrary<string> {
  const fields = Object.values(type.getFields()).filter((f) => f.args.every((a) => !isNonNullType(a.type)));
  const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
  const objects = fields.filter((f) => isObjectType(getNamedType(f.type)));
  const leafPick = leaves.length
    ? fc.subarray(
        leaves.map((f) => f.name),
        { minLength: 0, maxLength: Math.min(4, leaves.length) },
      )
    : fc.constant([] as string[]);
  const nested: fc.Arbitrary<string> =
    depth > 0 && objects.length
      ? fc.option(
          fc
            .constantFrom(...objects)
            .chain((f) => selection(getNamedType(f.type) as GraphQLObjectType, depth - 1).map((inner) => `${f.name} ${inner}`)),
          { nil: "" },
        )
      : fc.constant("");
  return fc.tuple(leafPick, nested).map(([l, n]) => `{ __typename ${l.join(" ")} ${n} }`);
}

/** Arguments as variables `$vN` (declared with the argument's type); optional ones are sometimes left out. */
function argumentsOf(field: GraphQLField<unknown, unknown>) {
  const one = (a: GraphQLArgument) =>
    fc.tuple(fc.boolean(), inputValue(a.type, 0)).map(([omit, value]) => (omit && !isNonNullType(a.type) ? null : { arg: a, value }));
  return fc.tuple(...field.args.map(one)).map((picked) => picked.filter((p): p is { arg: GraphQLArgument; value: unknown } => p !== null));
}

/** A random query or mutation of the schema's root fields, with random arguments and selections. */
export function arbitraryOperation(schema: GraphQLSchema): fc.Arbitrary<FuzzCase> {
  const roots = [schema.getQueryType(), schema.getMutationType()].filter((t): t is GraphQLObjectType => !!t);
  const rootFields = roots.flatMap((root) => Object.values(root.getFields()).map((field) => ({ root, field })));
  return fc.constantFrom(...rootFields).chain(({ root, field }) => {
    const named = getNamedType(field.type);
    const sel = isObjectType(named) ? selection(named, 2) : fc.constant("");
    return fc.tuple(argumentsOf(field), sel).map(([args, s]) => {
      const decl = args.map((a, i) => `$v${i}: ${a.arg.type.toString()}`).join(", ");
      const use = args.map((a, i) => `${a.arg.name}: $v${i}`).join(", ");
      const keyword = root === schema.getMutationType() ? "mutation" : "query";
      return {
        query: `${keyword} Fuzz${decl ? `(${decl})` : ""} { ${field.name}${use ? `(${use})` : ""} ${s} }`,
        variables: Object.fromEntries(args.map((a, i) => [`v${i}`, a.value])),
      };
    });
  });
}
