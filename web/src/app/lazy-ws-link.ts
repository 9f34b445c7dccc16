import { ApolloLink } from "@apollo/client";
import { Observable, type Subscription } from "rxjs";

/**
 * Subscriptions over graphql-ws, with the graphql-ws client (and Apollo's link for it) loaded on the first
 * subscription: the public portal never subscribes, so its first load does not carry them
 * (docs/performance.md, "Web"). `connectionParams` is read at each connection, so a new sign-in is used.
 */
export function lazyWsLink(url: string, connectionParams: () => Record<string, string>): ApolloLink {
  let link: Promise<ApolloLink> | undefined;
  const load = async () => {
    const [{ GraphQLWsLink }, { createClient }] = await Promise.all([import("@apollo/client/link/subscriptions"), import("graphql-ws")]);
    return new GraphQLWsLink(createClient({ url, connectionParams, lazy: true, retryAttempts: 5 }));
  };
  return new ApolloLink(
    (operation, forward) =>
      new Observable((observer) => {
        let inner: Subscription | undefined;
        let closed = false;
        (link ??= load()).then(
          (ws) => {
            if (!closed) inner = ws.request(operation, forward).subscribe(observer);
          },
          (e: unknown) => observer.error(e),
        );
        return () => {
          closed = true;
          inner?.unsubscribe();
        };
      }),
  );
}
