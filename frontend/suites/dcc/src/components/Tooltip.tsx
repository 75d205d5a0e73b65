// dcc.Tooltip: a box next to the rectangle `bbox` (dom-contract §5.10).
import React from "react";
import { domId, useIsLoading } from "../page";

export interface TooltipProps {
  id?: unknown;
  children?: React.ReactNode;
  className?: string;
  style?: React.CSSProperties;
  bbox?: { x0?: number; y0?: number; x1?: number; y1?: number } | null;
  show?: boolean;
  direction?: "top" | "right" | "bottom" | "left";
  border_color?: string;
  background_color?: string;
  loading_text?: string;
  zindex?: number;
  targetable?: boolean;
}

/** The inline style of the bounding box: placed over `bbox`, hidden without one. */
export function boundingBoxStyle(props: TooltipProps): Record<string, string | number> {
  const { bbox } = props;
  const visible = props.show !== false && Boolean(bbox);
  const style: Record<string, string | number> = {
    position: "absolute",
    display: visible ? "inline-block" : "none",
    "pointer-events": props.targetable ? "auto" : "none",
    "--Dash-Tooltip-PointerEvents": props.targetable ? "auto" : "none",
    "--Dash-Tooltip-ZIndex": props.zindex ?? 1,
  };
  if (props.border_color) style["--Dash-Tooltip-Border-Color"] = props.border_color;
  if (props.background_color) style["--Dash-Tooltip-Background-Color"] = props.background_color;
  if (bbox) {
    const x0 = bbox.x0 ?? 0;
    const y0 = bbox.y0 ?? 0;
    style.top = `${y0}px`;
    style.left = `${x0}px`;
    style.width = `${(bbox.x1 ?? x0) - x0}px`;
    style.height = `${(bbox.y1 ?? y0) - y0}px`;
  }
  return style;
}

function toReactStyle(style: Record<string, string | number>): React.CSSProperties {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(style)) out[key === "pointer-events" ? "pointerEvents" : key] = value;
  return out as React.CSSProperties;
}

export function Tooltip(props: TooltipProps): React.ReactElement {
  const loading = useIsLoading();
  const direction = props.direction ?? "right";
  return (
    <div className="dcc-tooltip-bounding-box dash-tooltip" style={toReactStyle(boundingBoxStyle(props))}>
      <div className={`hover hover-${direction}`} data-dash-is-loading={loading ? "true" : "false"}>
        <span id={domId(props.id)} className={`hover-content${props.className ? ` ${props.className}` : ""}`} style={props.style}>
          {loading ? <span>{props.loading_text ?? "Loading..."}</span> : props.children}
        </span>
      </div>
    </div>
  );
}
