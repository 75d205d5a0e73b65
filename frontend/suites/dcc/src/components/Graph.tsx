// dcc.Graph: `div.dash-graph` around the plotly.js graph div (dom-contract §5.13). plotly.js is
// loaded on first use; until the first plot is drawn the container is `.dash-graph--pending`.
// Plots, animations and extend/prepend updates run one after another per graph (renderer §5.3).
// With `mathjax`, MathJax is loaded (once per page) before the plot that asks for it, so that
// plotly.js finds `window.MathJax` and typesets `$...$` titles and labels.
import React from "react";
import { deepEqual } from "../logic/equal";
import {
  DEFAULT_ANIMATION_OPTIONS,
  canAnimate,
  clickAnnotationData,
  clickData,
  containerStyle,
  figureWithShapes,
  isResponsive,
  plotConfig,
  plotLayout,
  pointsData,
  touchesShapes,
  traceUpdate,
} from "../logic/graph";
import type { Figure, JsonObject, Responsive } from "../logic/graph";
import { loadMathJax } from "../logic/mathjax";
import { loadPlotly } from "../logic/plotly";
import type { PlotlyApi, PlotlyElement } from "../logic/plotly";
import { domId, now, sendProps, useIsLoading } from "../page";
import type { RendererProps } from "../page";

export interface GraphProps extends RendererProps {
  id?: unknown;
  className?: string;
  style?: React.CSSProperties;
  figure?: Figure;
  config?: JsonObject;
  responsive?: Responsive;
  animate?: boolean;
  animation_options?: JsonObject;
  mathjax?: boolean;
  clear_on_unhover?: boolean;
  extendData?: unknown;
  prependData?: unknown;
  hoverData?: unknown;
}

const RESIZE_DELAY_MS = 50;

type Task = () => Promise<unknown>;

/** Runs the graph's plotly work in order; a failing step is reported and does not block the next. */
function useTaskQueue(describe: () => string): (task: Task) => void {
  const tail = React.useRef<Promise<unknown>>(Promise.resolve());
  return React.useCallback((task: Task) => {
    tail.current = tail.current.then(task).catch((error: unknown) => {
      console.error(`dcc.Graph ${describe()}: plotly.js failed:`, error);
    });
  }, []);
}

/** plotly.js once loaded (immediately when the page already has `window.Plotly`). */
function usePlotly(): PlotlyApi | null {
  const [plotly, setPlotly] = React.useState<PlotlyApi | null>(() => (window as { Plotly?: PlotlyApi }).Plotly ?? null);
  React.useEffect(() => {
    if (plotly) return;
    let mounted = true;
    loadPlotly().then(
      (api) => mounted && setPlotly(() => api),
      (error: unknown) => console.error(error),
    );
    return () => {
      mounted = false;
    };
  }, []);
  return plotly;
}

/** Waits for MathJax; if it cannot load, the graph is drawn anyway (the math stays as text). */
async function mathJaxForPlot(id: () => string | undefined): Promise<void> {
  try {
    await loadMathJax();
  } catch (error: unknown) {
    console.error(`dcc.Graph "${id() ?? ""}": MathJax could not be loaded, math is shown as text:`, error);
  }
}

/** The plotly event listeners, reading the latest props at event time. */
function eventHandlers(gd: PlotlyElement, latest: React.MutableRefObject<GraphProps>): Record<string, (data: unknown) => void> {
  const send = (changes: Record<string, unknown>): void => sendProps(latest.current, changes);
  const traces = (): unknown[] => gd.data ?? [];
  return {
    plotly_click: (data) => send({ clickData: clickData(data, traces(), now()) }),
    plotly_clickannotation: (data) => send({ clickAnnotationData: clickAnnotationData(data) }),
    plotly_hover: (data) => {
      const hoverData = pointsData(data, traces());
      if (!deepEqual(hoverData, latest.current.hoverData)) send({ hoverData });
    },
    plotly_unhover: () => {
      if (latest.current.clear_on_unhover && latest.current.hoverData !== null) send({ hoverData: null });
    },
    plotly_selected: (data) => send({ selectedData: pointsData(data, traces()) }),
    plotly_deselect: () => send({ selectedData: null }),
    plotly_relayout: (data) => {
      const changes: Record<string, unknown> = { relayoutData: data };
      if (touchesShapes(data)) changes.figure = figureWithShapes(latest.current.figure, gd.layout?.shapes);
      send(changes);
    },
    plotly_restyle: (data) => send({ restyleData: data }),
  };
}

/** (Re)attaches the listeners: a full re-plot by plotly.js drops the ones it had. */
function bindEvents(gd: PlotlyElement, handlers: Record<string, (data: unknown) => void>): void {
  if (!gd.on) return;
  for (const [event, handler] of Object.entries(handlers)) {
    gd.removeListener?.(event, handler);
    gd.on(event, handler);
  }
}

