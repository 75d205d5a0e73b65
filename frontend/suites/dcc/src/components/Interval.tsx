// dcc.Interval: no DOM; adds 1 to `n_intervals` every `interval` ms (renderer §5.4).
import React from "react";
import { count, sendProps } from "../page";
import type { RendererProps } from "../page";

export interface IntervalProps extends RendererProps {
  interval?: number;
  disabled?: boolean;
  n_intervals?: number;
  max_intervals?: number;
}

/** Whether the timer may tick again: not disabled and below `max_intervals` (-1: no limit). */
export function mayTick(nIntervals: unknown, maxIntervals: unknown, disabled: unknown): boolean {
  if (disabled) return false;
  const max = typeof maxIntervals === "number" ? maxIntervals : -1;
  return max < 0 || count(nIntervals) < max;
}

export function Interval(props: IntervalProps): null {
  const latest = React.useRef(props);
  latest.current = props;
  const interval = typeof props.interval === "number" && props.interval > 0 ? props.interval : 1000;
  const running = mayTick(props.n_intervals, props.max_intervals, props.disabled);

  React.useEffect(() => {
    if (!running) return undefined;
    const handle = setInterval(() => {
      const p = latest.current;
      if (mayTick(p.n_intervals, p.max_intervals, p.disabled)) sendProps(p, { n_intervals: count(p.n_intervals) + 1 });
    }, interval);
    return () => clearInterval(handle);
  }, [interval, running]);

  return null;
}
