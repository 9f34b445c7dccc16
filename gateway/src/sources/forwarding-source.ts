import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { IDENTITY_HEADER, PUBLIC_IDENTITY, type SignedIdentityCache } from "@ssj/shared";
import type { GatewayContext } from "../context.js";

/** Every subgraph call carries the caller's identity, signed and bound to the query sent (a recent token reused). */
export class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    config: ConstructorParameters<typeof RemoteGraphQLDataSource>[0],
    private readonly tokens: SignedIdentityCache,
  ) {
    super(config);
  }

  override async willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    for (const [k, v] of Object.entries(context?.forwardHeaders ?? {})) request.http?.headers.set(k, String(v));
    request.http?.headers.set(IDENTITY_HEADER, await this.tokens.sign(context?.identity ?? PUBLIC_IDENTITY, request.query ?? ""));
  }
}
