import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from "@apollo/client";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { SetContextLink } from "@apollo/client/link/context";
import { ErrorLink } from "@apollo/client/link/error";
import { OperationTypeNode } from "graphql";
import { reportExpired } from "../auth/expired";
import { currentSession } from "../auth/session";
import { lazyWsLink } from "./lazy-ws-link";

const authorization = (): Record<string, string> => {
  const s = currentSession();
  return s ? { authorization: `Bearer ${s.token}` } : {};
};

/**
 * One Apollo Client for the whole app: queries and mutations over HTTP, subscriptions over graphql-ws on
 * the same /graphql address, both carrying the signed-in user's token. An UNAUTHENTICATED answer (an
 * expired token mid-session) opens the sign-in-again dialog instead of losing the page.
 */
export function createApolloClient(): ApolloClient {
  const http = new HttpLink({ uri: "/graphql", headers: { "apollo-require-preflight": "true" } });
  const auth = new SetContextLink((prev) => ({ headers: { ...prev.headers, ...authorization() } }));
  const wsUrl = `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/graphql`;
  const ws = lazyWsLink(wsUrl, authorization);
  const errors = new ErrorLink(({ error }) => {
    if (CombinedGraphQLErrors.is(error)) {
      const expired = error.errors.find((e) => e.extensions?.code === "UNAUTHENTICATED");
      if (expired) reportExpired(expired.message);
    }
  });
  const link = ApolloLink.split(
    ({ operationType }) => operationType === OperationTypeNode.SUBSCRIPTION,
    ws,
    ApolloLink.from([errors, auth, http]),
  );
  return new ApolloClient({ link, cache: new InMemoryCache({ typePolicies: { Department: { keyFields: ["code"] } } }) });
}
