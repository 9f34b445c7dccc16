export { startDepartment, departmentDatabase, type DepartmentServiceOptions, type RunningDepartment } from "./service.js";
export { buildDepartmentSchema } from "./schema.js";
export { entities as departmentEntities } from "./entities.js";
/** The directory importer alone, for `npm run bench:import` (no HTTP, no federation). */
export { importSubjects } from "./directory/import/import.service.js";
export { splitSubjectRecords, SUBJECT_RECORDS_MEMBER } from "./subject-records-view.js";
