// The dropdown of a dropdown cell, drawn with the markup of react-select v1 (dom-contract §7.7)
// that users' CSS and tests target: `.Select > .Select-control` with the value, the search input,
// the clear and arrow zones, and, while open, `.Select-menu-outer > .Select-menu > .Select-option`.
// The open menu stays in that place in the DOM but is positioned `fixed` under the control, so the
// scroll containers of fixed rows and columns cannot clip it; it follows the control as things scroll.
import React from "react";
import { optionOf, searchOptions } from "../logic/dropdowns";
import type { DropdownOption } from "../types";

export interface SelectProps {
  options: DropdownOption[];
  value: unknown;
  clearable: boolean;
  placeholder?: string;
  onChange(value: DropdownOption["value"] | null): void;
}

let instances = 0;

function classes(words: Record<string, boolean>): string {
  return Object.keys(words).filter((word) => words[word]).join(" ");
}

export function Select(props: SelectProps): React.ReactElement {
  const [instance] = React.useState(() => ++instances);
  const [open, setOpen] = React.useState(false);
  const [focused, setFocused] = React.useState(false);
  const [search, setSearch] = React.useState("");
  const [highlight, setHighlight] = React.useState(0);
  const inputRef = React.useRef<HTMLInputElement>(null);
  const controlRef = React.useRef<HTMLDivElement>(null);
  const menuRef = React.useRef<HTMLDivElement>(null);
  const selected = optionOf(props.options, props.value);
  const shown = open ? searchOptions(props.options, search) : [];
  const prefix = `react-select-${instance}-`;

  const openMenu = (): void => {
    const at = selected ? props.options.indexOf(selected) : 0;
    setHighlight(Math.max(0, at));
    setOpen(true);
  };
  const close = (): void => {
    setOpen(false);
    setSearch("");
  };
  const choose = (option: DropdownOption | null): void => {
    close();
    if ((option?.value ?? null) !== (selected?.value ?? null)) props.onChange(option ? option.value : null);
  };
  // Mouse presses keep the focus in the search input, as react-select does.
  const onControlDown = (event: React.MouseEvent): void => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    inputRef.current?.focus();
    if (open) close();
    else openMenu();
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>): void => {
    // The table's own keyboard handling (navigation, typing into cells) stays out of the dropdown.
    event.stopPropagation();
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return openMenu();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setHighlight((h) => Math.min(Math.max(0, h + step), Math.max(0, shown.length - 1)));
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (open && shown[highlight]) choose(shown[highlight]);
      else if (!open) openMenu();
    } else if (event.key === "Escape") {
      close();
    } else if (event.key === "Tab") {
      close();
    }
  };

  React.useLayoutEffect(() => {
    if (open && controlRef.current && menuRef.current) placeMenu(menuRef.current, controlRef.current);
  }, [open, shown.length]);
  React.useEffect(() => {
    if (!open) return undefined;
    // The control moves when the page or the table scrolls: the menu follows it.
    const follow = (event: Event): void => {
      if (event.target instanceof Node && menuRef.current?.contains(event.target)) return;
      if (controlRef.current && menuRef.current) placeMenu(menuRef.current, controlRef.current);
    };
    window.addEventListener("scroll", follow, true);
    window.addEventListener("resize", follow);
    return () => {
      window.removeEventListener("scroll", follow, true);
      window.removeEventListener("resize", follow);
    };
  }, [open]);

  const hasValue = selected !== undefined;
  const className = classes({
    Select: true,
    "Select--single": true,
    "has-value": hasValue,
    "is-clearable": props.clearable,
    "is-searchable": true,
    "is-focused": focused,
    "is-open": open,
  });
  return (
    <div className={className}>
      <div className="Select-control" ref={controlRef} onMouseDown={onControlDown}>
        <div className="Select-multi-value-wrapper" id={`${prefix}-value`}>
          {search ? null : hasValue ? (
            <div className="Select-value">
              <span className="Select-value-label" role="option" aria-selected="true" id={`${prefix}-value-item`}>
                {selected.label}
              </span>
            </div>
          ) : (
            <div className="Select-placeholder">{props.placeholder ?? "Select..."}</div>
          )}
          <div className="Select-input">
            <input
              ref={inputRef}
              role="combobox"
              aria-expanded={open}
              aria-haspopup="listbox"
              aria-owns={`${prefix}-list`}
              aria-activedescendant={open ? `${prefix}-option-${highlight}` : `${prefix}-value`}
              value={search}
              style={{ width: `${search.length + 1}ch` }}
              onChange={(event) => {
                setSearch(event.target.value);
                setHighlight(0);
                if (!open) setOpen(true);
              }}
              onKeyDown={onKeyDown}
              onFocus={() => setFocused(true)}
              onBlur={() => {
                setFocused(false);
                close();
              }}
            />
          </div>
        </div>
        {props.clearable && hasValue ? (
          <span
            className="Select-clear-zone"
            title="Clear value"
            aria-label="Clear value"
            onMouseDown={(event) => {
              event.preventDefault();
              event.stopPropagation();
              choose(null);
            }}
          >
            <span className="Select-clear">×</span>
          </span>
        ) : null}
        <span className="Select-arrow-zone">
          <span className="Select-arrow" />
        </span>
      </div>
      {open ? (
        <div className="Select-menu-outer" ref={menuRef}>
          <div className="Select-menu" id={`${prefix}-list`} role="listbox">
            {shown.length ? (
              shown.map((option, i) => (
                <div
                  key={String(option.value)}
                  id={`${prefix}-option-${i}`}
                  className={classes({
                    "Select-option": true,
                    "is-selected": option === selected,
                    "is-focused": i === highlight,
                  })}
                  role="option"
                  aria-label={String(option.label)}
                  onMouseEnter={() => setHighlight(i)}
                  onMouseDown={(event) => {
                    event.preventDefault();
                    event.stopPropagation();
                    choose(option);
                  }}
                >
                  {option.label}
                </div>
              ))
            ) : (
              <div className="Select-noresults">No results found</div>
            )}
          </div>
        </div>
      ) : null}
    </div>
  );
}

/**
 * Puts `menu` (already `fixed`-able) right under `control`, or above it when the viewport has no room
 * below but has room above; hides it while the control is scrolled out of its table. The offset of a
 * `fixed` box at 0,0 is measured first, so a transformed ancestor (a modal's animation, say), which
 * makes `fixed` relative to itself, does not shift the menu.
 */
function placeMenu(menu: HTMLElement, control: HTMLElement): void {
  Object.assign(menu.style, { position: "fixed", top: "0px", left: "0px", right: "auto", bottom: "auto" });
  const origin = menu.getBoundingClientRect();
  const anchor = control.getBoundingClientRect();
  const below = window.innerHeight - anchor.bottom;
  const top = below < origin.height && anchor.top > below ? anchor.top - origin.height : anchor.bottom;
  Object.assign(menu.style, {
    visibility: isScrolledAway(control, anchor) ? "hidden" : "",
    top: `${top - origin.top}px`,
    left: `${anchor.left - origin.left}px`,
    minWidth: `${anchor.width}px`,
  });
}

/** Whether `anchor` (the rectangle of `control`) lies wholly outside its table's scroll container. */
function isScrolledAway(control: HTMLElement, anchor: DOMRect): boolean {
  const scroller = control.closest(".dash-spreadsheet-container");
  if (!scroller) return false;
  const box = scroller.getBoundingClientRect();
  return anchor.bottom <= box.top || anchor.top >= box.bottom || anchor.right <= box.left || anchor.left >= box.right;
}
