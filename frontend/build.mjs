// Builds every front-end bundle into src/dash/ (git-ignored) and copies the React UMD deps.
// Usage: node build.mjs [--dev]   (--dev also writes unminified bundles with source maps)
import { build } from "esbuild";
import { copyFileSync, mkdirSync, existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const pkg = resolve(here, "..", "src", "dash");
const dev = process.argv.includes("--dev");

// One React for the whole page: imports of react/react-dom resolve to the UMD globals.
const alias = {
  react: join(here, "shims", "react.ts"),
  "react/jsx-runtime": join(here, "shims", "react-jsx-runtime.ts"),
  "react-dom": join(here, "shims", "react-dom.ts"),
  "react-dom/client": join(here, "shims", "react-dom-client.ts"),
};

// The html element table carries prose for the Python docstrings; the browser needs none of it.
const dropDescriptions = {
  name: "compact-element-table",
  setup(b) {
    b.onLoad({ filter: /suites[\\/]html[\\/]elements\.json$/ }, async (args) => ({
      loader: "json",
      contents: JSON.stringify(JSON.parse(await readFile(args.path, "utf8")), (key, value) =>
        key === "description" || key === "_comment" ? undefined : value,
      ),
    }));
  },
};

// [entry, output file relative to src/dash] — one line per bundle.
export const bundles = [
  ["renderer/src/index.ts", "dash-renderer/build/dash_renderer"],
  ["suites/html/src/index.ts", "html/dash_html_components"],
  ["suites/dcc/src/index.ts", "dcc/dash_core_components"],
  ["suites/table/src/index.ts", "dash_table/bundle"],
];

// [npm file, served name under src/dash/deps]
const deps = [
  ["@babel/polyfill/dist/polyfill.min.js", "polyfill@7.12.1.min.js"],
  ["@babel/polyfill/dist/polyfill.js", "polyfill@7.12.1.js"],
  ["react/umd/react.production.min.js", "react@18.3.1.min.js"],
  ["react/umd/react.development.js", "react@18.3.1.js"],
  ["react-dom/umd/react-dom.production.min.js", "react-dom@18.3.1.min.js"],
  ["react-dom/umd/react-dom.development.js", "react-dom@18.3.1.js"],
  ["prop-types/prop-types.min.js", "prop-types@15.8.1.min.js"],
  ["prop-types/prop-types.js", "prop-types@15.8.1.js"],
];

function copyDeps() {
  const out = join(pkg, "deps");
  mkdirSync(out, { recursive: true });
  for (const [from, to] of deps) copyFileSync(join(here, "node_modules", from), join(out, to));
}

async function buildOne([entry, out], minify) {
  if (!existsSync(join(here, entry))) return;
  await build({
    entryPoints: [join(here, entry)],
    outfile: join(pkg, `${out}.${minify ? "min" : "dev"}.js`),
    bundle: true,
    format: "iife",
    target: "es2020",
    platform: "browser",
    minify,
    sourcemap: minify ? false : "linked",
    alias,
    plugins: [dropDescriptions],
    loader: { ".css": "text" },
    define: { "process.env.NODE_ENV": JSON.stringify(minify ? "production" : "development") },
    logLevel: "warning",
  });
}

copyDeps();
for (const b of bundles) {
  await buildOne(b, true);
  if (dev) await buildOne(b, false);
}
