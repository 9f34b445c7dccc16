/**
 * The compatibility suite's `products` subgraph as a process, served as our subgraphs are served
 * (`startService`). `PORT` (default 4001, where the suite looks for it), `HOST` (default 127.0.0.1).
 * `--print-sdl` prints the subgraph SDL and exits. Sends `ready` to a parent process over IPC.
 */
import "reflect-metadata";
import { startService } from "@ssj/shared";
import { buildProductsSchema } from "./schema.js";

const { schema, sdl } = await buildProductsSchema();
if (process.argv.includes("--print-sdl")) {
  process.stdout.write(sdl);
  process.exit(0);
}

const service = await startService({
  name: "conformance-products",
  schema,
  port: Number(process.env.PORT ?? 4001),
  host: process.env.HOST ?? "127.0.0.1",
  context: async () => ({}),
  // The suite checks federated tracing (ftv1), which our services leave off by default.
  inlineTrace: true,
});
console.log(`products subgraph ready at ${service.url}`);
process.send?.("ready");

const stop = async () => {
  await service.stop();
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
