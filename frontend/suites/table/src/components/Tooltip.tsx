// Cell and header tooltips (dom-contract §7.8): after the delay, `div.dash-tooltip >
// div.dash-table-tooltip` becomes the first child of the table container, below the hovered
// cell; it goes away when the pointer leaves or after the duration.
import React from "react";
import { markdownHtml } from "../logic/markdown";
import { dataTooltip, headerTooltip } from "../logic/tooltips";
import type { ResolvedTooltip } from "../logic/tooltips";
import type { Column, DataTableProps, Row } from "../types";

export interface ShownTooltip {
  tooltip: ResolvedTooltip;
  top: number;
  left: number;
  markdownOptions: DataTableProps["markdown_options"];
}

export function Tooltip({ tooltip, top, left, markdownOptions }: ShownTooltip): React.ReactElement {
  const body =
    tooltip.type === "markdown" ? (
      <div className="dash-table-tooltip" dangerouslySetInnerHTML={{ __html: markdownHtml(tooltip.value, markdownOptions) }} />
    ) : (
      <div className="dash-table-tooltip">{tooltip.value}</div>
    );
  return (
    <div className="dash-tooltip" data-attr-anchor="top" style={{ visibility: "visible", position: "absolute", top, left }}>
      {body}
    </div>
  );
}

export interface TooltipControl {
  shown: ShownTooltip | null;
  /** The pointer entered (target) or left (null) the data cell at (`row`, `column`). */
  hover(row: number, column: number, target: HTMLElement | null): void;
  /** The pointer entered (target) or left (null) the header cell of `column` in header row `row`. */
  hoverHeader(column: number, row: number, target: HTMLElement | null): void;
}

export function useTooltip(
  props: DataTableProps,
  columns: Column[],
  rows: Row[],
  indices: number[],
  container: React.RefObject<HTMLDivElement>,
): TooltipControl {
  const [shown, setShown] = React.useState<ShownTooltip | null>(null);
  const timers = React.useRef<number[]>([]);
  const latest = React.useRef({ props, columns, rows, indices });
  latest.current = { props, columns, rows, indices };
  const clearTimers = (): void => {
    for (const t of timers.current) window.clearTimeout(t);
    timers.current = [];
  };
  React.useEffect(() => clearTimers, []);
  // Shows `tooltip` below `target` after its delay, and hides it after its duration.
  const showFor = React.useCallback(
    (tooltip: ResolvedTooltip | null, target: HTMLElement) => {
      if (!tooltip) return;
      const show = (): void => {
        if (!container.current) return;
        const box = container.current.getBoundingClientRect();
        const cell = target.getBoundingClientRect();
        setShown({
          tooltip,
          top: cell.bottom - box.top,
          left: cell.left - box.left,
          markdownOptions: latest.current.props.markdown_options,
        });
        if (tooltip.duration !== null) timers.current.push(window.setTimeout(() => setShown(null), tooltip.duration));
      };
      if (tooltip.delay) timers.current.push(window.setTimeout(show, tooltip.delay));
      else show();
    },
    [container],
  );
  const hover = React.useCallback(
    (row: number, column: number, target: HTMLElement | null) => {
      clearTimers();
      setShown(null);
      const s = latest.current;
      if (!target || row < 0 || !s.columns[column] || !s.rows[row]) return;
      showFor(dataTooltip(s.props, s.columns[column], s.rows[row], row, s.indices[row]), target);
    },
    [showFor],
  );
  const hoverHeader = React.useCallback(
    (column: number, row: number, target: HTMLElement | null) => {
      clearTimers();
      setShown(null);
      const s = latest.current;
      if (!target || row < 0 || !s.columns[column]) return;
      showFor(headerTooltip(s.props, s.columns[column], row), target);
    },
    [showFor],
  );
  return { shown, hover, hoverHeader };
}
