// Runs the front-end unit tests: bundles each *.test.ts with esbuild, then `node --test`.
import { build } from "esbuild";
import { readdirSync, rmSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";

const here = dirname(fileURLToPath(import.meta.url));
// One folder per run, so two runs at once never wipe each other's bundles.
const out = join(here, ".test-build", String(process.pid));
const roots = ["renderer/test", "suites/html/test", "suites/dcc/test", "suites/table/test"];
const entries = roots
  .map((r) => join(here, r))
  .filter((d) => existsSync(d))
  .flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".test.ts")).map((f) => join(d, f)));

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: entries,
  outdir: out,
  outbase: here,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
const files = entries.map((e) => join(out, e.slice(here.length + 1).replace(/\.ts$/, ".mjs")));
const res = spawnSync(process.execPath, ["--test", ...files], { stdio: "inherit" });
rmSync(out, { recursive: true, force: true });
process.exit(res.status ?? 1);
