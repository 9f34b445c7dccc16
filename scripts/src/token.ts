/**
 * `npm run token -- --role county_coordinator [--department market] [--inspector 1] [--sub id]` prints a
 * user token of the demo identity provider; `npm run token -- --demo` prints one for each demo user.
 * Paste it in the IDE's Headers tab as {"Authorization": "Bearer <token>"}.
 */
import { ROLES, type Identity } from "@ssj/shared";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEMO_USERS, loadSecrets, mint } from "./lib/secrets.js";

const USAGE = `npm run token -- --role ROLE [--department CODE] [--inspector ID] [--sub ID] [--name 姓名] [--expires 12h]
npm run token -- --demo          a token for each demo user

Prints a user token of the demo identity provider (key in data/.secrets.json, made by npm start).
Roles: ${ROLES.filter((r) => r !== "public" && r !== "service").join(", ")}
Use it in the IDE's Headers tab as {"Authorization": "Bearer <token>"}.`;

const options = {
  help: { type: "boolean", short: "h", default: false },
  role: { type: "string" },
  department: { type: "string" },
  inspector: { type: "string" },
  sub: { type: "string" },
  name: { type: "string" },
  expires: { type: "string", default: "12h" },
  demo: { type: "boolean", default: false },
  "data-dir": { type: "string", default: process.env.DATA_DIR ?? resolve(import.meta.dirname, "../../data") },
} as const;
let a: ReturnType<typeof parseArgs<{ options: typeof options }>>["values"];
try {
  a = parseArgs({ options }).values;
} catch (e) {
  // an unknown or malformed option: say what is wrong and how to call it, without a stack trace
  console.error(`${(e as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
if (a.help) {
  console.log(USAGE);
  process.exit(0);
}
let secrets: ReturnType<typeof loadSecrets>;
try {
  secrets = loadSecrets(a["data-dir"]!, false);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
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
