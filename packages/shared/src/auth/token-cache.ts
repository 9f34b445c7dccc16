import type { Identity } from "./identity.js";
import { queryHash, signIdentity, type Signer } from "./internal-token.js";
import { currentSigningKey } from "./keys.js";

/**
 * Signed identity tokens, reused: the same caller asking the same query of a subgraph again (a dashboard
 * refreshed by fifty clerks) gets the token signed for it a moment ago instead of a fresh Ed25519
 * signature. A token is reused for at most `reuseMs` (default 30 s) of its 120 s lifetime, so a reused
 * token always has more than a minute left; it stays bound to its query text, and a rotated signing key
 * is used at once (docs/performance.md). Subgraphs verify every token: a removed key is refused at once.
 */
export class SignedIdentityCache {
  private readonly tokens = new Map<string, { token: string; until: number }>();

  constructor(
    private readonly signer: Signer,
    private readonly reuseMs = 30_000,
    /** Entries kept at most; the map is emptied when full (simple, and bounded). */
    private readonly maxEntries = 10_000,
  ) {}

  async sign(identity: Identity, query = ""): Promise<string> {
    // the signing key's id is part of the key: after a key rotation the new key signs at once
    const { kid } = await currentSigningKey(this.signer.keys);
    const key = `${kid}\n${JSON.stringify(identity)}\n${queryHash(query)}`;
    const now = Date.now();
    const hit = this.tokens.get(key);
    if (hit && hit.until > now) return hit.token;
    const token = await signIdentity(identity, this.signer, query);
    if (this.tokens.size >= this.maxEntries) this.tokens.clear();
    this.tokens.set(key, { token, until: now + this.reuseMs });
    return token;
  }
}
