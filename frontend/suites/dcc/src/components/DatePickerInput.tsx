// A date picker's text box: grows with its text (an inline-block box with hidden measuring divs, as
// dom-contract §5.6 shows), shows the date in `display_format`, and reads typed dates on Enter, Tab,
// the up/down arrows or blur. Text that is no allowed date goes back to the current date.
import type { Locale } from "date-fns";
import React from "react";
import { formatDate, isoDate, parseIsoDate, parseTypedDate } from "../logic/dates";

export interface DateInputProps {
  id?: string;
  className: string;
  value: string | null;
  placeholder?: string;
  displayFormat: string;
  locale?: Locale;
  disabled: boolean;
  rtl: boolean;
  ariaLabel: string;
  inputRef?: React.Ref<HTMLInputElement>;
  /** A typed day (or null for an emptied box); returns false when the day is not allowed. */
  onCommit(day: string | null): boolean;
  onFocus(): void;
  onOpen(): void;
}

const SIZER_STYLE: React.CSSProperties = {
  position: "absolute",
  top: 0,
  left: 0,
  visibility: "hidden",
  height: 0,
  overflow: "scroll",
  whiteSpace: "pre",
};
const COPIED_FONT = ["fontSize", "fontFamily", "fontWeight", "fontStyle", "letterSpacing", "textTransform"] as const;
const EXTRA_WIDTH = 2;

function shownText(value: string | null, displayFormat: string, locale?: Locale): string {
  const date = parseIsoDate(value);
  return date ? formatDate(date, displayFormat, locale) : "";
}

/** The input width that fits its text (or the placeholder when longer). */
function useAutoWidth(input: React.RefObject<HTMLInputElement>, sizers: React.RefObject<HTMLDivElement>[], text: string): number | undefined {
  const [width, setWidth] = React.useState<number | undefined>(undefined);
  React.useLayoutEffect(() => {
    if (!input.current || typeof window === "undefined") return;
    const font = window.getComputedStyle(input.current);
    let widest = 0;
    for (const sizer of sizers) {
      if (!sizer.current) continue;
      for (const key of COPIED_FONT) sizer.current.style[key] = font[key];
      widest = Math.max(widest, sizer.current.scrollWidth);
    }
    setWidth(widest + EXTRA_WIDTH);
  }, [text]);
  return width;
}

export function DatePickerInput(props: DateInputProps): React.ReactElement {
  const shown = shownText(props.value, props.displayFormat, props.locale);
  const [text, setText] = React.useState(shown);
  React.useEffect(() => setText(shown), [shown]);
  const input = React.useRef<HTMLInputElement | null>(null);
  const textSizer = React.useRef<HTMLDivElement>(null);
  const placeholderSizer = React.useRef<HTMLDivElement>(null);
  const width = useAutoWidth(input, [textSizer, placeholderSizer], text);

  const commit = (): void => {
    if (text === shown) return;
    const typed = parseTypedDate(text, props.displayFormat, props.locale);
    if (!text.trim() ? props.onCommit(null) : typed && props.onCommit(isoDate(typed))) return;
    setText(shown);
  };
  const setRefs = (element: HTMLInputElement | null): void => {
    input.current = element;
    if (typeof props.inputRef === "function") props.inputRef(element);
    else if (props.inputRef) (props.inputRef as React.MutableRefObject<HTMLInputElement | null>).current = element;
  };
  return (
    <div style={{ display: "inline-block" }} className="dash-datepicker-input-box">
      <input
        ref={setRefs}
        id={props.id}
        className={props.className}
        type="text"
        value={text}
        placeholder={props.placeholder}
        aria-label={props.ariaLabel}
        dir={props.rtl ? "rtl" : "ltr"}
        disabled={props.disabled}
        autoComplete="off"
        style={width === undefined ? undefined : { width: `${width}px` }}
        onChange={(event) => setText(event.target.value)}
        onFocus={props.onFocus}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter" || event.key === "Tab") commit();
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            event.preventDefault();
            commit();
            props.onOpen();
          }
        }}
      />
      <div ref={textSizer} style={SIZER_STYLE}>
        {text}
      </div>
      {props.placeholder ? (
        <div ref={placeholderSizer} style={SIZER_STYLE}>
          {props.placeholder}
        </div>
      ) : null}
    </div>
  );
}
