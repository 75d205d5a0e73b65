// The markup and behaviour shared by dcc.Slider and dcc.RangeSlider (dom-contract §5.5): a Radix
// slider with marks, dots, tooltips and optional number boxes, sending `drag_value` while the
// handles move and `value` on release (`updatemode='mouseup'`) or continuously ('drag').
import * as RadixSlider from "@radix-ui/react-slider";
import React from "react";
import {
  adjacentMark,
  alignedOffset,
  dotValues,
  insideSelection,
  keyDirection,
  minStepsBetween,
  percentOf,
  sameValues,
  showsInputs,
  sliderBounds,
  sliderMarks,
  sliderStep,
  snapValue,
  thumbValues,
  tooltipText,
} from "../logic/slider";
import type { SliderGrid, TooltipSpec } from "../logic/slider";
import { domId, page, sendProps, useIsLoading } from "../page";
import type { RendererProps } from "../page";
import { SliderInput } from "./SliderInput";

type SliderValue = number | number[] | null | undefined;

export interface SliderBaseProps extends RendererProps {
  id?: unknown;
  min?: number;
  max?: number;
  step?: number | null;
  marks?: Record<string, unknown> | null;
  value?: SliderValue;
  drag_value?: SliderValue;
  disabled?: boolean;
  dots?: boolean;
  included?: boolean;
  reverse?: boolean;
  vertical?: boolean;
  verticalHeight?: number;
  tooltip?: TooltipSpec | null;
  updatemode?: "mouseup" | "drag";
  allow_direct_input?: boolean;
  className?: string;
  allowCross?: boolean;
  pushable?: boolean | number;
  count?: number;
}

interface SliderBaseConfig {
  range: boolean;
}

const DEFAULT_VERTICAL_HEIGHT = 400;

function dccFunctions(): Record<string, unknown> | undefined {
  return (page as unknown as { dccFunctions?: Record<string, unknown> }).dccFunctions;
}

/** The grid (bounds, step, marks) computed once per change of the props that define it. */
function useGrid(props: SliderBaseProps): SliderGrid & { fineStep: number } {
  const { min, max, step, marks } = props;
  return React.useMemo(() => {
    const bounds = sliderBounds(min, max, marks);
    const realStep = sliderStep(step, bounds.min, bounds.max);
    const fineStep = realStep ?? Math.max((bounds.max - bounds.min) / 10000, Number.EPSILON);
    return { ...bounds, step: realStep, marks: sliderMarks(marks, bounds.min, bounds.max, realStep), fineStep };
  }, [min, max, step, marks]);
}

/** The handle values shown: the props' value, or the values being dragged. */
function useShownValues(props: SliderBaseProps, grid: SliderGrid, range: boolean) {
  const fromProps = React.useMemo(
    () => thumbValues(props.value, range, grid.min, grid.max, props.count),
    [props.value, range, grid.min, grid.max, props.count],
  );
  const [dragging, setDragging] = React.useState<number[] | null>(null);
  React.useEffect(() => setDragging(null), [fromProps]);
  return { shown: dragging ?? fromProps, fromProps, setDragging };
}

function Tooltip(props: { id?: string; index: number; value: number; tooltip: TooltipSpec }): React.ReactElement {
  const { tooltip } = props;
  const placement = tooltip.placement ?? "top";
  const classes = `dash-slider-tooltip dash-slider-tooltip-${placement}${tooltip.always_visible ? " always-visible" : ""}`;
  return (
    <div className={classes} data-placement={placement} style={tooltip.style as React.CSSProperties | undefined}>
      <div id={props.id && `${props.id}-tooltip-${props.index + 1}-content`} className="dash-slider-tooltip-content">
        {tooltipText(props.value, tooltip, dccFunctions())}
      </div>
    </div>
  );
}

function offsetStyle(percent: number, vertical: boolean, reverse: boolean): React.CSSProperties {
  const along = reverse ? 100 - percent : percent;
  return vertical ? { bottom: alignedOffset(along) } : { left: alignedOffset(along) };
}

