// dcc.Dropdown: a trigger button showing the selection and a Radix popover (rendered inside the
// wrapper, not in <body>) with a search box, Select/Deselect All (multi) and the options
// (dom-contract §5.1, §6; renderer §5.2).
import * as Popover from "@radix-ui/react-popover";
import React from "react";
import {
  clearedValue,
  deselectAll,
  dropdownLabels,
  filterOptions,
  hasValue,
  inOrder,
  isPrintableKey,
  movedIndex,
  openOrder,
  pickValue,
  prunedValue,
  selectAll,
  selectedCountText,
  selectedValues,
  valueText,
} from "../logic/dropdown";
import type { DropdownLabels, DropdownValue } from "../logic/dropdown";
import { normalizeOptions } from "../logic/options";
import type { NormalizedOption, OptionValue } from "../logic/options";
import { domId, sendProps, useDashContextSafe, useIsLoading } from "../page";
import type { LayoutPath, RendererProps } from "../page";
import { DropdownOptions, OptionLabel } from "./DropdownOptions";

export interface DropdownProps extends RendererProps {
  id?: unknown;
  options?: unknown;
  value?: DropdownValue;
  multi?: boolean;
  clearable?: boolean;
  searchable?: boolean;
  search_value?: string | null;
  placeholder?: string;
  disabled?: boolean;
  closeOnSelect?: boolean;
  optionHeight?: number | "auto";
  maxHeight?: number;
  labels?: Partial<DropdownLabels>;
  debounce?: boolean;
  search_order?: "index" | "original";
  className?: string;
  style?: React.CSSProperties;
}

const DEFAULT_MAX_HEIGHT = 200;

function CaretIcon(): React.ReactElement {
  return (
    <svg className="dash-dropdown-trigger-icon" width="15" height="15" viewBox="0 0 15 15" aria-hidden="true">
      <path d="M4 6l3.5 3.5L11 6" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function CrossIcon(): React.ReactElement {
  return (
    <svg width="15" height="15" viewBox="0 0 15 15" aria-hidden="true">
      <path d="M4.5 4.5l6 6M10.5 4.5l-6 6" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
    </svg>
  );
}

function SearchIcon(): React.ReactElement {
  return (
    <svg className="dash-dropdown-search-icon" width="15" height="15" viewBox="0 0 15 15" aria-hidden="true">
      <circle cx="6.5" cy="6.5" r="4" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <path d="M9.5 9.5L13 13" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" />
    </svg>
  );
}

interface SelectionProps {
  id?: string;
  options: NormalizedOption[];
  values: OptionValue[];
  placeholder?: string;
  labels: DropdownLabels;
  optionsPath: LayoutPath | null;
}

/** The value area of the trigger: one item per selected value, or the placeholder. */
function Selection(props: SelectionProps): React.ReactElement {
  const { id, values } = props;
  if (!values.length) {
    return (
      <span id={id && `${id}-value`} className="dash-dropdown-value dash-dropdown-placeholder">
        {props.placeholder ?? ""}
      </span>
    );
  }
  const byValue = new Map(props.options.map((o) => [o.value, o]));
  return (
    <>
      <span id={id && `${id}-value`} className="dash-dropdown-value">
        {values.map((value) => {
          const option = byValue.get(value);
          return (
            <span key={`${typeof value}:${String(value)}`} className="dash-dropdown-value-item">
              {option ? <OptionLabel option={option} optionsPath={props.optionsPath} /> : <span>{valueText(value)}</span>}
            </span>
          );
        })}
      </span>
      {values.length > 1 ? (
        <span id={id && `${id}-value-count`} className="dash-dropdown-value-count">
          {selectedCountText(props.labels, values.length)}
        </span>
      ) : null}
    </>
  );
}

/** The menu state: open flag, search text, the order captured on open, a held (debounced) value. */
function useMenuState(props: DropdownProps) {
  const [open, setOpen] = React.useState(false);
  const [search, setSearch] = React.useState(props.search_value ?? "");
  const [order, setOrder] = React.useState<OptionValue[] | null>(null);
  const [held, setHeld] = React.useState<{ value: DropdownValue } | null>(null);
  const [focusIndex, setFocusIndex] = React.useState<number | null>(null);
  const sentSearch = React.useRef(props.search_value ?? "");
  React.useEffect(() => {
    const incoming = props.search_value ?? "";
    if (incoming !== sentSearch.current) {
      sentSearch.current = incoming;
      setSearch(incoming);
    }
  }, [props.search_value]);
  return { open, setOpen, search, setSearch, order, setOrder, held, setHeld, focusIndex, setFocusIndex, sentSearch };
}

/** Prunes values the options no longer offer when `options` change (not during a search). */
function usePruneOnOptionsChange(props: DropdownProps, options: NormalizedOption[], searching: boolean): void {
  const first = React.useRef(true);
  React.useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (searching) return;
    const pruned = prunedValue(props.value, options, Boolean(props.multi));
    if (pruned !== undefined) sendProps(props, { value: pruned });
  }, [options]);
}

