import type { WorkingCalendar, CountedDate } from "@ssj/working-days";
import { chinaDateOf } from "@ssj/working-days";

/**
 * The receiving department answers a referral (accepts, declines with a reason, or closes it) within this many
 * working days of the day it reached its books. No statute fixes one period for every referral between
 * administrative departments, so this is our default, configurable per county (`REFERRAL_ANSWER_WORKING_DAYS`,
 * option `referralDelivery.answerWorkingDays`); docs/rules.md "Handling and referrals".
 */
export const DEFAULT_REFERRAL_ANSWER_WORKING_DAYS = 10;

/** The configured period, checked once at start so a typo stops the service instead of silently changing the rule. */
export function checkAnswerWorkingDays(days: number): number {
  if (!Number.isInteger(days) || days < 1 || days > 60)
    throw new RangeError(`REFERRAL_ANSWER_WORKING_DAYS must be a whole number of working days from 1 to 60, got ${days}`);
  return days;
}

/** The answer deadline of a referral delivered at `deliveredAt` (the day of delivery, China time, not counted). */
export function referralAnswerDue(calendar: WorkingCalendar, deliveredAt: Date, days: number): CountedDate {
  return calendar.addWorkingDays(chinaDateOf(deliveredAt), days);
}
