import type { MikroORM } from "@mikro-orm/core";
import {
  actorOf,
  AppError,
  auditRefusal,
  countQueries,
  DEPARTMENT_CODE_PATTERN,
  mutationAuditPlugin,
  openDatabase,
  requireText,
  Issuer,
  startService,
  type KeySetSource,
  type PrivateKeySource,
  type RunningService,
  ErrorCode,
} from "@ssj/shared";
import type { DepartmentContext, DepartmentIdentity } from "./context.js";
import { mountImportRoute } from "./directory/import/import.route.js";
import { mountPoolRoutes } from "./pool/pool.route.js";
import { mountRiskClassRoute } from "./directory/risk-class.route.js";
import { entities } from "./entities.js";
import { createLoaders } from "./loaders.js";
import { migrations } from "./migrations/index.js";
import { BooksChangeSubscriber } from "./department/books-cache.js";
import { buildDepartmentSchema } from "./schema.js";

export interface DepartmentServiceOptions {
  code: string;
  name: string;
  /** `postgres://…` or the path of the SQLite file. */
  databaseUrl: string;
  port: number;
  host?: string;
  /** This instance's own private key set (published at /.well-known/jwks.json); nobody accepts it as a user identity. */
  keys: PrivateKeySource;
  /** Whom this instance believes: the gateway for users' identities, the county for its own pool requests. */
  trust: { gateway: KeySetSource; county: KeySetSource };
  /** Scrape token of GET /metrics (METRICS_TOKEN). */
  metricsToken?: string;
}

export interface RunningDepartment extends RunningService {
  department: DepartmentIdentity;
  orm: MikroORM;
}

export const departmentDatabase = (url: string) => ({ url, entities, migrations });

/** Starts one department instance: its own database, the shared department contract. */
export async function startDepartment(opts: DepartmentServiceOptions): Promise<RunningDepartment> {
  if (!DEPARTMENT_CODE_PATTERN.test(opts.code)) throw new AppError(ErrorCode.BAD_CONFIGURATION, `部门编码「${opts.code}」不合法`);
  const department = { code: opts.code, name: requireText(opts.name, "name", "部门名称") };
  const orm = await openDatabase(departmentDatabase(opts.databaseUrl));
  orm.em.getEventManager().registerSubscriber(new BooksChangeSubscriber());
  const { schema } = await buildDepartmentSchema();
  const sql = countQueries(orm);
  const service = await startService<DepartmentContext>({
    name: `department:${department.code}`,
    schema,
    port: opts.port,
    host: opts.host,
    context: async (_req, identity) => {
      const em = orm.em.fork();
      return { department, em, loaders: createLoaders(em), identity, actor: actorOf(identity) };
    },
    auth: {
      trusted: {
        [Issuer.GATEWAY]: { keys: opts.trust.gateway, purpose: "users" },
        [Issuer.COUNTY]: { keys: opts.trust.county, purpose: "service" },
      },
      keys: opts.keys,
      onRefused: (info) => auditRefusal(orm, info),
    },
    metricsToken: opts.metricsToken,
    plugins: [mutationAuditPlugin(orm)],
    ready: () => orm.isConnected(),
    metrics: () => ({ ssj_sql_statements_total: sql.count }),
    routes: (app) => {
      mountImportRoute(app, department, orm);
      mountPoolRoutes(app, department, orm);
      mountRiskClassRoute(app, department, orm);
    },
    onStop: () => orm.close(true),
  });
  return { ...service, department, orm };
}
