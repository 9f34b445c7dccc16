/**
 * Every service serves GraphQL at `<base>/graphql` and its other routes (/healthz, /readyz, /metrics, /pool,
 * /import, /draws) beside it; services and tools know each other by the GraphQL URL only. This is the one
 * place that turns one into the other.
 */
export function serviceRoute(graphqlUrl: string, path: string): string {
  return graphqlUrl.replace(/\/graphql\/?$/, path.startsWith("/") ? path : `/${path}`);
}
