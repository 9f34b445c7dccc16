import "reflect-metadata";
import { isObjectType, type GraphQLSchema } from "graphql";
import { Arg, buildSchema, getMetadataStorage, Mutation, Query, Resolver } from "type-graphql";
import { describe, expect, it } from "vitest";
import { isDepartmentGuard, OwnDepartment } from "./own-department.js";
import { buildDepartmentSchema } from "./schema.js";

/**
 * Every field of a schema that takes a `department` argument, with whether its resolver method declares that
 * argument through `@OwnDepartment` (the guard). Fields are matched to type-graphql's metadata by name.
 */
function departmentFields(schema: GraphQLSchema): { field: string; guarded: boolean }[] {
  const storage = getMetadataStorage();
  const handlers = [
    ...storage.queries.map((h) => ({ ...h, root: "Query" })),
    ...storage.mutations.map((h) => ({ ...h, root: "Mutation" })),
    ...storage.fieldResolvers.map((h) => ({ ...h, root: h.getObjectType?.().name })),
  ];
  const guardedMethods = new Set(
    storage.params.filter((p) => p.kind === "custom" && isDepartmentGuard(p.resolver)).map((p) => `${p.target.name}.${p.methodName}`),
  );
  const out: { field: string; guarded: boolean }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      if (!field.args.some((a) => a.name === "department")) continue;
      const handler = handlers.find((h) => h.root === type.name && h.schemaName === field.name);
      out.push({
        field: `${type.name}.${field.name}`,
        guarded: !!handler && guardedMethods.has(`${handler.target.name}.${handler.methodName}`),
      });
    }
  }
  return out;
}

describe("the department guard", () => {
  it("guards every field of the department schema that takes a department", async () => {
    const { schema } = await buildDepartmentSchema();
    const fields = departmentFields(schema);
    expect(fields.length).toBeGreaterThanOrEqual(19);
    expect(fields.filter((f) => !f.guarded).map((f) => f.field)).toEqual([]);
  });

  it("finds a field that takes department without the guard", async () => {
    @Resolver()
    class Careless {
      @Query(() => String)
      careless(@Arg("department", () => String) department: string): string {
        return department;
      }
      @Mutation(() => String)
      careful(@OwnDepartment({ write: true }) department: string): string {
        return department;
      }
    }
    const schema = await buildSchema({ resolvers: [Careless], validate: false });
    expect(departmentFields(schema)).toEqual([
      { field: "Query.careless", guarded: false },
      { field: "Mutation.careful", guarded: true },
    ]);
  });
});
