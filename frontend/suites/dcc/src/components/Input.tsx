// dcc.Input: `div.dash-input-container` > `input.dash-input-element` (+ -/+ steppers for numbers).
// The box is uncontrolled: typing never waits for a round trip; prop changes are written into it
// only when they differ from what it shows (dom-contract §5.2, renderer §5.2).
import React from "react";
import {
  canStep,
  debounceDelay,
  isNumberType,
  sameValue,
  stepped,
  textOf,
  textShowsValue,
  valueFromText,
} from "../logic/number";
import type { InputValue } from "../logic/number";
import { attributeProps, count, domId, now, sendProps, useIsLoading } from "../page";
import type { RendererProps } from "../page";

export interface InputProps extends RendererProps {
  id?: unknown;
  value?: InputValue;
  type?: string;
  debounce?: boolean | number;
  className?: string;
  style?: React.CSSProperties;
  n_submit?: number;
  n_blur?: number;
  step?: string | number;
  min?: string | number;
  max?: string | number;
  disabled?: unknown;
  [attribute: string]: unknown;
}

const ATTRIBUTES: ReadonlySet<string> = new Set([
  "placeholder", "inputMode", "autoComplete", "autoFocus", "disabled", "list", "max", "min", "maxLength",
  "minLength", "multiple", "name", "pattern", "readOnly", "required", "size", "spellCheck", "step",
]);

// Dash's defaults (React's types do not know the "verbatim" input mode).
const DEFAULT_ATTRIBUTES: Record<string, string> = { inputMode: "verbatim", autoComplete: "off", step: "any" };

function randomId(): string {
  return `input-${Math.random().toString(36).slice(2, 10)}`;
}

/** Sends the box's value (when it changed) together with `extra` props. */
function commit(input: HTMLInputElement, props: InputProps, extra: Record<string, unknown> = {}): void {
  const value = valueFromText(input.value, props.type, input.checkValidity());
  const changes: Record<string, unknown> = { ...extra };
  if (!sameValue(value, props.value, props.type)) changes.value = value;
  if (Object.keys(changes).length) sendProps(props, changes);
}

function useInputHandlers(inputRef: React.RefObject<HTMLInputElement>, latest: React.MutableRefObject<InputProps>) {
  const timer = React.useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopTimer = (): void => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
  };
  React.useEffect(() => stopTimer, []);
  return React.useMemo(() => {
    const flush = (extra?: Record<string, unknown>): void => {
      stopTimer();
      if (inputRef.current) commit(inputRef.current, latest.current, extra);
    };
    return {
      onChange(): void {
        const { debounce } = latest.current;
        const delay = debounceDelay(debounce);
        if (delay !== null) {
          stopTimer();
          timer.current = setTimeout(() => flush(), delay);
        } else if (!debounce) {
          flush();
        }
      },
      onKeyDown(event: React.KeyboardEvent<HTMLInputElement>): void {
        if (event.key !== "Enter") return;
        flush({ n_submit: count(latest.current.n_submit) + 1, n_submit_timestamp: now() });
      },
      onBlur(): void {
        flush({ n_blur: count(latest.current.n_blur) + 1, n_blur_timestamp: now() });
      },
      step(direction: 1 | -1): void {
        const input = inputRef.current;
        if (!input) return;
        const { step, min, max } = latest.current;
        input.value = String(stepped(valueFromText(input.value, "number", true), direction, { step, min, max }));
        flush();
      },
    };
  }, []);
}

export function Input(props: InputProps): React.ReactElement {
  const inputRef = React.useRef<HTMLInputElement>(null);
  const latest = React.useRef(props);
  latest.current = props;
  const autoId = React.useRef<string | null>(null);
  if (props.id === undefined || props.id === null) autoId.current ??= randomId();
  const id = domId(props.id) ?? (autoId.current as string);
  const loading = useIsLoading();
  const handlers = useInputHandlers(inputRef, latest);
  const type = props.type ?? "text";

  React.useLayoutEffect(() => {
    const input = inputRef.current;
    if (input && !textShowsValue(input.value, props.value, type)) input.value = textOf(props.value);
  }, [props.value, type]);

  const number = isNumberType(type);
  const disabled = Boolean(props.disabled);
  const classes = ["dash-input-container", "dash-input"];
  if (props.className) classes.push(props.className);
  if (type === "hidden") classes.push("dash-input-hidden");
  return (
    <div className={classes.join(" ")} style={props.style}>
      <input
        {...DEFAULT_ATTRIBUTES}
        {...attributeProps(props, ATTRIBUTES)}
        ref={inputRef}
        id={id}
        className="dash-input-element"
        type={type}
        defaultValue={textOf(props.value)}
        onChange={handlers.onChange}
        onKeyDown={handlers.onKeyDown}
        onBlur={handlers.onBlur}
        data-dash-is-loading={loading ? "true" : undefined}
      />
      {number ? (
        <>
          <button
            type="button"
            className="dash-input-stepper dash-stepper-decrement"
            aria-label="Decrease value"
            aria-controls={id}
            tabIndex={-1}
            disabled={disabled || !canStep(props.value, -1, props)}
            onClick={() => handlers.step(-1)}
          >
            {"\u2212"}
          </button>
          <button
            type="button"
            className="dash-input-stepper dash-stepper-increment"
            aria-label="Increase value"
            aria-controls={id}
            tabIndex={-1}
            disabled={disabled || !canStep(props.value, 1, props)}
            onClick={() => handlers.step(1)}
          >
            +
          </button>
        </>
      ) : null}
    </div>
  );
}

Input.dashPersistence = { persisted_props: ["value"], persistence_type: "local" };
