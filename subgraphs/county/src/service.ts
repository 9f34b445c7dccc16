import type { MikroORM } from "@mikro-orm/core";
import {
  actorOf,
  auditRefusal,
  createEventBus,
  mutationAuditPlugin,
  openDatabase,
  rowLoader,
  startService,
  type EventBus,
  type EventBusConfig,
  type Identity,
  type RunningService,
} from "@ssj/shared";
import type { CountyContext } from "./context.js";
import { DepartmentClient } from "./departments/department-client.js";
import { mountRecordRoute } from "./draws/record.route.js";
import { Department } from "./departments/department.entity.js";
import { entities } from "./entities.js";
import { EvidenceStore } from "./inspections/evidence-store.js";
import { mountEvidenceRoutes, mountReportPdfRoute } from "./inspections/visit-files.route.js";
import { EventPublisher } from "./events/publisher.js";
import { migrations } from "./migrations/index.js";
import { buildCountySchema } from "./schema.js";

export interface CountyServiceOptions {
  databaseUrl: string;
  port: number;
  host?: string;
  /** The platform's internal secret: requests must carry an identity signed with it; the county signs its own calls with it. */
  internalSecret: string;
  /** The event bus: Redis when `events.redisUrl` is set (several county instances), else in-process. */
  events?: EventBusConfig;
  /** Where evidence files are stored, content-addressed (default `data/evidence`). */
  evidenceDir?: string;
  /** Largest evidence file accepted, in bytes (default 50 MB). */
  evidenceMaxBytes?: number;
}

export interface RunningCounty extends RunningService {
  orm: MikroORM;
  bus: EventBus;
}

export const countyDatabase = (url: string) => ({ url, entities, migrations });

export async function startCounty(opts: CountyServiceOptions): Promise<RunningCounty> {
  const orm = await openDatabase(countyDatabase(opts.databaseUrl));
  const bus = await createEventBus(opts.events);
  orm.em.getEventManager().registerSubscriber(new EventPublisher(bus));
  const { schema } = await buildCountySchema();
  const client = new DepartmentClient(opts.internalSecret);
  const context = async (identity: Identity): Promise<CountyContext> => {
    const em = orm.em.fork();
    return {
      em,
      loaders: {
        departmentByCode: rowLoader(
          (codes: readonly string[]) => em.find(Department, { code: { $in: [...codes] } }),
          (d) => d.code,
        ),
      },
      identity,
      actor: actorOf(identity),
      client,
      bus,
    };
  };
  const service = await startService<CountyContext>({
    name: "county",
    schema,
    port: opts.port,
    host: opts.host,
    context: (_req, identity) => context(identity),
    subscriptions: { context: (_req, identity) => context(identity) },
    auth: { secret: opts.internalSecret, onRefused: (info) => auditRefusal(orm, info) },
    plugins: [mutationAuditPlugin(orm)],
    metrics: () => {
      const s = bus.stats();
      return { event_bus_subscribers: s.subscribers, event_bus_dropped_total: s.dropped, event_bus_published_total: s.published };
    },
    ready: () => orm.isConnected(),
    routes: (app) => {
      mountRecordRoute(app, orm);
      mountReportPdfRoute(app, orm);
      mountEvidenceRoutes(app, orm, new EvidenceStore(opts.evidenceDir ?? "data/evidence", opts.evidenceMaxBytes ?? 50 * 1024 * 1024));
    },
    onStop: async () => {
      await bus.close();
      await orm.close(true);
    },
  });
  return { ...service, orm, bus };
}
