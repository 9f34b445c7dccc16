export { startCounty, countyDatabase, type CountyServiceOptions, type RunningCounty } from "./service.js";
export { buildCountySchema } from "./schema.js";
