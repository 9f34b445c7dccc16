import { IDENTITY_HEADER, signIdentity, type Signer } from "@ssj/shared";
import { GATEWAY_SERVICE } from "../auth/gateway-service.js";
import type { SubscriptionEndpoint } from "../subscriptions/endpoint.js";

/**
 * Every gateway re-reads the department registry as soon as any county instance changes it, not only
 * after mutations that went through itself (the county publishes each change; with Redis, every
 * instance's changes). The shard map's TTL stays as the fallback while the county is unreachable.
 */
export function watchRegistry(endpoint: SubscriptionEndpoint, signer: Signer, onChange: () => void): void {
  endpoint.watch(
    "county",
    "subscription GatewayRegistryWatch { departmentChanged { id } }",
    async () => ({ [IDENTITY_HEADER]: await signIdentity(GATEWAY_SERVICE, signer) }),
    onChange,
  );
}
