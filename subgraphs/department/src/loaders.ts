import type { EntityManager } from "@mikro-orm/core";
import { groupLoader, rowLoader } from "@ssj/shared";
import { SupervisionRecordChange } from "./directory/record-change.entity.js";
import { findRecordRows, type RecordColumn, type SupervisionRecordRow } from "./directory/record-rows.js";
import { SupervisionRecord } from "./directory/supervision-record.entity.js";
import { Expert } from "./inspectors/expert.entity.js";
import { Inspector, InspectorConflict, InspectorStatusChange } from "./inspectors/inspector.entity.js";
import { Matter } from "./matters/matter.entity.js";

/** Every relation and entity reference of the department subgraph, batched per request. */
export function createLoaders(em: EntityManager) {
  type RecordRowLoader = ReturnType<typeof rowLoader<string, SupervisionRecordRow>>;
  const recordRowLoaders = new Map<string, RecordRowLoader>();
  return {
    matter: rowLoader(
      (ids: readonly number[]) => em.find(Matter, { id: { $in: [...ids] } }),
      (m) => m.id,
    ),
    matterVersions: groupLoader(
      (codes: readonly string[]) => em.find(Matter, { code: { $in: [...codes] } }, { orderBy: { version: "asc" } }),
      (m) => m.code,
    ),
    recordByUscc: rowLoader(
      (usccs: readonly string[]) => em.find(SupervisionRecord, { uscc: { $in: [...usccs] } }),
      (r) => r.uscc,
    ),
    /**
     * `Subject.records` of an entity fetch: read-only plain rows of the selected columns, removed records
     * left out. One loader per column set: every subject of one fetch asks for the same set.
     */
    currentRecordRowByUscc(columns: readonly RecordColumn[]): RecordRowLoader {
      const key = columns.join(",");
      let loader = recordRowLoaders.get(key);
      if (!loader)
        recordRowLoaders.set(
          key,
          (loader = rowLoader(
            (usccs: readonly string[]) => findRecordRows(em, usccs, columns),
            (r) => r.uscc,
          )),
        );
      return loader;
    },
    recordHistory: groupLoader(
      (ids: readonly number[]) => em.find(SupervisionRecordChange, { recordId: { $in: [...ids] } }, { orderBy: { id: "asc" } }),
      (c) => c.recordId,
    ),
    inspector: rowLoader(
      (ids: readonly number[]) => em.find(Inspector, { id: { $in: [...ids] } }),
      (i) => i.id,
    ),
    inspectorStatusHistory: groupLoader(
      (ids: readonly number[]) => em.find(InspectorStatusChange, { inspectorId: { $in: [...ids] } }, { orderBy: { id: "asc" } }),
      (c) => c.inspectorId,
    ),
    inspectorConflicts: groupLoader(
      (ids: readonly number[]) =>
        em.find(InspectorConflict, { inspectorId: { $in: [...ids] }, withdrawnAt: null }, { orderBy: { id: "asc" } }),
      (c) => c.inspectorId,
    ),
    expert: rowLoader(
      (ids: readonly number[]) => em.find(Expert, { id: { $in: [...ids] } }),
      (e) => e.id,
    ),
  };
}

export type DepartmentLoaders = ReturnType<typeof createLoaders>;
