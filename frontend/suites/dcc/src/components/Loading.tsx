// dcc.Loading: a spinner over its children while callbacks update them (dom-contract §5.9).
import React from "react";
import { pendingBelow, wantsSpinner } from "../logic/loading";
import type { Display, TargetComponents } from "../logic/loading";
import { domId, useDashContextSafe } from "../page";
import type { DashStateView } from "../page";
import { SpinnerElement } from "./Spinner";

export interface LoadingProps {
  id?: unknown;
  children?: React.ReactNode;
  type?: string;
  fullscreen?: boolean;
  debug?: boolean;
  className?: string;
  parent_className?: string;
  style?: React.CSSProperties;
  parent_style?: React.CSSProperties;
  overlay_style?: React.CSSProperties;
  color?: string;
  display?: Display;
  delay_hide?: number;
  delay_show?: number;
  show_initially?: boolean;
  target_components?: TargetComponents;
  custom_spinner?: React.ReactNode;
}

/** The watched pending outputs, joined with "\n" ("" when idle) so equal selections compare equal. */
function usePending(targets: TargetComponents | undefined): string[] {
  const context = useDashContextSafe();
  const path = context ? context.componentPath : null;
  const selector = React.useCallback(
    (state: DashStateView) => (path ? pendingBelow(state.loading, path, targets).join("\n") : ""),
    [path ? JSON.stringify(path) : "", targets],
  );
  const joined = context ? context.useSelector(selector) : "";
  return joined ? joined.split("\n") : [];
}

/** Applies `delay_show` / `delay_hide` to the wanted state; starts shown when `initially`. */
function useDelayedShow(wanted: boolean, initially: boolean, delayShow: number, delayHide: number): boolean {
  const [shown, setShown] = React.useState(initially);
  React.useEffect(() => {
    if (wanted === shown) return undefined;
    const delay = wanted ? delayShow : delayHide;
    if (delay <= 0) {
      setShown(wanted);
      return undefined;
    }
    const timer = setTimeout(() => setShown(wanted), delay);
    return () => clearTimeout(timer);
  }, [wanted, shown, delayShow, delayHide]);
  return shown;
}

const COVER: React.CSSProperties = {
  position: "absolute",
  inset: 0,
  display: "flex",
  alignItems: "center",
  justifyContent: "center",
  visibility: "visible",
};

function SpinnerBox(props: LoadingProps & { pending: string[] }): React.ReactElement {
  if (props.custom_spinner !== undefined && props.custom_spinner !== null) return <>{props.custom_spinner}</>;
  const classes = [props.className, props.fullscreen ? "dash-spinner-container" : ""].filter(Boolean).join(" ");
  const style = { ...(props.color ? { "--dash-spinner-color": props.color } : {}), ...props.style } as React.CSSProperties;
  return (
    <div className={classes || undefined} style={style}>
      {props.debug
        ? props.pending.map((output) => (
            <h3 key={output} className="dash-loading-title">
              Loading {output}
            </h3>
          ))
        : null}
      <SpinnerElement type={props.type} />
    </div>
  );
}

export function Loading(props: LoadingProps): React.ReactElement {
  const pending = usePending(props.target_components);
  const display = props.display ?? "auto";
  const initially = display === "auto" ? props.show_initially !== false : display === "show";
  const shown = useDelayedShow(wantsSpinner(display, pending.length > 0), initially, props.delay_show ?? 0, props.delay_hide ?? 0);
  const parentStyle = props.parent_style ?? {};
  const contentStyle = shown ? { ...parentStyle, visibility: "hidden" as const, ...props.overlay_style } : parentStyle;
  return (
    <div className={props.parent_className} style={{ position: "relative", ...parentStyle }}>
      <div className={props.parent_className} style={contentStyle}>
        {props.children}
      </div>
      <div id={domId(props.id)} style={shown ? COVER : undefined}>
        {shown ? <SpinnerBox {...props} pending={pending} /> : null}
      </div>
    </div>
  );
}