/** Draws the current figure: `Plotly.animate` when animating between compatible figures, else `Plotly.react`. */
async function draw(plotly: PlotlyApi, gd: PlotlyElement, props: GraphProps, plotted: boolean): Promise<void> {
  const figure = props.figure ?? {};
  const responsive = isResponsive(props.responsive, props.config, figure);
  const layout = plotLayout(figure.layout, props.responsive === true);
  // Trace objects are copied so that extendTraces never writes into the `figure` prop.
  const data = (figure.data ?? []).map((trace) => (typeof trace === "object" && trace !== null ? { ...trace } : trace));
  if (canAnimate(props.animate, plotted, gd.data?.length ?? 0, figure)) {
    if (figure.frames) {
      await plotly.deleteFrames(gd);
      await plotly.addFrames(gd, figure.frames);
    }
    await plotly.animate(gd, { data, layout }, props.animation_options ?? DEFAULT_ANIMATION_OPTIONS);
    return;
  }
  const config = plotConfig(props.config, responsive, Boolean(props.mathjax));
  await plotly.react(gd, { data, layout, frames: figure.frames ?? [], config });
}

/** Calls `Plotly.Plots.resize` (debounced) whenever the container of a responsive graph changes size. */
function useResize(target: React.RefObject<HTMLElement>, resize: () => void, active: boolean): void {
  React.useEffect(() => {
    if (!active || !target.current || typeof ResizeObserver === "undefined") return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new ResizeObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(resize, RESIZE_DELAY_MS);
    });
    observer.observe(target.current);
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, [active]);
}

/** Applies a new `extendData`/`prependData` value after the pending plots (`figure` is left as it is). */
function useTraceUpdate(
  value: unknown,
  method: "extendTraces" | "prependTraces",
  plotly: PlotlyApi | null,
  gdRef: React.RefObject<PlotlyElement>,
  plotted: React.MutableRefObject<boolean>,
  enqueue: (task: Task) => void,
): void {
  React.useEffect(() => {
    const gd = gdRef.current;
    const update = traceUpdate(value);
    if (!plotly || !gd || !update) return;
    enqueue(async () => {
      if (gd.isConnected && plotted.current) await plotly[method](gd, ...update);
    });
  }, [plotly, value]);
}

export function Graph(props: GraphProps): React.ReactElement {
  const outer = React.useRef<HTMLDivElement>(null);
  const gdRef = React.useRef<PlotlyElement>(null);
  const latest = React.useRef(props);
  latest.current = props;
  const plotted = React.useRef(false);
  const [drawn, setDrawn] = React.useState(false);
  const loading = useIsLoading();
  const plotly = usePlotly();
  const enqueue = useTaskQueue(() => `"${domId(latest.current.id) ?? ""}"`);
  const handlers = React.useRef<Record<string, (data: unknown) => void> | null>(null);
  const responsive = isResponsive(props.responsive, props.config, props.figure);

  React.useEffect(() => {
    // Fetched alongside plotly.js rather than after it; a failure is reported by the plot task.
    if (props.mathjax) loadMathJax().catch(() => undefined);
  }, [props.mathjax]);

  React.useEffect(() => {
    const gd = gdRef.current;
    if (!plotly || !gd) return;
    enqueue(async () => {
      if (latest.current.mathjax) await mathJaxForPlot(() => domId(latest.current.id));
      if (!gd.isConnected) return;
      await draw(plotly, gd, latest.current, plotted.current);
      handlers.current ??= eventHandlers(gd, latest);
      bindEvents(gd, handlers.current);
      plotted.current = true;
      setDrawn(true);
    });
  }, [plotly, props.figure, props.config, props.responsive, props.animate, props.mathjax]);

  useTraceUpdate(props.extendData, "extendTraces", plotly, gdRef, plotted, enqueue);
  useTraceUpdate(props.prependData, "prependTraces", plotly, gdRef, plotted, enqueue);

  useResize(outer, () => {
    if (plotly && gdRef.current && plotted.current) enqueue(() => plotly.Plots.resize(gdRef.current as PlotlyElement));
  }, Boolean(plotly) && responsive);

  React.useEffect(() => {
    // React detaches refs before effect clean-ups run, so the div is captured now for the purge.
    const gd = gdRef.current;
    return () => {
      if (plotly && gd) plotly.purge(gd);
    };
  }, [plotly]);

  const classes = ["dash-graph"];
  if (props.className) classes.push(props.className);
  if (!drawn) classes.push("dash-graph--pending");
  return (
    <div
      ref={outer}
      id={domId(props.id)}
      className={classes.join(" ")}
      style={containerStyle(props.style, responsive)}
      data-dash-is-loading={loading ? "true" : undefined}
    >
      {plotly ? (
        <>
          <div />
          <div ref={gdRef} style={{ height: "100%", width: "100%" }} />
        </>
      ) : null}
    </div>
  );
}
