import type { EntityManager, MikroORM } from "@mikro-orm/core";
import { Department } from "../departments/department.entity.js";
import type { DepartmentClient } from "../departments/department-client.js";
import { ReferralState } from "./handling-kind.js";
import { HandlingDecision } from "./handling.entity.js";
import { workingCalendar } from "../inspections/calendar.service.js";
import { checkAnswerWorkingDays, DEFAULT_REFERRAL_ANSWER_WORKING_DAYS, referralAnswerDue } from "./referral-deadline.js";
import { ReferralOutbox } from "./referral-outbox.entity.js";

export interface ReferralDeliveryOptions {
  /** How often the outbox is swept (default 5 s); a new referral is also sent at once. */
  intervalMs?: number;
  /** First retry delay after a failed attempt, doubled per attempt (default 5 s) … */
  baseBackoffMs?: number;
  /** … up to this (default 10 minutes). */
  maxBackoffMs?: number;
  /** Working days the receiver has to answer, from delivery (default 10; referral-deadline.ts). */
  answerWorkingDays?: number;
}

/** The department contract's receiving mutation; the receiver stores a referral id once. */
export const RECEIVE_REFERRAL = `mutation ReceiveReferral($department: String!, $input: ReferralDeliveryInput!) {
  receiveReferral(department: $department, input: $input) { id status }
}`;

/**
 * Delivers the referral outbox (docs/handling.md): each due row is claimed with a guarded UPDATE (so two
 * county instances do not send it at the same moment), sent to the receiving department's own instance
 * signed with the county's service key, and marked delivered only when that instance confirms. A department
 * that is down or refuses is retried with exponential backoff; since the receiver keys on the referral id, a
 * confirmation lost on the way back costs one repeated call, never a second referral.
 */
export class ReferralDelivery {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private readonly interval: number;
  private readonly base: number;
  private readonly max: number;
  private readonly answerDays: number;

  constructor(
    private readonly orm: MikroORM,
    private readonly client: DepartmentClient,
    opts: ReferralDeliveryOptions = {},
  ) {
    this.interval = opts.intervalMs ?? 5000;
    this.base = opts.baseBackoffMs ?? 5000;
    this.max = opts.maxBackoffMs ?? 10 * 60_000;
    this.answerDays = checkAnswerWorkingDays(opts.answerWorkingDays ?? DEFAULT_REFERRAL_ANSWER_WORKING_DAYS);
  }

  start(): void {
    this.timer = setInterval(() => this.kick(), this.interval);
    this.timer.unref();
    this.kick();
  }

  /** Sweeps now (or once more after the sweep under way). */
  kick(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.sweep()
      .catch((e) => console.error("referral delivery failed", e))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.again = false;
    await this.running;
  }

  private async sweep(): Promise<void> {
    const em = this.orm.em.fork();
    const due = await em.find(
      ReferralOutbox,
      { deliveredAt: null, nextAttemptAt: { $lte: new Date() } },
      { orderBy: { id: "asc" }, limit: 50 },
    );
    for (const row of due) await this.deliver(em, row);
  }

  private async deliver(em: EntityManager, row: ReferralOutbox): Promise<void> {
    // Claim: push the next attempt past this call's deadline; whoever loses the race leaves the row alone.
    const lease = new Date(Date.now() + 60_000);
    const claimed = await em.nativeUpdate(
      ReferralOutbox,
      { id: row.id, deliveredAt: null, nextAttemptAt: row.nextAttemptAt },
      { nextAttemptAt: lease },
    );
    if (claimed !== 1) return;
    try {
      const department = await em.findOne(Department, { code: row.toDepartment });
      if (!department) throw new Error(`department ${row.toDepartment} is not registered`);
      await this.client.graphql(department, RECEIVE_REFERRAL, { department: row.toDepartment, input: JSON.parse(row.payload) as unknown });
      const deliveredAt = new Date();
      const due = referralAnswerDue(await workingCalendar(em), deliveredAt, this.answerDays);
      await em.transactional(async (tx) => {
        await tx.nativeUpdate(
          ReferralOutbox,
          { id: row.id },
          { deliveredAt, nextAttemptAt: deliveredAt, lastError: null, attempts: row.attempts + 1 },
        );
        await tx.nativeUpdate(
          HandlingDecision,
          { id: row.id, referralState: ReferralState.PENDING_DELIVERY },
          {
            referralState: ReferralState.RECEIVED,
            referralStateAt: deliveredAt,
            answerDue: due.date,
            answerDueProvisional: due.provisional,
          },
        );
      });
    } catch (e) {
      const attempts = row.attempts + 1;
      const delay = Math.min(this.max, this.base * 2 ** Math.min(attempts - 1, 20));
      await em.nativeUpdate(
        ReferralOutbox,
        { id: row.id },
        { attempts, nextAttemptAt: new Date(Date.now() + delay), lastError: String(e instanceof Error ? e.message : e).slice(0, 2000) },
      );
    }
  }
}
