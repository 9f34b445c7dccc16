/**
 * `npm run token -- --role county_coordinator [--department market] [--inspector 1] [--sub id]` prints a
 * user token of the demo identity provider; `npm run token -- --demo` prints one for each demo user.
 * Paste it in the IDE's Headers tab as {"Authorization": "Bearer <token>"}.
 */
import { ROLES, type Identity } from "@ssj/shared";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEMO_USERS, loadSecrets, mint } from "./lib/secrets.js";

const { values: a } = parseArgs({
  options: {
    role: { type: "string" },
    department: { type: "string" },
    inspector: { type: "string" },
    sub: { type: "string" },
    name: { type: "string" },
    expires: { type: "string", default: "12h" },
    demo: { type: "boolean", default: false },
    "data-dir": { type: "string", default: process.env.DATA_DIR ?? resolve(import.meta.dirname, "../../data") },
  },
});
const secrets = loadSecrets(a["data-dir"]!, false);
if (a.demo) {
  for (const u of DEMO_USERS)
    console.log(`# ${u.name} (${u.role}${u.department ? `, ${u.department}` : ""})\n${await mint(secrets, u, a.expires)}\n`);
} else {
  if (!a.role || !ROLES.includes(a.role as Identity["role"])) {
    console.error(`--role is one of: ${ROLES.filter((r) => r !== "public" && r !== "service").join(", ")}`);
    process.exit(2);
  }
  const identity: Identity = {
    sub: a.sub ?? `${a.role}.${a.department ?? "county"}`,
    role: a.role as Identity["role"],
    name: a.name,
    department: a.department,
    inspectorId: a.inspector,
  };
  console.log(await mint(secrets, identity, a.expires));
}
