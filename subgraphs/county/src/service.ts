import type { MikroORM } from "@mikro-orm/core";
import { openDatabase, rowLoader, startService, type RunningService } from "@ssj/shared";
import type { CountyContext } from "./context.js";
import { Department } from "./departments/department.entity.js";
import { entities } from "./entities.js";
import { migrations } from "./migrations/index.js";
import { buildCountySchema } from "./schema.js";

export interface CountyServiceOptions {
  databaseUrl: string;
  port: number;
  host?: string;
}

export interface RunningCounty extends RunningService {
  orm: MikroORM;
}

export const countyDatabase = (url: string) => ({ url, entities, migrations });

export async function startCounty(opts: CountyServiceOptions): Promise<RunningCounty> {
  const orm = await openDatabase(countyDatabase(opts.databaseUrl));
  const { schema } = await buildCountySchema();
  const service = await startService<CountyContext>({
    name: "county",
    schema,
    port: opts.port,
    host: opts.host,
    context: async (req) => {
      const em = orm.em.fork();
      return {
        em,
        loaders: { departmentByCode: rowLoader((codes: readonly string[]) => em.find(Department, { code: { $in: [...codes] } }), (d) => d.code) },
        actor: String(req.headers["x-actor"] ?? "anonymous"),
      };
    },
    ready: () => orm.isConnected(),
    onStop: () => orm.close(true),
  });
  return { ...service, orm };
}
