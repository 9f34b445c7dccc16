export { startDepartment, departmentDatabase, type DepartmentServiceOptions, type RunningDepartment } from "./service.js";
export { buildDepartmentSchema } from "./schema.js";
export { entities as departmentEntities } from "./entities.js";
