// The list markup shared by Checklist and RadioItems (dom-contract §5.4):
// div.dash-options-list > label.dash-options-list-option > (span > input) + span.text > span.
import React from "react";
import { isSelected, labelText, normalizeOptions } from "../logic/options";
import type { NormalizedOption, OptionValue } from "../logic/options";
import { domId, isLayoutNode, renderLayoutNode, useDashContextSafe } from "../page";

export interface OptionsListProps {
  kind: "checklist" | "radioitems";
  id?: unknown;
  options?: unknown;
  value?: unknown;
  inline?: boolean;
  className?: string;
  style?: React.CSSProperties;
  inputStyle?: React.CSSProperties;
  inputClassName?: string;
  labelStyle?: React.CSSProperties;
  labelClassName?: string;
  onPick: (value: OptionValue) => void;
}

function OptionLabel(props: { option: NormalizedOption; basePath: (string | number)[] | null }): React.ReactElement {
  const { option, basePath } = props;
  if (isLayoutNode(option.label) && basePath) {
    return <>{renderLayoutNode(option.label, [...basePath, ...option.labelPath])}</>;
  }
  const text = labelText(option.label) ?? "";
  return <span title={option.title ?? text}>{text}</span>;
}

export function OptionsList(props: OptionsListProps): React.ReactElement {
  const context = useDashContextSafe();
  const basePath = context ? [...context.componentPath, "props", "options"] : null;
  const options = React.useMemo(() => normalizeOptions(props.options), [props.options]);
  const multi = props.kind === "checklist";
  const name = domId(props.id);
  const inlineClass = props.inline ? ` dash-${props.kind}-inline` : "";
  const classes = `dash-options-list dash-${props.kind}${props.className ? ` ${props.className}` : ""}`;
  return (
    <div id={name} className={classes} style={props.style} role="listbox" aria-multiselectable={multi || undefined}>
      {options.map((option, index) => {
        const selected = isSelected(props.value, option.value, multi);
        return (
          <label
            key={`${typeof option.value}:${String(option.value)}`}
            className={`dash-options-list-option${selected ? " selected" : ""}${inlineClass}${option.disabled ? " disabled" : ""}`}
            role="option"
            aria-selected={selected ? "true" : "false"}
            aria-disabled={option.disabled || undefined}
            data-option-index={index}
          >
            <span className="dash-options-list-option-wrapper">
              <input
                className={`dash-options-list-option-checkbox${props.inputClassName ? ` ${props.inputClassName}` : ""}`}
                type={multi ? "checkbox" : "radio"}
                name={name}
                readOnly
                value={String(option.value)}
                checked={selected}
                disabled={option.disabled}
                style={props.inputStyle}
                onChange={() => props.onPick(option.value)}
              />
            </span>
            <span
              className={`dash-options-list-option-text${props.labelClassName ? ` ${props.labelClassName}` : ""}`}
              style={props.labelStyle}
            >
              <OptionLabel option={option} basePath={basePath} />
            </span>
          </label>
        );
      })}
    </div>
  );
}
