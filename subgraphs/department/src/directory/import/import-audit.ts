import type { MikroORM } from "@mikro-orm/core";
import { actorOf, appendAudit, PUBLIC_IDENTITY, type Identity } from "@ssj/shared";
import type { Request } from "express";

/**
 * A refused CSV import goes into the `mutations` chain like a refused mutation (same payload shape,
 * action `importSubjects`), so auditors see it in `auditLog(filter: { outcome: REFUSED })`. Written
 * before the refusal is answered; a failure to write is logged, never hidden as success.
 */
export async function logRefusedImport(orm: MikroORM, req: Request, identity: Identity | undefined, code: string): Promise<void> {
  const who = identity ?? PUBLIC_IDENTITY;
  const payload = {
    operation: "POST /import/subjects",
    fields: ["importSubjects"],
    variables: {
      department: String(req.query.department ?? ""),
      mode: String(req.query.mode ?? ""),
      encoding: String(req.query.encoding ?? ""),
    },
    role: who.role,
    department: who.department ?? null,
    outcome: "refused",
    errors: [code],
  };
  try {
    await orm.em.fork().transactional((tx) => appendAudit(tx, "mutations", "importSubjects", actorOf(who), payload, payload));
  } catch (e) {
    console.error("audit log write failed", e);
  }
}
