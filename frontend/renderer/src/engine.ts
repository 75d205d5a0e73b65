// The renderer's core without React: loads layout and dependencies, turns prop changes into queued
// callbacks, runs them (server or clientside) and applies their results to the store.
import { outputUpdates, runningUpdates, sideUpdates, type ComponentUpdate } from "./apply";
import { BackgroundJobs, isStartReply, type PollOutcome, type StartReply } from "./background";
import { isComponent, propsOf } from "./childrenProps";
import { runClientside, type ClientsideNamespace } from "./clientside";
import { deepEqual } from "./equal";
import { CallbackGraph, type CallbackDef } from "./graph/graph";
import { initialCallbacks, type CallbackRequest } from "./graph/initial";
import { changeRequests, removalRequests } from "./graph/triggers";
import { findCycle, validateAgainstLayout, validateSpecs, type GraphProblem } from "./graph/validate";
import { stringifyId } from "./ids";
import { Persistence, type ClassLookup } from "./persistence/persistence";
import { PersistenceStores, type KeyValueStore } from "./persistence/storage";
import { applyPatch, isPatch } from "./patch/applyPatch";
import { buildPayload, resolveOutputs, type CallbackPayload, type PayloadSource } from "./request";
import { newGroup, type ExecutionGroup, type Job, type JobRequest } from "./scheduler/job";
import { lazyReadiness, whenSettled } from "./scheduler/lazy";
import { Scheduler, type JobRunner, type Outcome } from "./scheduler/scheduler";
import { editBetween, PropHistory, type HistoryStep } from "./store/history";
import { crawlLayout } from "./store/paths";
import { DashStore, type StoreAction } from "./store/store";
import type { ErrorDetails } from "./devtools/errors";
import type { CallRecord } from "./devtools/stats";
import type { Transport } from "./transport";
import type {
  CallbackResponse,
  CallbackSpec,
  DashConfig,
  DashId,
  LayoutNode,
  LayoutPath,
  LoadingEntry,
  Props,
  RenderType,
  RendererHooks,
} from "./types";

/** `details` carries the HTTP status and body of a failed request, or the JavaScript error. */
export type ErrorReporter = (title: string, message: string, details?: ErrorDetails) => void;

/** Called after each callback call with what the dev tools' callback graph shows. */
export type CallObserver = (output: string, record: CallRecord) => void;

export interface EngineOptions {
  config: DashConfig;
  transport: Transport;
  hooks?: RendererHooks;
  /** `window.dash_clientside` (no_update, PreventUpdate, user namespaces), or a getter read per call. */
  clientside?: ClientsideNamespace | (() => ClientsideNamespace);
  reportError?: ErrorReporter;
  observeCall?: CallObserver;
  /** How the queue waits a tick (tests pass their own). */
  defer?: (task: () => void) => void;
  /** The class of a layout node (`window[namespace][type]`), for persistence defaults and propTypes. */
  componentClass?: (node: LayoutNode) => ComponentStatics | undefined;
  /** Web storage for persistence (`localStorage`, `sessionStorage`); memory is used without them. */
  storage?: { local?: () => KeyValueStore | undefined; session?: () => KeyValueStore | undefined };
  /** How background callbacks wait between polls (tests pass their own). */
  sleep?: (ms: number) => Promise<void>;
}

/** Statics of a component class the engine reads. */
export type ComponentStatics = ReturnType<ClassLookup> & { propTypes?: Record<string, unknown> };

export class Engine implements JobRunner {
  readonly store: DashStore;
  readonly scheduler: Scheduler;
  graph = new CallbackGraph([]);
  private readonly transport: Transport;
  private readonly hooks: RendererHooks;
  private readonly clientside: () => ClientsideNamespace;
  readonly reportError: ErrorReporter;
  private readonly source: PayloadSource;
  private readonly classOf: (node: LayoutNode) => ComponentStatics | undefined;
  readonly persistence: Persistence;
  private readonly observeCall: CallObserver | null;
  /** Status and body of failed requests, by request payload, until their outcome is applied. */
  private readonly failedAnswers = new WeakMap<object, { status: number; body: string }>();
  /** Background callbacks: request query strings and the poll loop (renderer §2.12). */
  readonly background: BackgroundJobs;
  /** The values the latest `setProps` replaced, restored if a render then fails. */
  private lastEdit: { path: LayoutPath; props: Props } | null = null;
  /** The server's error page for a failed start-up, shown when the dev-tools UI is on. */
  failureHtml = "";
  /** Whether the first render is over: mount-time `setProps` are not user edits. */
  private started = false;
  /** User edits for the undo/redo toolbar; null unless `show_undo_redo` (nothing recorded then). */
  readonly history: PropHistory | null;

