import { gql } from "./graphql-client.js";

/**
 * Runs one mutation for many inputs, `size` per request, as aliased fields of one document: seeding
 * hundreds of matters or inspectors costs a few round trips, each still validated one by one.
 */
export async function batchMutation<T>(
  url: string,
  field: string,
  inputType: string,
  args: Record<string, string>,
  inputs: unknown[],
  selection: string,
  headers: Record<string, string>,
  size = 25,
): Promise<T[]> {
  const out: T[] = [];
  const fixed = Object.entries(args)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(", ");
  for (let i = 0; i < inputs.length; i += size) {
    const chunk = inputs.slice(i, i + size);
    const vars = chunk.map((_, j) => `$i${j}: ${inputType}!`).join(", ");
    const fields = chunk.map((_, j) => `m${j}: ${field}(${fixed}, input: $i${j}) ${selection}`).join("\n");
    const data = await gql<Record<string, T>>(
      url,
      `mutation(${vars}) {\n${fields}\n}`,
      Object.fromEntries(chunk.map((v, j) => [`i${j}`, v])),
      headers,
    );
    out.push(...chunk.map((_, j) => data[`m${j}`]!));
  }
  return out;
}
