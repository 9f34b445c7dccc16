import type { ApolloClient } from "@apollo/client";
import { graphql } from "../../gql";
import type { ResultSubjectsQuery } from "../../gql/graphql";

const RESULT_SUBJECTS = graphql(`
  query ResultSubjects($after: String) {
    publishedResults(first: 1000, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        subject {
          uscc
          records {
            name
            address
          }
        }
      }
    }
  }
`);

export interface SubjectMatch {
  uscc: string;
  name: string;
  address: string;
}

/**
 * The subjects with published results whose name contains `text`. The public may not read the departments'
 * directories, and `publishedResults` is keyed by USCC or plan (docs/inspection.md), so the names are read from
 * the published results themselves, a page of 1,000 at a time (at most 20 pages).
 */
export async function subjectsNamed(client: ApolloClient, text: string): Promise<SubjectMatch[]> {
  const found = new Map<string, SubjectMatch>();
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const answer: ResultSubjectsQuery | undefined = (
      await client.query({ query: RESULT_SUBJECTS, variables: { after }, fetchPolicy: "network-only" })
    ).data;
    const results: ResultSubjectsQuery["publishedResults"] | undefined = answer?.publishedResults;
    for (const r of results?.nodes ?? []) {
      const record = r.subject.records.find((x) => x.name.includes(text));
      if (record) found.set(r.subject.uscc, { uscc: r.subject.uscc, name: record.name, address: record.address });
    }
    if (!results?.pageInfo.hasNextPage) break;
    after = results.pageInfo.endCursor ?? null;
  }
  return [...found.values()];
}
