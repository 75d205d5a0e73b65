// What DatePickerSingle and DatePickerRange share (dom-contract §5.6, §6): `div.dash-datepicker`, the
// `{id}-wrapper` box holding the inputs, the clear link and the caret, and the calendar popover
// (inside `.dash-datepicker`, or in <body> with `with_portal` / `with_full_screen_portal`).
import * as Popover from "@radix-ui/react-popover";
import type { Locale } from "date-fns";
import React from "react";
import { pickLocale } from "../logic/dates";
import { CaretIcon } from "./DatePickerMonthSelect";

export type PortalMode = "inline" | "portal" | "fullscreen";

export interface ShellProps {
  wrapperId?: string;
  className?: string;
  style?: React.CSSProperties;
  disabled: boolean;
  open: boolean;
  setOpen(open: boolean): void;
  portal: PortalMode;
  /** The clear link's label, when it is shown. */
  clearLabel?: string;
  onClear(): void;
  labelledBy?: string;
  children: React.ReactNode;
  calendar: () => React.ReactNode;
}

/** Which portal the calendar uses, from the `with_portal` / `with_full_screen_portal` props. */
export function portalMode(withPortal: unknown, withFullScreenPortal: unknown): PortalMode {
  if (withFullScreenPortal) return "fullscreen";
  return withPortal ? "portal" : "inline";
}

function CrossIcon(): React.ReactElement {
  return (
    <svg width="15" height="15" viewBox="0 0 15 15" aria-hidden="true">
      <path d="M4 4 11 11M11 4 4 11" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
    </svg>
  );
}

function ClearLink({ label, onClear }: { label: string; onClear(): void }): React.ReactElement {
  const clear = (event: React.SyntheticEvent): void => {
    event.preventDefault();
    event.stopPropagation();
    onClear();
  };
  return (
    <a
      className="dash-datepicker-clear"
      role="button"
      tabIndex={0}
      aria-label={label}
      title={label}
      onClick={clear}
      onKeyDown={(event) => {
        if (event.key === "Enter" || event.key === " ") clear(event);
      }}
    >
      <CrossIcon />
    </a>
  );
}

function contentClass(portal: PortalMode): string {
  if (portal === "fullscreen") return "dash-datepicker-content dash-datepicker-portal dash-datepicker-fullscreen";
  return portal === "portal" ? "dash-datepicker-content dash-datepicker-portal" : "dash-datepicker-content";
}

export function DatePickerShell(props: ShellProps): React.ReactElement {
  const wrapper = React.useRef<HTMLDivElement>(null);
  const open = props.open && !props.disabled;
  const classes = ["dash-datepicker-input-wrapper"];
  if (props.disabled) classes.push("dash-datepicker-input-wrapper-disabled");
  if (props.className) classes.push(props.className);
  const content = (
    <Popover.Content
      className={contentClass(props.portal)}
      align="start"
      sideOffset={4}
      onOpenAutoFocus={(event) => event.preventDefault()}
      onCloseAutoFocus={(event) => event.preventDefault()}
      onInteractOutside={(event) => {
        if (wrapper.current?.contains(event.target as Node)) event.preventDefault();
      }}
    >
      {props.portal === "fullscreen" ? (
        <button type="button" className="dash-datepicker-close-button" aria-label="Close calendar" onClick={() => props.setOpen(false)}>
          <CrossIcon />
        </button>
      ) : null}
      {props.calendar()}
    </Popover.Content>
  );
  return (
    <Popover.Root open={open} onOpenChange={props.setOpen}>
      <div className="dash-datepicker">
        <div />
        <Popover.Anchor asChild>
          <div
            ref={wrapper}
            id={props.wrapperId}
            className={classes.join(" ")}
            style={props.style}
            aria-haspopup="dialog"
            aria-expanded={open}
            aria-disabled={props.disabled}
            aria-labelledby={props.labelledBy}
            data-state={open ? "open" : "closed"}
            {...{ type: "button", disabled: props.disabled || undefined }}
            onClick={() => {
              if (!props.disabled) props.setOpen(true);
            }}
          >
            {props.children}
            {props.clearLabel ? <ClearLink label={props.clearLabel} onClear={props.onClear} /> : null}
            <CaretIcon
              className="dash-datepicker-caret-icon"
              onClick={(event) => {
                event.stopPropagation();
                if (!props.disabled) props.setOpen(!open);
              }}
            />
          </div>
        </Popover.Anchor>
        {open ? props.portal === "inline" ? content : <Popover.Portal>{content}</Popover.Portal> : null}
      </div>
    </Popover.Root>
  );
}

/** The props both date pickers take besides their dates. */
export interface CommonDateProps {
  id?: unknown;
  className?: string;
  style?: React.CSSProperties;
  min_date_allowed?: string;
  max_date_allowed?: string;
  disabled_days?: string[];
  initial_visible_month?: string;
  display_format?: string;
  month_format?: string;
  first_day_of_week?: number;
  show_outside_days?: boolean;
  stay_open_on_select?: boolean;
  calendar_orientation?: "horizontal" | "vertical";
  number_of_months_shown?: number;
  with_portal?: boolean;
  with_full_screen_portal?: boolean;
  day_size?: number;
  is_RTL?: boolean;
  clearable?: boolean;
  reopen_calendar_on_clear?: boolean;
  disabled?: boolean;
}

export const DEFAULT_DISPLAY_FORMAT = "YYYY-MM-DD";

/** The calendar settings that come straight from the props (the pickers add dates and handlers). */
export function calendarSettings(props: CommonDateProps, locale: Locale | undefined, defaults: { months: number; outsideDays: boolean }) {
  return {
    monthsShown: props.number_of_months_shown ?? defaults.months,
    locale,
    monthFormat: props.month_format ?? "MMMM YYYY",
    firstDayOfWeek: props.first_day_of_week ?? 0,
    showOutsideDays: props.show_outside_days ?? defaults.outsideDays,
    daySize: props.day_size ?? 34,
    vertical: props.calendar_orientation === "vertical",
    rtl: Boolean(props.is_RTL),
  };
}

/** The date-fns locale matching the browser's languages, among those the page put in `window.dateFns.locale`. */
export function usePickerLocale(): Locale | undefined {
  return React.useMemo(() => {
    if (typeof window === "undefined") return undefined;
    const loaded = (window as { dateFns?: { locale?: Record<string, Locale> } }).dateFns?.locale;
    const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
    return pickLocale(loaded, languages);
  }, []);
}