export function Dropdown(props: DropdownProps): React.ReactElement {
  const latest = React.useRef(props);
  latest.current = props;
  const multi = Boolean(props.multi);
  const searchable = props.searchable !== false;
  const clearable = props.clearable !== false;
  const disabled = Boolean(props.disabled);
  const closeOnSelect = props.closeOnSelect ?? !multi;
  const maxHeight = typeof props.maxHeight === "number" ? props.maxHeight : DEFAULT_MAX_HEIGHT;
  const labels = React.useMemo(() => dropdownLabels(props.labels), [props.labels]);
  const options = React.useMemo(() => normalizeOptions(props.options), [props.options]);
  const menu = useMenuState(props);
  const context = useDashContextSafe();
  const optionsPath = context ? [...context.componentPath, "props", "options"] : null;
  const loading = useIsLoading();
  const id = domId(props.id);
  const focusTarget = React.useRef<HTMLInputElement>(null);
  const searchBox = React.useRef<HTMLInputElement>(null);
  const interactedOutside = React.useRef(false);
  usePruneOnOptionsChange(props, options, menu.search !== "");

  const value = menu.held ? menu.held.value : props.value;
  const values = selectedValues(value);
  const shown = React.useMemo(
    () => filterOptions(inOrder(options, menu.order), menu.search, props.search_order ?? "index"),
    [options, menu.order, menu.search, props.search_order],
  );

  const sendSearch = (text: string): void => {
    menu.setSearch(text);
    menu.sentSearch.current = text;
    sendProps(latest.current, { search_value: text === "" ? undefined : text });
  };

  const commit = (next: DropdownValue): void => {
    if (latest.current.debounce && menu.open) menu.setHeld({ value: next });
    else sendProps(latest.current, { value: next });
  };

  const openMenu = (initialSearch = ""): void => {
    if (disabled || menu.open) return;
    interactedOutside.current = false;
    menu.setOrder(openOrder(options, latest.current.value, multi));
    menu.setFocusIndex(null);
    menu.setOpen(true);
    if (initialSearch) sendSearch(initialSearch);
  };

  const closeMenu = (): void => {
    if (!menu.open) return;
    menu.setOpen(false);
    menu.setOrder(null);
    menu.setFocusIndex(null);
    if (menu.held) {
      sendProps(latest.current, { value: menu.held.value });
      menu.setHeld(null);
    }
    if (menu.search !== "") sendSearch("");
  };

  const pick = (option: NormalizedOption): void => {
    const next = pickValue(value, option.value, multi);
    if (!closeOnSelect) {
      commit(next);
      return;
    }
    menu.setHeld(null);
    menu.setOpen(false);
    menu.setOrder(null);
    menu.setFocusIndex(null);
    sendProps(latest.current, { value: next });
    if (menu.search !== "") sendSearch("");
    focusTarget.current?.focus();
  };

  const clear = (): void => {
    if (!clearable || disabled || !hasValue(value)) return;
    commit(clearedValue(multi));
  };

  const onTriggerKeyDown = (event: React.KeyboardEvent): void => {
    if (disabled) return;
    if (menu.open) {
      // Keys typed before the focus reached the search box still belong to the search.
      if (searchable && event.target === focusTarget.current && isPrintableKey(event)) {
        event.preventDefault();
        sendSearch(menu.search + event.key);
        searchBox.current?.focus();
      }
      return;
    }
    if (event.key === "Enter" || event.key === "ArrowDown" || event.key === " ") {
      event.preventDefault();
      openMenu();
    } else if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      clear();
    } else if (searchable && isPrintableKey(event)) {
      event.preventDefault();
      openMenu(event.key);
    }
  };

  const onOptionKey = (event: React.KeyboardEvent, index: number): void => {
    if (event.key === "Enter") {
      event.preventDefault();
      const option = shown[index];
      if (option && !option.disabled) pick(option);
      return;
    }
    const next = movedIndex(event.key, index, shown.length);
    if (next === null) return;
    event.preventDefault();
    if (next < 0) {
      menu.setFocusIndex(null);
      searchBox.current?.focus();
    } else {
      menu.setFocusIndex(next);
    }
  };

  const onSearchKey = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === "ArrowDown" && shown.length) {
      event.preventDefault();
      menu.setFocusIndex(0);
    } else if (event.key === "Enter") {
      event.preventDefault();
      const firstHit = shown.find((o) => !o.disabled);
      if (firstHit && menu.search !== "") pick(firstHit);
    }
  };

  const classes = `dash-dropdown ${props.className ?? ""}`;
  const showDeselect = clearable || shown.some((o) => !o.disabled && values.includes(o.value));
  return (
    <div className="dash-dropdown-wrapper" style={props.style} onKeyDown={onTriggerKeyDown}>
      <Popover.Root open={menu.open} onOpenChange={(next) => (next ? openMenu() : closeMenu())}>
        <input
          ref={focusTarget}
          className="dash-dropdown-focus-target"
          readOnly
          aria-hidden="true"
          tabIndex={disabled ? -1 : 0}
          value=""
        />
        <Popover.Trigger asChild>
          <button
            id={id}
            className={classes}
            type="button"
            tabIndex={-1}
            aria-haspopup="listbox"
            aria-labelledby={id ? `${id}-value-count ${id}-value` : undefined}
            disabled={disabled}
            data-dash-is-loading={loading ? "true" : undefined}
          >
            <span className="dash-dropdown-grid-container dash-dropdown-trigger">
              <Selection
                id={id}
                options={options}
                values={values}
                placeholder={props.placeholder}
                labels={labels}
                optionsPath={optionsPath}
              />
              {clearable && !disabled && values.length ? (
                <a
                  className="dash-dropdown-clear"
                  title={labels.clear_selection}
                  aria-label={labels.clear_selection}
                  role="button"
                  onClick={(event) => {
                    event.preventDefault();
                    event.stopPropagation();
                    clear();
                  }}
                >
                  <CrossIcon />
                </a>
              ) : null}
              <CaretIcon />
            </span>
          </button>
        </Popover.Trigger>
        {menu.open ? (
          <Popover.Content
            className="dash-dropdown-content"
            side="bottom"
            align="start"
            sideOffset={4}
            collisionPadding={8}
            style={{ maxHeight: `min(${maxHeight}px, calc(100vh - 100px))` }}
            onOpenAutoFocus={(event) => {
              event.preventDefault();
              if (searchBox.current) searchBox.current.focus();
              else menu.setFocusIndex(shown.length ? 0 : null);
            }}
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              if (!interactedOutside.current) focusTarget.current?.focus();
            }}
            onInteractOutside={() => {
              interactedOutside.current = true;
            }}
          >
            {searchable ? (
              <div className="dash-dropdown-grid-container dash-dropdown-search-container">
                <SearchIcon />
                <input
                  ref={searchBox}
                  className="dash-dropdown-search"
                  type="search"
                  placeholder={labels.search}
                  autoComplete="off"
                  value={menu.search}
                  onChange={(event) => sendSearch(event.target.value)}
                  onKeyDown={onSearchKey}
                />
                {menu.search !== "" ? (
                  <button
                    type="button"
                    className="dash-dropdown-clear"
                    aria-label={labels.clear_search}
                    title={labels.clear_search}
                    onClick={() => {
                      sendSearch("");
                      searchBox.current?.focus();
                    }}
                  >
                    <CrossIcon />
                  </button>
                ) : null}
              </div>
            ) : null}
            {multi ? (
              <div className="dash-dropdown-actions">
                <button type="button" className="dash-dropdown-action-button" onClick={() => commit(selectAll(value, shown))}>
                  {labels.select_all}
                </button>
                {showDeselect ? (
                  <button type="button" className="dash-dropdown-action-button" onClick={() => commit(deselectAll(value, shown))}>
                    {labels.deselect_all}
                  </button>
                ) : null}
              </div>
            ) : null}
            <DropdownOptions
              options={shown}
              selected={values}
              multi={multi}
              optionHeight={props.optionHeight ?? "auto"}
              maxHeight={maxHeight}
              optionsPath={optionsPath}
              noOptionsText={labels.no_options_found}
              focusIndex={menu.focusIndex}
              onPick={pick}
              onKeyNav={onOptionKey}
            />
          </Popover.Content>
        ) : null}
      </Popover.Root>
    </div>
  );
}

Dropdown.dashPersistence = { persisted_props: ["value"], persistence_type: "local" };
