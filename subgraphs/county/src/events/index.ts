export { CountyEvent } from "./event.entity.js";
export { Topic, toMessage, type EventMessage } from "./message.js";
export { recordEvent, type NewEvent } from "./record.js";
export { EventPublisher } from "./publisher.js";
export { DepartmentChange, DepartmentChangeKind } from "./department-change.type.js";
export { DepartmentChangeResolver } from "./department-change.resolver.js";
export { recordDepartmentChange } from "./department-events.js";
