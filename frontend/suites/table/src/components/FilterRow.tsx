// The filter row (dom-contract §7.3): one text box per visible column, submitted on Enter or
// blur, plus the case-sensitivity toggle.
import React from "react";
import { isPhantom } from "../logic/fixed";
import type { ColumnPart } from "../logic/fixed";
import type { Column, FilterOptions, StyleObject } from "../types";
import { OperationHeaders } from "./HeaderRows";
import { partClasses } from "./DataRows";

export interface FilterRowProps {
  columns: Column[];
  texts: Record<string, string>;
  invalid: Set<string>;
  tableOptions: FilterOptions | undefined;
  rowDeletable: boolean;
  rowSelectable: boolean;
  onSubmit(columnId: string, text: string): void;
  onToggleCase(columnId: string): void;
  styleOf(column: Column): StyleObject;
  /** Which columns are real in this fragment; the others are emptied phantoms. */
  part: ColumnPart;
}

function FilterBox(props: {
  column: Column;
  index: number;
  text: string;
  invalid: boolean;
  options: FilterOptions;
  style: StyleObject;
  onSubmit(columnId: string, text: string): void;
  onToggleCase(columnId: string): void;
  extraClass: string;
}): React.ReactElement {
  const { column } = props;
  const [draft, setDraft] = React.useState(props.text);
  // A new filter_query (from a callback, or the box's own submit) resets what the box shows.
  React.useEffect(() => setDraft(props.text), [props.text]);
  const insensitive = props.options.case === "insensitive";
  return (
    <th
      className={`dash-filter column-${props.index}${props.invalid ? " invalid" : ""}${props.extraClass}`}
      data-dash-column={column.id}
      style={props.style}
    >
      <div>
        <input
          type="text"
          value={draft}
          placeholder={props.options.placeholder_text ?? "filter data..."}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            event.stopPropagation();
            if (event.key === "Enter") props.onSubmit(column.id, draft);
          }}
          onBlur={() => props.onSubmit(column.id, draft)}
        />
        <input
          type="button"
          className={`dash-filter--case dash-filter--case--${insensitive ? "insensitive" : "sensitive"}`}
          value="Aa"
          title="Toggle filter case sensitivity"
          onClick={() => props.onToggleCase(column.id)}
        />
      </div>
    </th>
  );
}

export function FilterRow(props: FilterRowProps): React.ReactElement {
  return (
    <tr>
      <OperationHeaders part={props.part} rowDeletable={props.rowDeletable} rowSelectable={props.rowSelectable} />
      {props.columns.map((column, index) =>
        isPhantom(props.part, index) ? (
          <th
            key={column.id}
            className={`dash-filter column-${index}${partClasses(props.part, index)}`}
            data-dash-column={column.id}
            style={props.styleOf(column)}
          />
        ) : (
          <FilterBox
            key={column.id}
            column={column}
            index={index}
            text={props.texts[column.id] ?? ""}
            invalid={props.invalid.has(column.id)}
            options={{ ...(props.tableOptions ?? {}), ...(column.filter_options ?? {}) }}
            style={props.styleOf(column)}
            onSubmit={props.onSubmit}
            onToggleCase={props.onToggleCase}
            extraClass={partClasses(props.part, index)}
          />
        ),
      )}
    </tr>
  );
}