  constructor(options: EngineOptions) {
    this.store = new DashStore(options.config);
    this.history = options.config.show_undo_redo ? new PropHistory() : null;
    this.transport = options.transport;
    this.hooks = options.hooks || {};
    const api = options.clientside || { no_update: {}, PreventUpdate: {} };
    this.clientside = typeof api === "function" ? api : () => api;
    this.reportError = options.reportError || (() => undefined);
    this.observeCall = options.observeCall || null;
    this.classOf = options.componentClass || (() => undefined);
    const stores = new PersistenceStores(options.storage || {}, (type) =>
      this.reportError(
        "Persistence storage unavailable",
        `${type}Storage could not store data; persisted values are kept in memory until the page reloads.`,
      ),
    );
    this.persistence = new Persistence(stores, this.classOf);
    this.scheduler = new Scheduler(
      this,
      {
        onPendingChange: (pending, busy) =>
          this.store.setPending(
            pending.map((job) => ({
              output: job.callback.output,
              changedPropIds: job.changedPropIds,
              executing: job.started,
            })),
            busy,
          ),
        onLoading: (entries, add) => this.store.changeLoading(entries, add),
      },
      options.defer,
    );
    const store = this.store;
    this.source = {
      pathOf: (id) => store.pathOf(id),
      get: (path) => store.get(path),
      stringIds: () => store.paths.stringIds(),
      dictEntries: (keySet) => store.paths.dictEntries(keySet),
    };
    store.actionHandler = (action) => this.handleAction(action);
    const sleep = options.sleep || ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    this.background = new BackgroundJobs({
      post: (route, payload) => this.transport.post(route, payload),
      sleep,
      endId: () => this.store.config.end_id as string | undefined,
      applyPropMap: (map) => this.applyUpdates(sideUpdates(map), "callback", []),
      applySideUpdate: (side) => this.applyUpdates(sideUpdates(side), "callback", [], true),
      idleChanged: () => this.scheduler.idleChanged(),
    });
  }

  // ---- start-up ----------------------------------------------------------------------------

  /** Fetch layout and dependencies in parallel, then hydrate (or show the loading error). */
  async load(): Promise<void> {
    this.hooks.layout_pre?.();
    const failed = { status: 0, text: "" };
    const [layout, deps] = await Promise.all([
      this.transport.get("_dash-layout").catch(() => failed),
      this.transport.get("_dash-dependencies").catch(() => failed),
    ]);
    if (layout.status !== 200) return this.fail("Error loading layout", layout.text);
    if (deps.status !== 200) return this.fail("Error loading dependencies", deps.text);
    const layoutJson = JSON.parse(layout.text) as unknown;
    this.hooks.layout_post?.(layoutJson);
    this.hydrate(layoutJson, JSON.parse(deps.text) as CallbackSpec[]);
  }

  /** Show a start-up failure; nothing is pending any more. With the dev-tools UI the server's own
   * answer (its error page) is shown instead of the short message (dom-contract §2). */
  fail(message: string, serverAnswer = ""): void {
    this.failureHtml = this.store.config.ui ? serverAnswer : "";
    this.store.setPending([], false);
    this.store.setStatus("error", message);
  }

  /** Install the layout and the callback graph and queue the initial callbacks (§1.1). */
  hydrate(layout: unknown, specs: CallbackSpec[]): void {
    this.graph = new CallbackGraph(specs);
    const config = this.store.config;
    if (config.validate_callbacks && !this.validateGraph()) this.graph = new CallbackGraph([]);
    this.store.graphs = this.graph;
    this.applyPersistence(layout);
    const ids = this.store.setLayout(layout);
    if (config.validate_callbacks) this.validateLayout();
    const initial = initialCallbacks(this.graph, { crawled: ids, layout: this.source, subtree: false });
    this.enqueue(initial, [], newGroup());
    this.store.setStatus("ready");
  }

  /** Spec checks (any problem empties the graph) and the cycle report (callbacks still run). */
  private validateGraph(): boolean {
    const problems = validateSpecs(this.graph);
    this.report(problems);
    const cycle = findCycle(this.graph);
    if (cycle) this.reportError("Circular Dependencies", `Error: Dependency Cycle Found: ${cycle}`);
    return problems.length === 0;
  }

