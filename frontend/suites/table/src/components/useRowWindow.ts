// Virtualization: with `virtualization=True` only the rows in (and near) view are rendered, the
// rest stand in as the height of two spacer rows; @tanstack/react-virtual tracks the scrolling.
import { useVirtualizer } from "@tanstack/react-virtual";
import React from "react";

const ROW_HEIGHT = 25;
/** Quiet time after the last window change before the window counts as settled. */
const SETTLE_MS = 200;

export interface RowWindow {
  start: number;
  end: number;
  padTop: number;
  padBottom: number;
}

export function useRowWindow(
  enabled: boolean,
  count: number,
  scrollElement: React.RefObject<HTMLDivElement>,
  headerHeight: number,
): RowWindow {
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLTableRowElement>({
    count: enabled ? count : 0,
    getScrollElement: () => scrollElement.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: headerHeight,
  });
  if (!enabled) return { start: 0, end: count, padTop: 0, padBottom: 0 };
  const items = virtualizer.getVirtualItems();
  if (!items.length) return { start: 0, end: Math.min(count, 40), padTop: 0, padBottom: Math.max(0, count - 40) * ROW_HEIGHT };
  const first = items[0];
  const last = items[items.length - 1];
  return {
    start: first.index,
    end: last.index + 1,
    padTop: first.start - headerHeight,
    padBottom: Math.max(0, virtualizer.getTotalSize() - (last.end - headerHeight)),
  };
}

/**
 * The rendered window [`start`, `end`) once it stopped changing for a moment: what a virtualized
 * table reports in `derived_viewport_*` (not every frame of a scroll).
 */
export function useSettledWindow(enabled: boolean, start: number, end: number): { start: number; end: number } {
  const [settled, setSettled] = React.useState({ start, end });
  React.useEffect(() => {
    if (!enabled || (settled.start === start && settled.end === end)) return undefined;
    const timer = window.setTimeout(() => setSettled({ start, end }), SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [enabled, start, end, settled.start, settled.end]);
  return enabled ? settled : { start, end };
}
