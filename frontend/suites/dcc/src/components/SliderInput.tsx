// The number box of a slider handle (`allow_direct_input`): typing changes nothing until the box
// loses focus or Enter is pressed; then the number is snapped, clamped and committed.
import React from "react";
import { valuesFromInput } from "../logic/slider";
import type { SliderGrid } from "../logic/slider";

export interface SliderInputProps {
  kind: "min" | "max";
  index: number;
  values: number[];
  grid: SliderGrid;
  disabled: boolean;
  onCommit: (values: number[]) => void;
}

export function SliderInput(props: SliderInputProps): React.ReactElement {
  const { index, values, grid } = props;
  const current = values[index];
  const [text, setText] = React.useState(String(current));
  const editing = React.useRef(false);
  React.useEffect(() => {
    if (!editing.current) setText(String(current));
  }, [current]);

  const commit = (): void => {
    editing.current = false;
    const next = valuesFromInput(text, index, values, grid);
    if (next === null) {
      setText(String(current));
      return;
    }
    setText(String(next[index]));
    if (next[index] !== current) props.onCommit(next);
  };

  return (
    <input
      className={`dash-input-container dash-range-slider-input dash-range-slider-${props.kind}-input`}
      type="number"
      min={grid.min}
      max={grid.max}
      step={grid.step ?? "any"}
      value={text}
      disabled={props.disabled}
      aria-label={props.kind === "min" ? "Minimum value" : "Maximum value"}
      onChange={(event) => {
        editing.current = true;
        setText(event.target.value);
      }}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === "Enter") commit();
      }}
    />
  );
}