  /** Ids and props of the callbacks checked against the layout (or `validation_layout`). */
  private validateLayout(): void {
    const config = this.store.config;
    if (config.suppress_callback_exceptions) return;
    const nodes = new Map<string, LayoutNode>();
    const layout = config.validation_layout !== undefined ? config.validation_layout : this.store.get(["components"]);
    crawlLayout(layout, [], this.store.childrenProps, (node) => {
      const id = propsOf(node).id;
      if (id !== undefined && id !== null) nodes.set(stringifyId(id), node);
    });
    this.report(
      validateAgainstLayout(this.graph, {
        nodeOf: (id) => nodes.get(id),
        propTypesOf: (node) => {
          const statics = this.classOf(node);
          return statics && statics.propTypes;
        },
      }),
    );
  }

  private report(problems: GraphProblem[]): void {
    for (const problem of problems) this.reportError(problem.title, problem.message);
  }

  /** Replay persisted values into every component of a layout value arriving in the store. */
  private applyPersistence(value: unknown): void {
    crawlLayout(value, [], this.store.childrenProps, (node) => this.persistence.applyToNode(node));
  }

  /** Let the queue run; called after the first render so mount-time setProps merge with initial calls. */
  start(): void {
    this.scheduler.start();
    this.started = true;
    if (this.history) this.history.startRecording();
  }

  // ---- prop changes ------------------------------------------------------------------------

  /** A component's own `setProps`: unchanged values are dropped, the rest stored and propagated. */
  setProps(path: LayoutPath, props: Props, renderType: RenderType = "internal"): void {
    let update = props;
    if ("_dash_error" in props) {
      const { _dash_error: error, ...rest } = props;
      this.reportError("Front-end error", error instanceof Error ? error.message : String(error));
      update = rest;
    }
    const current = this.store.nodeAt(path);
    const previous = current ? propsOf(current) : null;
    if (previous && this.started) this.lastEdit = { path, props: valuesBefore(previous, update) };
    this.applyAt(path, update, renderType, true, []);
    if (previous && this.history) this.recordEdit(path, previous);
  }

  /** A component failed to render (renderer §3.7): report it and take back the user's latest edit,
   * once, so the value that broke the render is replaced by the one before and callbacks follow. */
  readonly renderFailed: ErrorReporter = (title, message, details) => {
    this.reportError(title, message, details);
    const edit = this.lastEdit;
    this.lastEdit = null;
    if (edit && this.store.nodeAt(edit.path)) this.applyAt(edit.path, edit.props, "callback", true, []);
  };

  /** Add the callback Inputs a `setProps` changed at `path` to the undo history (renderer §4). */
  private recordEdit(path: LayoutPath, previous: Props): void {
    const node = this.store.nodeAt(path);
    const id = node && (propsOf(node).id as DashId | undefined | null);
    if (id === undefined || id === null || !deepEqual(id, previous.id)) return;
    const refs = this.graph.inputsOn(id);
    if (!refs.length) return;
    const watched = new Set(refs.map((ref) => ref.callback.inputs[ref.index].property));
    const edit = editBetween(previous, propsOf(node as LayoutNode), watched);
    if (edit) this.history!.record({ id, ...edit });
  }

  /** Undo the latest user edit: its props get their old values and the callbacks reading them run. */
  undo(): void {
    if (this.history) this.replay(() => this.history!.undo());
  }

  /** Re-apply the latest undone edit, triggering callbacks as the original edit did. */
  redo(): void {
    if (this.history) this.replay(() => this.history!.redo());
  }

  /** Apply the next history step whose component is still in the layout (others are stepped over). */
  private replay(next: () => HistoryStep | null): void {
    for (let step = next(); step; step = next()) {
      const path = this.store.pathOf(stringifyId(step.id));
      if (path && this.store.nodeAt(path)) {
        this.applyAt(path, step.props, "callback", true, []);
        return;
      }
    }
  }

  /** `dash_clientside.set_props` and `dispatch`: by id (string or dict) or by layout path. */
  setPropsFrom(target: DashId | LayoutPath, props: Props, renderType: RenderType = "clientsideApi"): boolean {
    const path = Array.isArray(target) ? target : this.store.pathOf(stringifyId(target));
    if (!path || !this.store.nodeAt(path)) return false;
    this.applyAt(path, props, renderType, false, []);
    return true;
  }

  /** Notify callbacks that `keys` of a component changed (ExternalWrapper re-syncs). */
  propsChanged(path: LayoutPath, keys: string[]): void {
    const node = this.store.nodeAt(path);
    const id = node && (propsOf(node).id as DashId | undefined | null);
    if (id === undefined || id === null) return;
    this.enqueue(changeRequests(this.graph, id, keys, this.source), [], null);
  }

