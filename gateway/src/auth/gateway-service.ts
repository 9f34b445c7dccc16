import { Role, type Identity } from "@ssj/shared";

/** The gateway's own calls (the shard map, the registry watch, its upstream subscriptions) are made as a platform service. */
export const GATEWAY_SERVICE: Identity = { sub: "gateway", role: Role.SERVICE };
