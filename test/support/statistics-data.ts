import type { MikroORM } from "@mikro-orm/core";
import { HandlingDecision } from "../../subgraphs/county/src/handling/handling.entity.js";
import { Finding } from "../../subgraphs/county/src/inspections/finding.entity.js";
import { InspectionReport } from "../../subgraphs/county/src/inspections/report.entity.js";
import { Plan } from "../../subgraphs/county/src/plans/plan.entity.js";
import { UnplannedInspection } from "../../subgraphs/county/src/unplanned/unplanned.entity.js";
import { Visit } from "../../subgraphs/county/src/visits/visit.entity.js";

/**
 * Writes rows straight into the county's books, in the shape the inspection life leaves them: the statistics
 * tests need a data set whose every figure is known by hand, which the whole plan → draw → visit → report life
 * through the API would make far longer to build than the figures are to check.
 */
export class CountyBooks {
  private readonly em;
  private next = 1;
  constructor(orm: MikroORM) {
    this.em = orm.em.fork();
  }

  plan(departments: string[], windowStart: string): Plan {
    return this.em.create(Plan, {
      name: `计划 ${windowStart}`,
      kind: departments.length > 1 ? "JOINT" : "DEPARTMENT",
      leadDepartment: departments[0],
      departments,
      departmentsKey: `|${departments.join("|")}|`,
      matters: [],
      scopeRegions: [],
      scopeCategories: [],
      scopeSupervisionTypes: [],
      ratios: { FLAGGED: 1, D: 1, C: 1, B: 1, A: 1 },
      windowStart,
      windowEnd: windowStart.replace(/-\d\d-\d\d$/, "-12-31"),
      minInspectors: 2,
      allowBorrowing: false,
      createdBy: "test",
    } as never) as Plan;
  }

  visit(v: { plan?: Plan | null; stratum: string; status: string; inspectors: Record<string, string[]>; createdAt: string }): Visit {
    const people = Object.values(v.inspectors).flat();
    return this.em.create(Visit, {
      drawId: v.plan ? 1 : null,
      planId: v.plan ? v.plan.id : null,
      uscc: "91510000MA00000000",
      stratum: v.stratum,
      ticket: "",
      rank: this.next++,
      matters: [],
      matterCodes: [],
      inspectors: v.inspectors,
      inspectorsKey: `|${people.join("|")}|`,
      departmentsKey: `|${Object.keys(v.inspectors).join("|")}|`,
      experts: [],
      status: v.status,
      createdAt: new Date(v.createdAt),
    } as never) as Visit;
  }

  finding(visit: Visit, matter: string, result: string): Finding {
    return this.em.create(Finding, {
      visitId: visit.id,
      department: matter.split(":")[0],
      matter,
      result,
      description: "—",
      recordedBy: "test",
    } as never) as Finding;
  }

  report(visit: Visit, department: string, r: { due: string; submittedAt?: string; publishedLate?: boolean; published?: boolean }) {
    return this.em.create(InspectionReport, {
      visitId: visit.id,
      department,
      inspectionTime: "",
      content: "",
      steps: "",
      findings: "",
      evaluation: "",
      handling: "",
      dueDate: r.due,
      publishDueDate: r.due,
      submittedAt: r.submittedAt ? new Date(r.submittedAt) : null,
      publishedAt: r.published ? new Date(r.submittedAt!) : null,
      publishedLate: r.publishedLate ?? false,
    } as never);
  }

  unplanned(visit: Visit, flagged: boolean) {
    return this.em.create(UnplannedInspection, {
      visitId: visit.id,
      department: visit.departmentsKey.split("|")[1],
      legalBasis: "—",
      reason: flagged ? "TARGETED" : "COMPLAINT",
      referenceNumber: flagged ? null : "12315-1",
      flagged,
      recordedBy: "test",
    } as never);
  }

  handling(finding: Finding, d: Partial<HandlingDecision>) {
    return this.em.create(HandlingDecision, {
      visitId: finding.visitId,
      findingId: finding.id,
      department: finding.department,
      matter: finding.matter,
      uscc: "91510000MA00000000",
      decidedBy: "test",
      ...d,
    } as never);
  }

  flush() {
    return this.em.flush();
  }
}
