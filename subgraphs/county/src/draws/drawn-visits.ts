import type { EntityManager } from "@mikro-orm/core";
import type { Visit } from "../visits/visit.entity.js";

/** What execute and publish sign and announce of each visit of a draw. */
export type DrawnVisit = Pick<Visit, "id" | "uscc" | "ticket" | "matters" | "inspectors" | "experts" | "departmentsKey">;

/**
 * A draw's visits in id order, as plain rows of the columns execute and publish use (the audit state and the
 * visit events). Why not `em.find(Visit)`: at county scale that hydrates 5,000 entities only to read seven
 * fields of each (≈ 0.2–0.35 s of each step in the profile, docs/performance.md). Runs in `em`'s transaction.
 */
export async function drawnVisits(em: EntityManager, drawId: number): Promise<DrawnVisit[]> {
  const rows = (await em
    .getConnection()
    .execute(
      "select id, uscc, ticket, matters, inspectors, experts, departments_key from visit where draw_id = ? order by id",
      [drawId],
      "all",
      em.getTransactionContext(),
    )) as Record<string, unknown>[];
  // SQLite hands JSON columns back as text, PostgreSQL's driver as parsed values
  const json = <T>(v: unknown) => (typeof v === "string" ? JSON.parse(v) : v) as T;
  return rows.map((r) => ({
    id: Number(r.id),
    uscc: r.uscc as string,
    ticket: r.ticket as string,
    matters: json<string[]>(r.matters),
    inspectors: json<Record<string, string[]>>(r.inspectors),
    experts: json<string[]>(r.experts),
    departmentsKey: r.departments_key as string,
  }));
}
