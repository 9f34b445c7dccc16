export {
  DEFAULT_QUEUE_SIZE,
  SlowConsumerError,
  type EventBus,
  type EventBusStats,
  type EventStream,
  type SubscribeOptions,
} from "./event-bus.js";
export { SubscriberQueue } from "./queue.js";
export { InProcessEventBus } from "./memory-bus.js";
export { RedisEventBus, type RedisEventBusOptions } from "./redis-bus.js";
export { createEventBus, eventBusConfigFromEnv, type EventBusConfig } from "./create.js";
export { filterStream } from "./operators.js";
