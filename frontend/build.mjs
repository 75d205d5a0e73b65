// Builds every front-end bundle into src/dash/ (git-ignored) and copies the React UMD deps.
// Usage: node build.mjs [--dev]   (--dev also writes unminified bundles with source maps)
//
// Async chunks (page weight): the heavy components of dcc (Markdown, highlight.js, date pickers,
// Dropdown, sliders, Graph, Upload) and the whole DataTable are not in their suite's main bundle.
// Each chunk is its own esbuild entry (`suites/<suite>/src/lazy/entries/<name>.ts`) built, like the
// main bundles, as a classic IIFE script with React aliased to the page globals, into the suite's
// folder as `async-<name>.js` (`async-<name>.dev.js` + map with --dev). The main bundle registers a
// stand-in component (shims/lazy-component.tsx) that, on first render, appends
// `<script src="<folder of the suite bundle>/async-<name>.js">` (folder read from
// `document.currentScript` while the bundle loads, so path prefixes and fingerprints need nothing
// special) and renders the real component once the chunk has published it (shims/chunk-loader.ts).
// Classic scripts rather than ESM + `import()`: with `eager_loading` the server emits async entries
// as ordinary <script> tags, where an ES module would not parse; a chunk run that way is simply found
// already published. Code shared by two chunks is repeated in each (no shared-chunk files to
// register): the chunks are grouped so that little is.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, existsSync, readdirSync } from "node:fs";
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

// ---- JSON tables of the suites, compacted for the browser ------------------------------------
// The dcc and table suites attach `propTypes` built from their react-docgen `metadata.json` (the file
// the Python classes are generated from). The browser needs the types only: prose, defaults and
// `false` flags are dropped here, so the bundles carry a compact table of the same shape.
function typeOnly(type) {
  if (!type || typeof type !== "object") return type;
  const out = { name: type.name };
  const value = type.value;
  if (type.name === "union" && Array.isArray(value)) out.value = value.map(typeOnly);
  else if (type.name === "arrayOf" || type.name === "objectOf") out.value = typeOnly(value);
  else if ((type.name === "shape" || type.name === "exact") && value && typeof value === "object") {
    out.value = Object.fromEntries(Object.entries(value).map(([field, t]) => [field, typeOnly(t)]));
  } else if (type.name === "enum" && Array.isArray(value)) {
    out.value = value.map((e) => (e && e.computed ? { value: e.value, computed: true } : { value: e && e.value }));
  } else if (value !== undefined) out.value = value;
  if (type.required) out.required = true;
  return out;
}
function typesOnly(metadata) {
  const out = {};
  for (const [file, component] of Object.entries(metadata)) {
    const props = {};
    for (const [name, prop] of Object.entries(component.props || {})) {
      props[name] = prop.required ? { type: typeOnly(prop.type), required: true } : { type: typeOnly(prop.type) };
    }
    out[file] = { displayName: component.displayName, props };
  }
  return out;
}
// The suites import JSON tables written for the Python side; the browser gets them compacted:
// [file pattern, transform of the parsed JSON], applied by one esbuild plugin.
const compactTables = [
  // The html element table: its prose is for the Python docstrings.
  [/suites[\\/]html[\\/]elements\.json$/, (table) =>
    JSON.parse(JSON.stringify(table, (key, value) => (key === "description" || key === "_comment" ? undefined : value)))],
  // The dcc and table react-docgen metadata: the props check needs the types only.
  [/suites[\\/](dcc|table)[\\/]metadata\.json$/, typesOnly],
];
const compactJsonTables = {
  name: "compact-json-tables",
  setup(b) {
    for (const [filter, transform] of compactTables) {
      b.onLoad({ filter }, async (args) => ({
        loader: "json",
        contents: JSON.stringify(transform(JSON.parse(await readFile(args.path, "utf8")))),
      }));
    }
  },
};
// ---- end of the JSON tables block ---------------------------------------------------------------

// [entry, output file relative to src/dash] — one line per bundle.
export const bundles = [
  ["renderer/src/index.ts", "dash-renderer/build/dash_renderer"],
  ["suites/html/src/index.ts", "html/dash_html_components"],
  ["suites/dcc/src/index.ts", "dcc/dash_core_components"],
  ["suites/table/src/index.ts", "dash_table/bundle"],
];

// [folder of chunk entries, output folder relative to src/dash]: each `<name>.ts` of the folder
// becomes the chunk `async-<name>.js` (the Python generators list the same files in `_js_dist`).
export const chunkFolders = [
  ["suites/dcc/src/lazy/entries", "dcc"],
  ["suites/table/src/lazy/entries", "dash_table"],
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

/** [entry, output file relative to src/dash without extension] of every async chunk. */
function chunkBundles() {
  return chunkFolders.flatMap(([folder, out]) =>
    readdirSync(join(here, folder))
      .filter((file) => file.endsWith(".ts"))
      .map((file) => [`${folder}/${file}`, `${out}/async-${file.slice(0, -3)}`]),
  );
}

async function buildOne(entry, outfile, minify) {
  if (!existsSync(join(here, entry))) return;
  await build({
    entryPoints: [join(here, entry)],
    outfile: join(pkg, outfile),
    bundle: true,
    format: "iife",
    target: "es2020",
    platform: "browser",
    minify,
    sourcemap: minify ? false : "linked",
    alias,
    plugins: [compactJsonTables],
    loader: { ".css": "text" },
    define: { "process.env.NODE_ENV": JSON.stringify(minify ? "production" : "development") },
    logLevel: "warning",
  });
}

copyDeps();
for (const [entry, out] of bundles) {
  await buildOne(entry, `${out}.min.js`, true);
  if (dev) await buildOne(entry, `${out}.dev.js`, false);
}
for (const [entry, out] of chunkBundles()) {
  await buildOne(entry, `${out}.js`, true);
  if (dev) await buildOne(entry, `${out}.dev.js`, false);
}
