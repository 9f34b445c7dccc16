import { AuditEvent, ChainCheckpoint, IdempotencyKey } from "@ssj/shared";
import { Department } from "./departments/department.entity.js";
import { Draw, DrawPool, DrawRecordRow, RedrawRequest } from "./draws/draw.entity.js";
import { Plan } from "./plans/plan.entity.js";
import { Visit } from "./visits/visit.entity.js";
import { CountyEvent } from "./events/event.entity.js";
import { CeremonyCommitment } from "./draws/ceremony/commitment.entity.js";
import { inspectionEntities } from "./inspections/index.js";
import { handlingEntities } from "./handling/index.js";
import { creditEntities } from "./credit/index.js";
import { unplannedEntities } from "./unplanned/index.js";

/** The county database. */
export const entities = [
  Department,
  Plan,
  Draw,
  DrawPool,
  DrawRecordRow,
  RedrawRequest,
  Visit,
  AuditEvent,
  CountyEvent,
  CeremonyCommitment,
  IdempotencyKey,
  ChainCheckpoint,
  ...inspectionEntities,
  ...handlingEntities,
  ...creditEntities,
  ...unplannedEntities,
];
