import type { EventSubscriber, TransactionEventArgs } from "@mikro-orm/core";
import type { EventBus } from "@ssj/shared";
import { toMessage } from "./message.js";
import { takePending } from "./record.js";

/**
 * A MikroORM subscriber that publishes the events of a transaction once it has committed, in the order
 * they were recorded, and drops them when it rolls back. Publishing never fails the (already committed)
 * change: an unreachable bus is logged; the event stays in the database.
 */
export class EventPublisher implements EventSubscriber {
  constructor(private readonly bus: EventBus) {}

  afterTransactionCommit(args: TransactionEventArgs): void {
    for (const e of takePending(args.em)) {
      const message = toMessage(e);
      this.bus
        .publish(message.topic, message)
        .catch((err: unknown) =>
          console.error(`[county] event ${message.id} (${message.topic}/${message.kind}) stored but not published: ${String(err)}`),
        );
    }
  }

  afterTransactionRollback(args: TransactionEventArgs): void {
    takePending(args.em);
  }
}
