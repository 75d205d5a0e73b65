// Which tooltip a cell shows. Data cells: `tooltip_data` for that cell, else the last matching
// `tooltip_conditional`, else the column's `tooltip` (unless it is for headers only). Header
// cells: `tooltip_header` (one for every header row, or a list with one per row), else the
// column's `tooltip` (unless it is for data only).
import type { Column, DataTableProps, Row, TooltipSpec } from "../types";
import { matches } from "./styles";

export interface ResolvedTooltip {
  value: string;
  type: "text" | "markdown";
  delay: number | null;
  duration: number | null;
}

function resolved(spec: string | TooltipSpec, props: DataTableProps): ResolvedTooltip {
  const delay = props.tooltip_delay === undefined ? 350 : props.tooltip_delay;
  const duration = props.tooltip_duration === undefined ? 2000 : props.tooltip_duration;
  if (typeof spec === "string") return { value: spec, type: "text", delay, duration };
  return {
    value: spec.value,
    type: spec.type ?? "text",
    delay: spec.delay === undefined ? delay : spec.delay,
    duration: spec.duration === undefined ? duration : spec.duration,
  };
}

/** The tooltip of the data cell at (`viewRow`, `column`), or null. */
export function dataTooltip(
  props: DataTableProps,
  column: Column,
  row: Row,
  viewRow: number,
  dataIndex: number,
): ResolvedTooltip | null {
  const own = props.tooltip_data?.[dataIndex]?.[column.id];
  if (own !== undefined && own !== null) return resolved(own, props);
  const conditional = props.tooltip_conditional ?? [];
  for (let i = conditional.length - 1; i >= 0; i--) {
    const entry = conditional[i];
    if (matches({ if: entry.if }, { column, editable: false, row, rowIndex: viewRow })) return resolved(entry, props);
  }
  const general = props.tooltip?.[column.id];
  if (general === undefined || general === null) return null;
  if (typeof general !== "string" && general.use_with === "header") return null;
  return resolved(general, props);
}

/** The tooltip of the header cell of `column` in header row `headerRow`, or null. */
export function headerTooltip(props: DataTableProps, column: Column, headerRow: number): ResolvedTooltip | null {
  const own = props.tooltip_header?.[column.id];
  if (own !== undefined && own !== null) {
    const spec = Array.isArray(own) ? own[headerRow] : own;
    return spec === undefined || spec === null ? null : resolved(spec, props);
  }
  const general = props.tooltip?.[column.id];
  if (general === undefined || general === null) return null;
  if (typeof general !== "string" && general.use_with === "data") return null;
  return resolved(general, props);
}
