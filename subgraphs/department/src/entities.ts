import { AuditEvent, IdempotencyKey } from "@ssj/shared";
import { SupervisionRecordChange } from "./directory/record-change.entity.js";
import { SupervisionRecord } from "./directory/supervision-record.entity.js";
import { Expert } from "./inspectors/expert.entity.js";
import { Inspector, InspectorConflict, InspectorStatusChange } from "./inspectors/inspector.entity.js";
import { Matter } from "./matters/matter.entity.js";
import { Referral } from "./referrals/index.js";
import { InspectionMatterTotal } from "./statistics/matter-total.entity.js";

/** The department database: one per department instance. */
export const entities = [
  Matter,
  SupervisionRecord,
  SupervisionRecordChange,
  Inspector,
  InspectorStatusChange,
  InspectorConflict,
  Expert,
  AuditEvent,
  IdempotencyKey,
  Referral,
  InspectionMatterTotal,
];
