export { startCounty, countyDatabase, type CountyServiceOptions, type RunningCounty } from "./service.js";
export { buildCountySchema } from "./schema.js";
// one step of a draw without HTTP: scripts/src/bench/draw-steps.ts times execute and publish on a seeded copy
export { executeDraw } from "./draws/draw.execute.js";
export { publishDraw } from "./draws/draw.service.js";