  /**
   * Write props into the component at `path` (Patches resolved against the current values), then queue
   * the callbacks whose Inputs changed and the initial callbacks of inserted subtrees. Returns the
   * `idString.prop` keys written.
   */
  private applyAt(
    path: LayoutPath,
    props: Props,
    renderType: RenderType,
    dropEqual: boolean,
    chain: number[],
  ): string[] {
    const node = this.store.nodeAt(path);
    if (!node) return [];
    const before = propsOf(node);
    const resolved = this.persistence.beforeUpdate(node, this.resolvePatches(before, props, path));
    this.persistSubtrees(node, resolved);
    const result = this.store.updateProps(path, resolved, renderType, dropEqual);
    if (!result) return [];
    this.persistence.record(result.node, before, result.changed);
    const id = propsOf(result.node).id as DashId | undefined | null;
    const changedProps = Object.keys(result.changed);
    const idText = id === undefined || id === null ? null : stringifyId(id);
    const keys = idText === null ? [] : changedProps.map((key) => `${idText}.${key}`);
    if (idText !== null) this.enqueue(changeRequests(this.graph, id as DashId, changedProps, this.source), chain, null);
    if (result.addedIds.length) {
      const inserted = initialCallbacks(this.graph, { crawled: result.addedIds, layout: this.source, subtree: true });
      this.enqueue(inserted, chain, newGroup());
    }
    if (result.removedIds.length) this.enqueue(removalRequests(this.graph, result.removedIds, this.source), [], null);
    return keys;
  }

  /** Persistence replays into components arriving through component-holding props of an update. */
  private persistSubtrees(node: LayoutNode, update: Props): void {
    const holders = this.store.childrenProps.propNamesFor(node.namespace, node.type);
    for (const key of Object.keys(update)) {
      const value = update[key];
      if (holders.has(key) && (isComponent(value) || Array.isArray(value))) this.applyPersistence(value);
    }
  }

  /** Resolve Patch values against the current props; a Patch that does not fit is reported and skipped. */
  private resolvePatches(current: Props, props: Props, path: LayoutPath): Props {
    let out: Props | null = null;
    for (const key of Object.keys(props)) {
      const value = props[key];
      if (!isPatch(value)) continue;
      out = out || { ...props };
      const id = current.id === undefined ? JSON.stringify(path) : stringifyId(current.id);
      try {
        out[key] = applyPatch(current[key], value, `${id}.${key}`);
      } catch (error) {
        this.reportError("Patch error", error instanceof Error ? error.message : String(error));
        delete out[key];
      }
    }
    return out || props;
  }

  /** Queue requests, dropping callbacks already in their own predecessor chain (loop breaker §2.6.3). */
  private enqueue(requests: CallbackRequest[], chain: number[], group: ExecutionGroup | null): void {
    const jobs: JobRequest[] = [];
    for (const request of requests) {
      if (chain.includes(request.callback.index)) continue;
      jobs.push({ ...request, predecessors: chain, group });
    }
    if (!jobs.length) return;
    this.scheduler.enqueue(jobs);
  }

  private handleAction(action: StoreAction): void {
    const payload = action.payload;
    if (action.type !== "ON_PROP_CHANGE" || !payload || !payload.props) return;
    const target = payload.itempath || payload.id;
    if (target !== undefined) this.setPropsFrom(target, payload.props, "internal");
  }

  // ---- JobRunner ---------------------------------------------------------------------------

  loadingEntries(job: Job): LoadingEntry[] {
    return resolveOutputs(job.callback, job.match, this.source).map((out) => ({
      path: out.path,
      property: out.property,
      id: out.idText,
    }));
  }

  async execute(job: Job): Promise<Outcome> {
    if (!this.observeCall) return this.executeJob(job);
    const started = Date.now();
    const outcome = await this.executeJob(job);
    if (outcome.kind !== "skip" && job.payload !== undefined) {
      const payload = job.payload as CallbackPayload;
      this.observeCall(job.callback.output, {
        clientside: Boolean(job.callback.clientside),
        ok: outcome.kind !== "error",
        elapsed: Date.now() - started,
        inputs: payload.inputs,
        state: payload.state,
        outputs: outcome.kind === "data" ? (outcome.data as CallbackResponse).response : null,
      });
    }
    return outcome;
  }

  private async executeJob(job: Job): Promise<Outcome> {
    const cb = job.callback;
    // §2.4: components read by the callback that still wait for their async chunk hold it back.
    const lazy = lazyReadiness(cb, job.match, this.source, this.classOf);
    if (lazy.length) {
      await whenSettled(lazy);
      // §2.5: a newer entry for the same instance (e.g. from the component's mount) replaced it.
      if (job.superseded) return { kind: "skip" };
    }
    const built = buildPayload(cb, job.match, job.changedPropIds, this.source);
    if (built.kind !== "ready") return built;
    job.payload = built.payload;
    if (cb.clientside) return runClientside(cb, built.payload, this.clientside());
    if (cb.spec.running) {
      this.applyUpdates(runningUpdates(cb.spec.running.running, job.match, this.source), "callback", []);
    }
    return this.request(job, built.payload);
  }

