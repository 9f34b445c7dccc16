import type { EventBus } from "./event-bus.js";
import { InProcessEventBus } from "./memory-bus.js";
import { RedisEventBus } from "./redis-bus.js";

export interface EventBusConfig {
  /** Redis URL: several instances share events. Absent: in-process bus (one instance). */
  redisUrl?: string;
  /** Channel prefix on Redis (default "ssj:"). */
  prefix?: string;
}

/**
 * The bus a service uses, chosen by configuration alone: `REDIS_URL` set → Redis, otherwise in-process.
 * With Redis, waits until the server answers so a wrong URL fails at start-up, not at the first event.
 */
export async function createEventBus(config: EventBusConfig = {}): Promise<EventBus> {
  if (!config.redisUrl) return new InProcessEventBus();
  const bus = new RedisEventBus({ url: config.redisUrl, prefix: config.prefix });
  try {
    await bus.connected();
  } catch (e) {
    await bus.close();
    throw e;
  }
  return bus;
}

/** `REDIS_URL` and `REDIS_PREFIX` from the environment. */
export function eventBusConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EventBusConfig {
  return { redisUrl: env.REDIS_URL || undefined, prefix: env.REDIS_PREFIX || undefined };
}
