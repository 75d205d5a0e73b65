// The month chooser in the date pickers' calendar header: the Dropdown markup of dom-contract §5.1
// (`button.dash-dropdown` + `.dash-dropdown-content` > `.dash-dropdown-option`), without an id.
import * as Popover from "@radix-ui/react-popover";
import React from "react";

export interface MonthSelectProps {
  names: string[];
  value: number;
  isEnabled(month: number): boolean;
  onChange(month: number): void;
}

export function CaretIcon(props: { className: string; onClick?: (event: React.MouseEvent) => void }): React.ReactElement {
  return (
    <svg className={props.className} width="15" height="15" viewBox="0 0 15 15" aria-hidden="true" onClick={props.onClick}>
      <path d="M3.5 5.75 7.5 9.75 11.5 5.75" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

function MonthOption(props: { name: string; index: number; selected: boolean; enabled: boolean; choose(month: number): void }) {
  const { name, index, selected, enabled } = props;
  const classes = ["dash-options-list-option", "dash-dropdown-option"];
  if (selected) classes.push("selected");
  if (!enabled) classes.push("disabled");
  const choose = (): void => {
    if (enabled) props.choose(index);
  };
  return (
    <label
      className={classes.join(" ")}
      role="option"
      aria-selected={selected}
      data-option-index={index}
      onClick={(event) => {
        event.preventDefault();
        choose();
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          choose();
        }
      }}
    >
      <span className="dash-options-list-option-wrapper">
        <input
          className="dash-options-list-option-checkbox"
          type="radio"
          readOnly
          value={index}
          checked={selected}
          disabled={!enabled}
        />
      </span>
      <span className="dash-options-list-option-text" title={name}>
        <span>{name}</span>
      </span>
    </label>
  );
}

export function DatePickerMonthSelect(props: MonthSelectProps): React.ReactElement {
  const [open, setOpen] = React.useState(false);
  const choose = (month: number): void => {
    setOpen(false);
    if (month !== props.value) props.onChange(month);
  };
  return (
    <Popover.Root open={open} onOpenChange={setOpen}>
      <div className="dash-dropdown-wrapper dash-datepicker-month-select">
        <Popover.Trigger asChild>
          <button type="button" className="dash-dropdown " aria-haspopup="listbox">
            <span className="dash-dropdown-grid-container dash-dropdown-trigger">
              <span className="dash-dropdown-value">
                <span className="dash-dropdown-value-item">
                  <span>{props.names[props.value]}</span>
                </span>
              </span>
              <CaretIcon className="dash-dropdown-trigger-icon" />
            </span>
          </button>
        </Popover.Trigger>
        <Popover.Content className="dash-dropdown-content" align="start" sideOffset={2} onCloseAutoFocus={(e) => e.preventDefault()}>
          <div className="dash-options-list dash-dropdown-options" role="listbox">
            {props.names.map((name, index) => (
              <MonthOption
                key={name}
                name={name}
                index={index}
                selected={index === props.value}
                enabled={props.isEnabled(index)}
                choose={choose}
              />
            ))}
          </div>
        </Popover.Content>
      </div>
    </Popover.Root>
  );
}
