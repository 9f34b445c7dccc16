import type { MikroORM } from "@mikro-orm/core";
import { mountResultsExportRoute } from "./credit/results-export.route.js";
import {
  actorOf,
  auditRefusal,
  countQueries,
  CheckpointSigner,
  createEventBus,
  mutationAuditPlugin,
  openDatabase,
  rowLoader,
  startService,
  type EventBus,
  type EventBusConfig,
  Issuer,
  type Identity,
  type KeySetSource,
  type PrivateKeySource,
  type PublishedKey,
  type RunningService,
} from "@ssj/shared";
import type { CountyContext } from "./context.js";
import { lowerUnits } from "./departments/lower-units.js";
import { DepartmentClient } from "./departments/department-client.js";
import { mountRecordRoute } from "./draws/record.route.js";
import { Department } from "./departments/department.entity.js";
import { entities } from "./entities.js";
import { EvidenceStore } from "./inspections/evidence-store.js";
import { mountEvidenceRoutes, mountReportPdfRoute } from "./inspections/visit-files.route.js";
import { EventPublisher } from "./events/publisher.js";
import { migrations } from "./migrations/index.js";
import { registerCheckpointKeys } from "./audit/checkpoints.js";
import { discloseEndedWindows } from "./draws/disclosure.js";
import "./inspections/disclosure-hook.js";
import { buildCountySchema } from "./schema.js";
import { ReferralDelivery, type ReferralDeliveryOptions } from "./handling/index.js";

export interface CountyServiceOptions {
  databaseUrl: string;
  port: number;
  host?: string;
  /** The county's own private key set: it signs the county's calls to departments (first key) and is published at /.well-known/jwks.json. */
  keys: PrivateKeySource;
  /** The gateway's public key set: the only signer of users' identities the county believes. */
  gatewayKeys: KeySetSource;
  /** Scrape token of GET /metrics (METRICS_TOKEN). */
  metricsToken?: string;
  /** The event bus: Redis when `events.redisUrl` is set (several county instances), else in-process. */
  events?: EventBusConfig;
  /**
   * The Ed25519 key that signs audit-chain checkpoints (docs/draw-record.md). It must not live in the
   * database; `main.ts` reads it from `CHECKPOINT_KEY_FILE`. Omitted: a fresh key for this process (tests).
   */
  checkpointKey?: CheckpointSigner;
  /** How often AFTER_WINDOW draws whose window has ended are disclosed (default 5 minutes). */
  disclosureSweepMs?: number;
  /** Public keys of earlier (rotated) checkpoint keys, still accepted when verifying. */
  trustedCheckpointKeys?: PublishedKey[];
  /** Where evidence files are stored, content-addressed (default `data/evidence`). */
  evidenceDir?: string;
  /** Largest evidence file accepted, in bytes (default 50 MB). */
  evidenceMaxBytes?: number;
  /** The referral outbox's sweep and retry backoff (docs/handling.md). */
  referralDelivery?: ReferralDeliveryOptions;
}

export interface RunningCounty extends RunningService {
  orm: MikroORM;
  bus: EventBus;
}

export const countyDatabase = (url: string) => ({ url, entities, migrations });

export async function startCounty(opts: CountyServiceOptions): Promise<RunningCounty> {
  const orm = await openDatabase(countyDatabase(opts.databaseUrl));
  const sql = countQueries(orm);
  registerCheckpointKeys(orm.em, opts.checkpointKey ?? CheckpointSigner.generate(), opts.trustedCheckpointKeys);
  const bus = await createEventBus(opts.events);
  orm.em.getEventManager().registerSubscriber(new EventPublisher(bus));
  const { schema } = await buildCountySchema();
  const client = new DepartmentClient({ issuer: Issuer.COUNTY, keys: opts.keys });
  const delivery = new ReferralDelivery(orm, client, opts.referralDelivery);
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
      oversees: await lowerUnits(em, identity),
      actor: actorOf(identity),
      client,
      bus,
      referralDelivery: delivery,
    };
  };
  // AFTER_WINDOW draws are disclosed when their window ends: checked at start, then every few minutes.
  const sweep = () => void discloseEndedWindows(orm.em.fork()).catch((e) => console.error("disclosure sweep failed", e));
  const timer = setInterval(sweep, opts.disclosureSweepMs ?? 5 * 60_000);
  timer.unref();
  sweep();
  delivery.start();
  const service = await startService<CountyContext>({
    name: "county",
    schema,
    port: opts.port,
    host: opts.host,
    context: (_req, identity) => context(identity),
    subscriptions: { context: (_req, identity) => context(identity) },
    auth: {
      trusted: { [Issuer.GATEWAY]: { keys: opts.gatewayKeys, purpose: "users" } },
      keys: opts.keys,
      onRefused: (info) => auditRefusal(orm, info),
    },
    metricsToken: opts.metricsToken,
    plugins: [mutationAuditPlugin(orm)],
    metrics: () => {
      const s = bus.stats();
      return {
        event_bus_subscribers: s.subscribers,
        event_bus_dropped_total: s.dropped,
        event_bus_published_total: s.published,
        ssj_sql_statements_total: sql.count,
      };
    },
    ready: () => orm.isConnected(),
    routes: (app) => {
      mountRecordRoute(app, orm);
      mountReportPdfRoute(app, orm);
      mountResultsExportRoute(app, orm);
      mountEvidenceRoutes(app, orm, new EvidenceStore(opts.evidenceDir ?? "data/evidence", opts.evidenceMaxBytes ?? 50 * 1024 * 1024));
    },
    onStop: async () => {
      clearInterval(timer);
      await delivery.stop();
      await bus.close();
      await orm.close(true);
    },
  });
  return { ...service, orm, bus };
}
