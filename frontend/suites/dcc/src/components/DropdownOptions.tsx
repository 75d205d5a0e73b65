// The option list inside an open dcc.Dropdown (dom-contract §5.1): every row under 100 options,
// a fixed-row-height window of rows (plus a hidden sizer row) from 100 options on.
import React from "react";
import { valueText } from "../logic/dropdown";
import { labelText } from "../logic/options";
import type { NormalizedOption, OptionValue } from "../logic/options";
import { isLayoutNode, renderLayoutNode } from "../page";
import type { LayoutPath } from "../page";

/** From this many options on, only the visible rows are rendered. */
export const VIRTUALIZE_FROM = 100;
const OVERSCAN = 6;
const FALLBACK_ROW_HEIGHT = 34;

export interface DropdownOptionsProps {
  options: NormalizedOption[];
  selected: OptionValue[];
  multi: boolean;
  optionHeight: number | "auto";
  maxHeight: number;
  /** Path of the `options` prop, for component labels (null outside Dash). */
  optionsPath: LayoutPath | null;
  noOptionsText: string;
  /** Row to focus (and scroll to), or null. */
  focusIndex: number | null;
  onPick: (option: NormalizedOption) => void;
  onKeyNav: (event: React.KeyboardEvent, index: number) => void;
}

/** An option label: a component rendered by the renderer, or its text. */
export function OptionLabel(props: { option: NormalizedOption; optionsPath: LayoutPath | null }): React.ReactElement {
  const { option, optionsPath } = props;
  if (isLayoutNode(option.label) && optionsPath) {
    return <>{renderLayoutNode(option.label, [...optionsPath, ...option.labelPath])}</>;
  }
  return <span>{labelText(option.label) ?? valueText(option.value)}</span>;
}

interface RowProps {
  option: NormalizedOption;
  index: number;
  list: DropdownOptionsProps;
  style?: React.CSSProperties;
}

function OptionRow({ option, index, list, style }: RowProps): React.ReactElement {
  const selected = list.selected.includes(option.value);
  const text = labelText(option.label);
  const classes = ["dash-options-list-option", "dash-dropdown-option"];
  if (selected) classes.push("selected");
  if (option.disabled) classes.push("disabled");
  const pick = (event: React.MouseEvent): void => {
    // The row handles the click itself: the native toggle of the radio/checkbox is cancelled.
    event.preventDefault();
    if (!option.disabled && index >= 0) list.onPick(option);
  };
  return (
    <label
      className={classes.join(" ")}
      role="option"
      aria-selected={selected ? "true" : "false"}
      aria-disabled={option.disabled || undefined}
      data-option-index={index}
      style={style}
      onClick={pick}
    >
      <span className="dash-options-list-option-wrapper">
        <input
          className="dash-options-list-option-checkbox"
          type={list.multi ? "checkbox" : "radio"}
          readOnly
          tabIndex={index >= 0 ? 0 : -1}
          value={valueText(option.value)}
          checked={selected}
          disabled={option.disabled}
          onChange={() => undefined}
          onKeyDown={(event) => list.onKeyNav(event, index)}
        />
      </span>
      <span className="dash-options-list-option-text" title={option.title ?? text}>
        <OptionLabel option={option} optionsPath={list.optionsPath} />
      </span>
    </label>
  );
}

/** Focuses the checkbox/radio of row `index` inside `root` (when that row is rendered). */
function focusRow(root: HTMLElement | null, index: number): void {
  const input = root?.querySelector<HTMLInputElement>(`[data-option-index="${index}"] input`);
  if (input && document.activeElement !== input) input.focus({ preventScroll: false });
}

function PlainList(props: DropdownOptionsProps): React.ReactElement {
  const root = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (props.focusIndex !== null) focusRow(root.current, props.focusIndex);
  }, [props.focusIndex]);
  const rowStyle = typeof props.optionHeight === "number" ? { height: props.optionHeight } : undefined;
  return (
    <div ref={root} className="dash-options-list dash-dropdown-options" role="listbox" aria-multiselectable={props.multi || undefined}>
      {props.options.map((option, index) => (
        <OptionRow key={`${typeof option.value}:${String(option.value)}`} option={option} index={index} list={props} style={rowStyle} />
      ))}
    </div>
  );
}

/** The measured height of one row: `optionHeight` in px, else the hidden sizer row's height. */
function useRowHeight(optionHeight: number | "auto", sizer: React.RefObject<HTMLDivElement>): number {
  const [measured, setMeasured] = React.useState<number | null>(null);
  React.useLayoutEffect(() => {
    if (typeof optionHeight === "number") return;
    const height = sizer.current?.getBoundingClientRect().height;
    if (height) setMeasured(height);
  }, [optionHeight]);
  if (typeof optionHeight === "number") return optionHeight;
  return measured ?? FALLBACK_ROW_HEIGHT;
}

function VirtualList(props: DropdownOptionsProps): React.ReactElement {
  const root = React.useRef<HTMLDivElement>(null);
  const scroller = React.useRef<HTMLDivElement>(null);
  const sizer = React.useRef<HTMLDivElement>(null);
  const rowHeight = useRowHeight(props.optionHeight, sizer);
  const [scrollTop, setScrollTop] = React.useState(0);
  const total = props.options.length * rowHeight;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const visibleRows = Math.ceil(props.maxHeight / rowHeight) + 2 * OVERSCAN;
  const last = Math.min(props.options.length, first + visibleRows);

  React.useLayoutEffect(() => {
    const box = scroller.current;
    const index = props.focusIndex;
    if (!box || index === null) return;
    const top = index * rowHeight;
    if (top < box.scrollTop) box.scrollTop = top;
    else if (top + rowHeight > box.scrollTop + box.clientHeight) box.scrollTop = top + rowHeight - box.clientHeight;
    setScrollTop(box.scrollTop);
  }, [props.focusIndex, rowHeight]);
  React.useEffect(() => {
    if (props.focusIndex !== null) focusRow(root.current, props.focusIndex);
  });

  const rows: React.ReactElement[] = [];
  for (let index = first; index < last; index += 1) {
    const option = props.options[index];
    rows.push(
      <div
        key={`${typeof option.value}:${String(option.value)}`}
        style={{ position: "absolute", top: 0, left: 0, width: "100%", height: rowHeight, transform: `translateY(${index * rowHeight}px)` }}
      >
        <OptionRow option={option} index={index} list={props} style={{ height: rowHeight }} />
      </div>,
    );
  }
  return (
    <div ref={root} className="dash-options-list dash-dropdown-options" role="listbox" aria-multiselectable={props.multi || undefined}>
      <div ref={sizer} aria-hidden="true" className="dash-options-list-sizer">
        <OptionRow option={props.options[0]} index={-1} list={props} />
      </div>
      <div
        ref={scroller}
        className="dash-options-list-virtualized"
        style={{ height: total }}
        onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      >
        <div style={{ position: "relative", height: total, width: "100%" }}>{rows}</div>
      </div>
    </div>
  );
}

export function DropdownOptions(props: DropdownOptionsProps): React.ReactElement {
  if (!props.options.length) {
    return (
      <div className="dash-options-list dash-dropdown-options" role="listbox">
        <span className="dash-dropdown-option dash-dropdown-no-options">{props.noOptionsText}</span>
      </div>
    );
  }
  return props.options.length >= VIRTUALIZE_FROM ? <VirtualList {...props} /> : <PlainList {...props} />;
}
