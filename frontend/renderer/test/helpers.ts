// Shared fixtures for the renderer tests: layouts, dependency specs, a fake server and an engine.
import { Engine } from "../src/engine";
import type { LayoutLookup } from "../src/graph/resolve";
import { DashStore } from "../src/store/store";
import { Transport, type Fetcher } from "../src/transport";
import type { CallbackSpec, DashConfig, LayoutNode, Props } from "../src/types";

export function div(props: Props = {}): LayoutNode {
  return { namespace: "dash_html_components", type: "Div", props };
}

type Dep = [id: string | Record<string, unknown>, property: string];

/** A dependency spec as the server sends it; outputs as `[id, prop]` pairs (several = multi). */
export function spec(
  outputs: Dep[],
  inputs: Dep[],
  extra: Partial<Omit<CallbackSpec, "state">> & { state?: Dep[] } = {},
): CallbackSpec {
  const text = (dep: Dep) => `${typeof dep[0] === "string" ? dep[0] : sortedJson(dep[0])}.${dep[1]}`;
  const output = outputs.length === 1 ? text(outputs[0]) : `..${outputs.map(text).join("...")}..`;
  const { state, ...rest } = extra;
  // The server sends dict ids as JSON text with sorted keys.
  const wire = (id: Dep[0]) => (typeof id === "string" ? id : sortedJson(id));
  return {
    output,
    inputs: inputs.map(([id, property]) => ({ id: wire(id), property })),
    state: (state || []).map(([id, property]) => ({ id: wire(id), property })),
    clientside_function: null,
    prevent_initial_call: false,
    no_output: false,
    ...rest,
  };
}

function sortedJson(id: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.keys(id).sort().map((key) => [key, id[key]])));
}

export interface SentRequest {
  url: string;
  body: Record<string, unknown>;
  raw: string;
  respond(status: number, json?: unknown): void;
}

/** Records every POST; answers through `auto` when it returns something, else waits for `respond`. */
export class FakeServer {
  readonly sent: SentRequest[] = [];
  auto: ((body: Record<string, unknown>) => { status: number; json?: unknown } | undefined) | null = null;
  layout: unknown = div();
  deps: CallbackSpec[] = [];

  readonly fetcher: Fetcher = (url, init) => {
    if (init.method === "GET") {
      const json = url.endsWith("_dash-layout") ? this.layout : this.deps;
      return Promise.resolve(reply(200, json));
    }
    return new Promise((resolve) => {
      const body = JSON.parse(init.body as string) as Record<string, unknown>;
      const request: SentRequest = {
        url,
        body,
        raw: init.body as string,
        respond: (status, json) => resolve(reply(status, json)),
      };
      this.sent.push(request);
      const answer = this.auto && this.auto(body);
      if (answer) request.respond(answer.status, answer.json);
    });
  };

  /** Requests sent for one output string. */
  for(output: string): SentRequest[] {
    return this.sent.filter((request) => request.body.output === output);
  }
}

function reply(status: number, json: unknown) {
  return { status, text: () => Promise.resolve(json === undefined ? "" : JSON.stringify(json)) };
}

/** `{multi: true, response: {id: {prop: value}}}` */
export function answer(response: Record<string, Props>, sideUpdate?: Record<string, unknown>) {
  return { status: 200, json: sideUpdate ? { multi: true, response, sideUpdate } : { multi: true, response } };
}

export function makeEngine(server: FakeServer, config: DashConfig = {}, errors: string[] = []): Engine {
  const transport = new Transport({ requests_pathname_prefix: "/", ...config }, server.fetcher);
  return new Engine({
    config,
    transport,
    reportError: (title, message) => errors.push(`${title}: ${message}`),
    clientside: { no_update: { none: true }, PreventUpdate: { prevent: true } },
  });
}

/** Load, hydrate and start an engine against the fake server. */
export async function startEngine(server: FakeServer, config: DashConfig = {}, errors: string[] = []): Promise<Engine> {
  const engine = makeEngine(server, config, errors);
  await engine.load();
  engine.start();
  return engine;
}

/** Let timers and promise callbacks run. */
export function tick(ms = 0): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Wait until the engine's queue is empty (auto-answering servers only). */
export async function settle(engine: Engine): Promise<void> {
  await tick();
  await engine.scheduler.whenIdle();
  await tick();
}

/** Props of the component with this id. */
export function propsOf(engine: Engine, id: string): Props {
  const path = engine.store.pathOf(id);
  if (!path) throw new Error(`no component ${id}`);
  return (engine.store.nodeAt(path) as LayoutNode).props;
}

/** A store holding `layout`, and the lookup dependency resolution uses over it. */
export function lookupOf(layout: unknown): { store: DashStore; lookup: LayoutLookup } {
  const store = new DashStore({});
  store.setLayout(layout);
  const lookup: LayoutLookup = {
    pathOf: (id) => store.pathOf(id),
    get: (path) => store.get(path),
    dictEntries: (keys) => store.paths.dictEntries(keys),
  };
  return { store, lookup };
}

/** A flat layout of divs with these ids. */
export function flatLayout(ids: (string | Record<string, unknown>)[]): LayoutNode {
  return div({ children: ids.map((id) => div({ id })) });
}
