/**
 * `npm run schema`: writes each subgraph's SDL, generated from its code, to `schema/<name>.graphql`
 * and composes `schema/supergraph.graphql` from those files with @apollo/composition.
 * `npm run schema:check` regenerates in memory and fails if a committed file is stale.
 */
import "reflect-metadata";
import { composeServices } from "@apollo/composition";
import { buildCountySchema } from "@ssj/county";
import { buildDepartmentSchema, splitSubjectRecords, SUBJECT_RECORDS_MEMBER } from "@ssj/department";
import { parse } from "graphql";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

const dir = resolve(import.meta.dirname, "../../schema");

/** Subgraph URLs in the supergraph are placeholders: the gateway routes from its configuration and the county registry. */
const SUBGRAPHS = [
  { name: "county", url: "http://county.internal/graphql", build: buildCountySchema },
  { name: "department", url: "http://department.sharded/graphql", build: buildDepartmentSchema },
];

/**
 * The department instances serve one schema, composed as two members: `Subject.records` apart, so that it
 * always fans out to every department (docs/architecture.md, "How `Subject.records` fans out").
 */
function members(name: string, sdl: string): { name: string; sdl: string }[] {
  if (name !== "department") return [{ name, sdl }];
  const split = splitSubjectRecords(sdl);
  return [
    { name, sdl: split.department },
    { name: SUBJECT_RECORDS_MEMBER, sdl: split.subjectRecords },
  ];
}

export function compose(sdls: { name: string; url: string; sdl: string }[]): string {
  const result = composeServices(sdls.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })));
  if (result.errors) throw new Error(`composition failed:\n${result.errors.map((e) => e.message).join("\n")}`);
  return result.supergraphSdl;
}

const header = (name: string) => `# Generated from the code of the ${name} subgraph by \`npm run schema\`. Do not edit.\n`;

const files = new Map<string, string>();
const sdls: { name: string; url: string; sdl: string }[] = [];
for (const s of SUBGRAPHS) {
  const { sdl: whole } = await s.build();
  for (const { name, sdl } of members(s.name, whole)) {
    sdls.push({ name, url: s.url, sdl });
    files.set(`${name}.graphql`, header(s.name) + sdl);
  }
}
files.set("supergraph.graphql", compose(sdls));

const check = process.argv.includes("--check");
const stale: string[] = [];
for (const [name, text] of files) {
  const path = resolve(dir, name);
  if (check) {
    if (!existsSync(path) || readFileSync(path, "utf8") !== text) stale.push(`schema/${name}`);
  } else {
    writeFileSync(path, text);
    console.log(`wrote schema/${name}`);
  }
}
if (stale.length) {
  console.error(`stale schema files (run \`npm run schema\` and commit): ${stale.join(", ")}`);
  process.exit(1);
} else if (check) {
  console.log("schema/ is up to date");
}