  private async request(job: Job, payload: CallbackPayload): Promise<Outcome> {
    this.hooks.request_pre?.(payload);
    let answer;
    try {
      answer = await this.transport.post(this.background.startRoute(job), payload);
    } catch {
      return { kind: "error", message: "Callback failed: the server did not respond." };
    }
    if (answer.status === 204) return { kind: "prevent" };
    if (answer.status !== 200) {
      this.failedAnswers.set(payload, { status: answer.status, body: answer.text });
      return { kind: "error", message: `HTTP ${answer.status}\n${answer.text}` };
    }
    const data = JSON.parse(answer.text) as CallbackResponse;
    if (isStartReply(data)) return this.followBackground(job, payload, data);
    this.hooks.request_post?.(payload, data);
    return { kind: "data", data };
  }

  /** Poll a started background job until its result (renderer §2.12). */
  private async followBackground(job: Job, payload: CallbackPayload, reply: StartReply): Promise<Outcome> {
    const background = job.callback.spec.background;
    const outcome: PollOutcome = await this.background.follow(job, payload, reply, background?.interval);
    if (outcome.kind === "error" && outcome.answer) {
      this.failedAnswers.set(payload, { status: outcome.answer.status, body: outcome.answer.text });
    }
    if (outcome.kind === "data") this.hooks.request_post?.(payload, outcome.data);
    return outcome;
  }

  apply(job: Job, outcome: Outcome): string[] {
    try {
      return this.applyOutcome(job, outcome);
    } catch (error) {
      const detail = error instanceof Error ? error.stack || error.message : String(error);
      this.reportError(describeCallback(job.callback), detail);
      return [];
    }
  }

  private applyOutcome(job: Job, outcome: Outcome): string[] {
    const cb = job.callback;
    const chain = [...job.predecessors, cb.index];
    // A superseded job leaves `running` on: its replacement is running now.
    if (cb.spec.running && !cb.clientside && job.payload !== undefined && !job.superseded) {
      this.applyUpdates(runningUpdates(cb.spec.running.runningOff, job.match, this.source), "callback", []);
    }
    const progressDefault = this.background.finish(job);
    if (progressDefault) this.applyUpdates(sideUpdates(progressDefault), "callback", []);
    if (outcome.kind === "error" && !job.superseded) {
      const failed = job.payload ? this.failedAnswers.get(job.payload as object) : undefined;
      this.reportError(describeCallback(cb), outcome.message, failed);
    }
    if (outcome.kind !== "skip") {
      const result = outcome.kind === "data" ? (outcome.data as CallbackResponse).response : undefined;
      this.hooks.callback_resolved?.(cb.spec, result);
    }
    if (outcome.kind !== "data") return [];
    const data = outcome.data as CallbackResponse;
    this.applyUpdates(sideUpdates(data.sideUpdate), "callback", chain, true);
    if (job.superseded) return [];
    return this.applyUpdates(outputUpdates(data, cb), "callback", chain);
  }

  private applyUpdates(updates: ComponentUpdate[], renderType: RenderType, chain: number[], side = false): string[] {
    const keys: string[] = [];
    for (const update of updates) {
      const path = this.store.pathOf(update.id);
      if (!path) {
        if (side && !this.store.config.suppress_callback_exceptions) {
          this.reportError("ID running component not found in layout", `Component id: ${update.id}`);
        }
        continue;
      }
      keys.push(...this.applyAt(path, update.props, renderType, false, chain));
    }
    return keys;
  }
}

/** Title of a callback error, as the dev tools show it (renderer §4). */
function describeCallback(cb: CallbackDef): string {
  const outputs = cb.outputs.map((dep) => `${stringifyId(dep.id)}.${dep.property}`);
  const title = outputs.length
    ? `Callback error updating ${outputs.join(", ")}`
    : `Callback error with no output from input ${cb.inputKeys.join(", ")}`;
  const fn = cb.clientside;
  return fn ? `${title} via clientside function ${fn.namespace}.${fn.function_name}` : title;
}

/** The values `previous` held for the props an update is about to change (null where unset). */
function valuesBefore(previous: Props, update: Props): Props {
  const before: Props = {};
  for (const name in update) before[name] = name in previous ? previous[name] : null;
  return before;
}
