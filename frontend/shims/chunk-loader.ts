// Async chunks of the component suites (renderer §3.3, server §4.2): the heavy components of a suite
// live in classic scripts `async-<name>.js` beside the suite's main bundle. The main bundle fetches a
// chunk the first time a component needing it renders; a chunk that runs publishes its exports in a
// page-wide table, so a chunk given its own <script> tag (`eager_loading`) is found without a fetch.
// Shared by the suites (not an npm alias like the other files of this folder).

/** What one chunk publishes: component functions and helpers, by name. */
export type ChunkExports = Record<string, unknown>;

/** Per chunk key (`<suite namespace>/<chunk name>`): its exports once run, the fetch while under way. */
interface ChunkState {
  exports?: ChunkExports;
  loading?: Promise<ChunkExports>;
}

type ChunkTable = Record<string, ChunkState>;

const TABLE_GLOBAL = "__dash_next_chunks";

/** Appends a classic `<script src=url>`; resolves once it has run. */
export type ScriptInjector = (url: string) => Promise<void>;

function chunkTable(): ChunkTable {
  const page = globalThis as unknown as Record<string, ChunkTable | undefined>;
  return (page[TABLE_GLOBAL] ??= {});
}

function stateOf(key: string): ChunkState {
  const chunks = chunkTable();
  return (chunks[key] ??= {});
}

/** Called by a chunk's entry module when its script runs: makes its exports available under `key`. */
export function defineChunk(key: string, exports: ChunkExports): void {
  stateOf(key).exports = exports;
}

/** The exports of chunk `key` if it has run, else undefined. */
export function loadedChunk(key: string): ChunkExports | undefined {
  return stateOf(key).exports;
}

/** Forgets every chunk (for tests). */
export function resetChunks(): void {
  const page = globalThis as unknown as Record<string, unknown>;
  delete page[TABLE_GLOBAL];
}

/** Default injector: a script element in <head>, rejected when the browser reports a load error. */
export function injectScript(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = url;
    script.async = true;
    script.addEventListener("load", () => resolve());
    script.addEventListener("error", () => reject(new Error(`the script ${url} could not be loaded`)));
    document.head.appendChild(script);
  });
}

/**
 * The exports of chunk `key`, fetching `url` the first time (one fetch however many callers). A
 * failed fetch is forgotten, so a later call tries again.
 */
export function loadChunk(key: string, url: string, inject: ScriptInjector = injectScript): Promise<ChunkExports> {
  const state = stateOf(key);
  if (state.exports) return Promise.resolve(state.exports);
  state.loading ??= inject(url).then(
    () => {
      state.loading = undefined;
      if (state.exports) return state.exports;
      throw new Error(`${url} loaded but did not define the chunk "${key}"; rebuild the front end (npm run build).`);
    },
    (error: unknown) => {
      state.loading = undefined;
      throw new Error(`Could not load the chunk "${key}": ${error instanceof Error ? error.message : String(error)}.`);
    },
  );
  return state.loading;
}

/**
 * The URL of the folder holding the script being run now, ending in `/`: where a suite's chunks are.
 * Read it while the bundle loads (`document.currentScript` is null afterwards). `bundleName` (e.g.
 * `dcc/dash_core_components`) finds the bundle's tag when `currentScript` is not available.
 */
export function currentScriptFolder(bundleName: string): string {
  if (typeof document === "undefined") return "";
  const current = document.currentScript as HTMLScriptElement | null;
  let src = current?.src;
  if (!src) {
    const tags = Array.from(document.querySelectorAll<HTMLScriptElement>("script[src]"));
    src = tags.reverse().find((tag) => tag.src.includes(`/${bundleName}.`))?.src;
  }
  return src ? folderOf(src) : "";
}

/** `https://h/p/dcc/x.v1m2.min.js?q` → `https://h/p/dcc/`. */
export function folderOf(scriptUrl: string): string {
  const path = scriptUrl.split(/[?#]/)[0];
  return path.slice(0, path.lastIndexOf("/") + 1);
}

/** A chunk's URL: `async-<name>.js`, or `async-<name>.dev.js` from a development bundle. */
export function chunkUrl(folder: string, name: string, development: boolean): string {
  return `${folder}async-${name}${development ? ".dev" : ""}.js`;
}

/** One chunk of one suite: where it is fetched from and what it published. */
export interface ChunkHandle {
  readonly key: string;
  readonly url: string;
  /** The exports if the chunk has run, else undefined (never fetches). */
  loaded(): ChunkExports | undefined;
  /** The exports, fetching the chunk if needed. */
  load(): Promise<ChunkExports>;
}

/** The handle of chunk `name` of the suite `namespace`, whose scripts are in `folder`. */
export function chunkHandle(
  namespace: string,
  name: string,
  folder: string,
  development: boolean,
  inject: ScriptInjector = injectScript,
): ChunkHandle {
  const key = `${namespace}/${name}`;
  const url = chunkUrl(folder, name, development);
  return {
    key,
    url,
    loaded: () => loadedChunk(key),
    load: () => loadChunk(key, url, inject),
  };
}
