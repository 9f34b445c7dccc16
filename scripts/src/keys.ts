/**
 * `npm run keys -- rotate <service>` rotates a local service's signing key without restarting anything
 * (service: gateway, county or department-<code>): the new public key is published beside the old one,
 * then the service signs with the new key; the others re-read the key files when they change.
 * `npm run keys -- create <service>` makes a key set for a new service (e.g. a department added later);
 * `npm run keys -- list` prints each service's key ids.
 */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { ensureServiceKeys, loadSecrets, rotateServiceKey } from "./lib/secrets.js";

const { values: a, positionals } = parseArgs({
  allowPositionals: true,
  options: { "data-dir": { type: "string", default: process.env.DATA_DIR ?? resolve(import.meta.dirname, "../../data") } },
});
const secrets = loadSecrets(a["data-dir"]!, false);
const [command, service] = positionals;
const known = service !== undefined && /^(gateway|county|department-[a-z][a-z0-9-]{1,31})$/.test(service);
if (command === "create" && known) {
  console.log(`${service}: private key set ${ensureServiceKeys(secrets, service!).privateFile}`);
} else if (command === "rotate" && known) {
  console.log(`${service}: now signing with key ${rotateServiceKey(secrets, service!)}`);
} else if (command === "list") {
  for (const file of readdirSync(secrets.keysDir)
    .filter((f) => f.endsWith(".jwks.json"))
    .sort()) {
    const set = JSON.parse(readFileSync(resolve(secrets.keysDir, file), "utf8")) as { keys: { kid?: string }[] };
    console.log(`${file.replace(/\.jwks\.json$/, "").padEnd(24)} ${set.keys.map((k) => k.kid).join("  ")}`);
  }
} else {
  console.error("usage: npm run keys -- create|rotate <gateway|county|department-CODE> | list");
  process.exit(2);
}
