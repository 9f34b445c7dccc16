import "reflect-metadata";
import { InProcessEventBus, openDatabase } from "@ssj/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countyDatabase } from "../service.js";
import { CountyEvent } from "./event.entity.js";
import type { EventMessage } from "./message.js";
import { EventPublisher } from "./publisher.js";
import { recordEvent } from "./record.js";
import type { MikroORM } from "@mikro-orm/core";

describe("recordEvent", () => {
  let orm: MikroORM;
  const bus = new InProcessEventBus();
  beforeAll(async () => {
    orm = await openDatabase(countyDatabase(":memory:"));
    orm.em.getEventManager().registerSubscriber(new EventPublisher(bus));
  });
  afterAll(async () => {
    await orm.close(true);
  });

  it("stores the event with the transaction and publishes it only after the commit", async () => {
    const stream = bus.subscribe<EventMessage>("t");
    let stored: number | undefined;
    await orm.em.fork().transactional(async (tx) => {
      recordEvent(tx, { topic: "t", kind: "A", key: "k1", data: { plan: 7 } });
      await tx.flush();
      expect(bus.stats().published).toBe(0);
      stored = await tx.count(CountyEvent, { key: "k1" });
    });
    expect(stored).toBe(1);
    const { value } = await stream.next();
    expect(value).toMatchObject({ topic: "t", kind: "A", key: "k1", data: { plan: 7 } });
    expect(value!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    const row = await orm.em.fork().findOneOrFail(CountyEvent, { id: value!.id });
    expect(row.at.toISOString()).toBe(value!.at);
    stream.close();
  });

  it("publishes nothing when the transaction rolls back", async () => {
    const before = bus.stats().published;
    await expect(
      orm.em.fork().transactional(async (tx) => {
        recordEvent(tx, { topic: "t", kind: "A", key: "k2" });
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    expect(bus.stats().published).toBe(before);
    expect(await orm.em.fork().count(CountyEvent, { key: "k2" })).toBe(0);
  });

  it("publishes events of a nested transaction when the outer one commits, in order", async () => {
    const stream = bus.subscribe<EventMessage>("t");
    const before = bus.stats().published;
    let during = -1;
    await orm.em.fork().transactional(async (tx) => {
      recordEvent(tx, { topic: "t", kind: "OUTER", key: "k3" });
      await tx.transactional(async (inner) => {
        recordEvent(inner, { topic: "t", kind: "INNER", key: "k3" });
      });
      during = bus.stats().published;
    });
    expect(during).toBe(before);
    expect(bus.stats().published).toBe(before + 2);
    expect((await stream.next()).value!.kind).toBe("OUTER");
    expect((await stream.next()).value!.kind).toBe("INNER");
    stream.close();
  });

  it("publishes nothing of a nested transaction that rolls back, and the outer one's events after its commit", async () => {
    const stream = bus.subscribe<EventMessage>("t");
    const before = bus.stats().published;
    await orm.em.fork().transactional(async (tx) => {
      recordEvent(tx, { topic: "t", kind: "KEPT", key: "k4" });
      await tx.flush(); // written before the savepoint, so its rollback cannot take it along
      await expect(
        tx.transactional(async (inner) => {
          recordEvent(inner, { topic: "t", kind: "UNDONE", key: "k4" });
          await inner.flush();
          throw new Error("inner fails");
        }),
      ).rejects.toThrow("inner fails");
    });
    expect(bus.stats().published).toBe(before + 1);
    expect((await stream.next()).value!.kind).toBe("KEPT");
    expect((await orm.em.fork().find(CountyEvent, { key: "k4" })).map((e) => e.kind)).toEqual(["KEPT"]);
    stream.close();
  });

  it("publishes each event once: a later transaction on the same EntityManager does not publish earlier events again", async () => {
    const em = orm.em.fork();
    const before = bus.stats().published;
    await em.transactional(async (tx) => void recordEvent(tx, { topic: "t", kind: "FIRST", key: "k5" }));
    await em.transactional(async (tx) => void recordEvent(tx, { topic: "t", kind: "SECOND", key: "k5" }));
    expect(bus.stats().published).toBe(before + 2);
  });

  it("refuses to record outside a transaction", () => {
    expect(() => recordEvent(orm.em.fork(), { topic: "t", kind: "A", key: "k" })).toThrow(/inside em.transactional/);
  });
});