export function SliderBase(props: SliderBaseProps & SliderBaseConfig): React.ReactElement {
  const { range } = props;
  const latest = React.useRef(props);
  latest.current = props;
  const grid = useGrid(props);
  const { shown, fromProps, setDragging } = useShownValues(props, grid, range);
  const loading = useIsLoading();
  const id = domId(props.id);
  const vertical = Boolean(props.vertical);
  const reverse = Boolean(props.reverse);
  const included = props.included !== false;
  const disabled = Boolean(props.disabled);

  const asProp = (values: number[]): number | number[] => (range ? values : values[0]);

  React.useEffect(() => {
    // Dash reports the starting position as `drag_value` once the slider is on the page.
    if (props.value !== undefined && props.value !== null) sendProps(latest.current, { drag_value: props.value });
  }, []);

  const move = (raw: number[]): void => {
    const values = raw.map((v) => snapValue(v, grid));
    setDragging(values);
    const changes: Record<string, unknown> = { drag_value: asProp(values) };
    if (latest.current.updatemode === "drag" && !sameValues(values, fromProps)) changes.value = asProp(values);
    sendProps(latest.current, changes);
  };

  const release = (raw: number[]): void => {
    const values = raw.map((v) => snapValue(v, grid));
    if (!sameValues(values, fromProps) || latest.current.value === undefined) {
      sendProps(latest.current, { value: asProp(values), drag_value: asProp(values) });
    }
  };

  const setFromInput = (values: number[]): void => {
    setDragging(values);
    sendProps(latest.current, { value: asProp(values), drag_value: asProp(values) });
  };

  const onKeyDown = (event: React.KeyboardEvent): void => {
    // With step=None the arrows jump from mark to mark (Radix only knows even steps).
    const direction = keyDirection(event.key, vertical, reverse);
    if (grid.step !== null || direction === null) return;
    const thumb = (event.target as HTMLElement).closest("[data-thumb-index]");
    if (!thumb) return;
    event.preventDefault();
    const index = Number(thumb.getAttribute("data-thumb-index"));
    const values = [...shown];
    values[index] = adjacentMark(values[index], direction, grid.marks);
    if (index > 0) values[index] = Math.max(values[index], values[index - 1]);
    if (index < values.length - 1) values[index] = Math.min(values[index], values[index + 1]);
    move(values);
    release(values);
  };

  const withDots = Boolean(props.dots);
  const dots = withDots ? dotValues(grid.min, grid.max, grid.step) : [];
  const inputs = showsInputs(props.allow_direct_input, grid.step, vertical, shown.length);
  const containerClasses = `dash-slider-container${props.className ? ` ${props.className}` : ""}`;
  const rootClasses = `dash-slider-root${grid.marks.length ? " has-marks" : ""}`;
  return (
    <div id={id} className={containerClasses} data-dash-is-loading={loading ? "true" : undefined}>
      {inputs && range && shown.length === 2 ? (
        <SliderInput kind="min" index={0} values={shown} grid={grid} disabled={disabled} onCommit={setFromInput} />
      ) : null}
      {inputs ? (
        <SliderInput kind="max" index={shown.length - 1} values={shown} grid={grid} disabled={disabled} onCommit={setFromInput} />
      ) : null}
      <div className="dash-slider-wrapper">
        <RadixSlider.Root
          className={rootClasses}
          min={grid.min}
          max={grid.max}
          step={grid.fineStep}
          value={shown}
          disabled={disabled}
          orientation={vertical ? "vertical" : "horizontal"}
          dir="ltr"
          inverted={reverse}
          minStepsBetweenThumbs={range ? minStepsBetween(props.pushable) : 0}
          preserveThumbOrder={range && props.allowCross === false}
          onValueChange={move}
          onValueCommit={release}
          onKeyDown={onKeyDown}
          data-included={included ? "true" : "false"}
          style={vertical ? { height: props.verticalHeight ?? DEFAULT_VERTICAL_HEIGHT } : undefined}
        >
          <RadixSlider.Track className="dash-slider-track">
            {included ? <RadixSlider.Range className="dash-slider-range" /> : null}
          </RadixSlider.Track>
          {dots.map((value) => (
            <div
              key={`dot-${value}`}
              className={`dash-slider-dot${insideSelection(value, shown, included, range) ? "" : " dash-slider-dot-outside-selection"}`}
              style={offsetStyle(percentOf(value, grid.min, grid.max), vertical, reverse)}
            />
          ))}
          {grid.marks.map((mark) => (
            <div
              key={`mark-${mark.value}`}
              className={`dash-slider-mark${withDots ? " with-dots" : ""}${
                insideSelection(mark.value, shown, included, range) ? "" : " dash-slider-mark-outside-selection"
              }`}
              style={{ ...offsetStyle(percentOf(mark.value, grid.min, grid.max), vertical, reverse), ...(mark.style as React.CSSProperties) }}
            >
              {mark.label}
            </div>
          ))}
          {shown.map((value, index) => (
            <RadixSlider.Thumb
              key={index}
              className={`dash-slider-thumb dash-slider-thumb-${index + 1}`}
              data-thumb-index={index}
            >
              {props.tooltip ? <Tooltip id={id} index={index} value={value} tooltip={props.tooltip} /> : null}
            </RadixSlider.Thumb>
          ))}
        </RadixSlider.Root>
      </div>
    </div>
  );
}
