// dcc.Graph rules that need no browser (renderer §5.3): when a graph is responsive, what config and
// layout reach plotly.js, how plotly event data becomes `clickData`/`hoverData`/..., and how
// `extendData`/`prependData` values become `Plotly.extendTraces` arguments.

export type JsonObject = Record<string, unknown>;
export type Responsive = boolean | "auto";

export interface Figure {
  data?: unknown[];
  layout?: JsonObject;
  frames?: unknown[];
}

/** The default `animation_options`: no frame redraw, a 750 ms cubic-in-out transition. */
export const DEFAULT_ANIMATION_OPTIONS: JsonObject = {
  frame: { redraw: false },
  transition: { duration: 750, ease: "cubic-in-out" },
};

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null;
}

/**
 * Whether the graph follows the size of its container. True/False force it; 'auto' (the default) is
 * responsive when `config.responsive` is set, `layout.autosize` is not false and width or height is unset.
 */
export function isResponsive(responsive: Responsive | undefined, config: JsonObject | undefined, figure: Figure | undefined): boolean {
  if (typeof responsive === "boolean") return responsive;
  const layout = figure?.layout ?? {};
  return Boolean(
    config?.responsive &&
      layout.autosize !== false &&
      (isMissing(layout.width) || isMissing(layout.height)),
  );
}

/** The plotly.js config: the user's, with `responsive` and `typesetMath` decided by the component. */
export function plotConfig(config: JsonObject | undefined, responsive: boolean, mathjax: boolean): JsonObject {
  return { ...(config ?? {}), responsive, typesetMath: mathjax };
}

/** A copy of a JSON value (plotly.js writes into the layout it is given; the props must stay intact). */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const key in value) out[key] = cloneJson(value[key]);
  return out as T;
}

/** The layout plotted: a copy; `responsive=True` forces autosize and drops a fixed width and height. */
export function plotLayout(layout: JsonObject | undefined, forceResponsive: boolean): JsonObject {
  const copy = cloneJson(layout ?? {});
  if (forceResponsive) {
    copy.autosize = true;
    delete copy.width;
    delete copy.height;
  }
  return copy;
}

/** The container style: responsive graphs fill the height of their parent unless `style` says otherwise. */
export function containerStyle<S extends object>(style: S | undefined, responsive: boolean): S | { height: string } | undefined {
  return responsive ? { height: "100%", ...(style ?? {}) } : style;
}

/** Whether a new figure can be animated into the current plot (animate on, same number of traces). */
export function canAnimate(animate: boolean | undefined, plotted: boolean, plottedTraces: number, figure: Figure | undefined): boolean {
  return Boolean(animate) && plotted && plottedTraces === (figure?.data?.length ?? 0);
}

function isScalar(value: unknown): boolean {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

function traceCustomdata(traces: unknown[], curveNumber: unknown): unknown[] | undefined {
  if (typeof curveNumber !== "number") return undefined;
  const trace = traces[curveNumber];
  const customdata = isObject(trace) ? trace.customdata : undefined;
  return Array.isArray(customdata) ? customdata : undefined;
}

/** One plotly event point as Dash sends it: scalar fields plus `bbox`, `customdata`, `pointNumbers`. */
export function eventPoint(point: JsonObject, traces: unknown[]): JsonObject {
  const out: JsonObject = {};
  for (const key in point) if (isScalar(point[key])) out[key] = point[key];
  if (isObject(point.bbox)) out.bbox = point.bbox;
  const numbers = Array.isArray(point.pointNumbers) ? (point.pointNumbers as number[]) : undefined;
  const customdata = traceCustomdata(traces, point.curveNumber);
  if (numbers) {
    out.pointNumbers = numbers;
    if (customdata) out.customdata = numbers.map((n) => customdata[n]);
  } else if (point.customdata !== undefined) {
    out.customdata = point.customdata;
  } else if (customdata && typeof point.pointNumber === "number") {
    out.customdata = customdata[point.pointNumber];
  }
  return out;
}

/** `{points}` of a click, hover or selection (with `range`/`lassoPoints` when selecting); null without data. */
export function pointsData(eventData: unknown, traces: unknown[]): JsonObject | null {
  if (!isObject(eventData)) return null;
  const points = Array.isArray(eventData.points) ? eventData.points : [];
  const out: JsonObject = { points: points.filter(isObject).map((p) => eventPoint(p, traces)) };
  if (eventData.range !== undefined) out.range = eventData.range;
  if (eventData.lassoPoints !== undefined) out.lassoPoints = eventData.lassoPoints;
  return out;
}

/** `clickData`: the clicked points with the click time, so that clicking the same point again fires. */
export function clickData(eventData: unknown, traces: unknown[], time: number): JsonObject | null {
  const data = pointsData(eventData, traces);
  return data ? { ...data, timestamp: time } : null;
}

/** `clickAnnotationData`: the annotation's index and its (user-given) properties. */
export function clickAnnotationData(eventData: unknown): JsonObject | null {
  if (!isObject(eventData)) return null;
  return { index: eventData.index, annotation: eventData.annotation };
}

/** Whether a relayout changed shapes (drawn or edited by the user), which also updates `figure`. */
export function touchesShapes(relayout: unknown): boolean {
  return isObject(relayout) && Object.keys(relayout).some((key) => key === "shapes" || key.startsWith("shapes["));
}

/** `figure` with `layout.shapes` replaced (the figure object of the props is not modified). */
export function figureWithShapes(figure: Figure | undefined, shapes: unknown): Figure {
  return { ...(figure ?? {}), layout: { ...(figure?.layout ?? {}), shapes } };
}

export type TraceUpdate = [update: JsonObject, indices: number[], maxPoints?: unknown];

/** Trace indices 0..n-1, n being the length of the first update array. */
function defaultIndices(update: JsonObject): number[] {
  const first = Object.values(update)[0];
  const length = Array.isArray(first) ? first.length : 0;
  return Array.from({ length }, (_, i) => i);
}

/**
 * `extendData`/`prependData` as `Plotly.extendTraces` arguments: `[update, indices?, maxPoints?]` or a bare
 * update dict (every trace from 0 that the update has arrays for). Null when there is nothing to apply.
 */
export function traceUpdate(value: unknown): TraceUpdate | null {
  if (Array.isArray(value)) {
    const [update, indices, maxPoints] = value;
    if (!isObject(update)) return null;
    const chosen = Array.isArray(indices) ? (indices as number[]) : defaultIndices(update);
    return isMissing(maxPoints) ? [update, chosen] : [update, chosen, maxPoints];
  }
  return isObject(value) ? [value, defaultIndices(value)] : null;
}
