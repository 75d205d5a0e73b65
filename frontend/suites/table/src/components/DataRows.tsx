// Data rows (dom-contract §7.4–§7.5): optional delete and select cells, then one `td.dash-cell`
// per visible column with its content element.
import React from "react";
import { isPhantom } from "../logic/fixed";
import type { ColumnPart } from "../logic/fixed";
import type { CellFormatter } from "../logic/format";
import { plainText } from "../logic/format";
import { markdownHtml } from "../logic/markdown";
import type { Column, DropdownOption, DropdownSpec, Row, StyleObject } from "../types";
import { Select } from "./Select";

/** Stable callbacks the rows call (they read the table's latest state). */
export interface RowHandlers {
  clickCell(row: number, column: number, shift: boolean): void;
  doubleClickCell(row: number, column: number): void;
  editChange(text: string): void;
  editBlur(): void;
  toggleRow(dataIndex: number): void;
  deleteRow(dataIndex: number): void;
  hoverCell(row: number, column: number, target: HTMLElement | null): void;
  /** A dropdown cell's new value (null: cleared). */
  chooseOption(dataIndex: number, columnId: string, value: DropdownOption["value"] | null): void;
}

export interface TableView {
  columns: Column[];
  formatters: CellFormatter[];
  editableColumns: boolean[];
  /** Table-wide edit mode: cell contents say `focused` instead of `unfocused`. */
  editing: boolean;
  editValue: string;
  cellSelectable: boolean;
  rowDeletable: boolean;
  rowSelectable: "single" | "multi" | false;
  tableId: string;
  markdownOptions: { link_target?: string; html?: boolean };
  dropdownFor(row: Row, dataIndex: number, column: Column): DropdownSpec | null;
  styleOf(row: Row, viewRow: number, column: Column, columnIndex: number, state?: "active" | "selected"): StyleObject;
}

export interface DataRowProps {
  view: TableView;
  handlers: RowHandlers;
  row: Row;
  viewRow: number;
  dataIndex: number;
  /** Visible-column index of the active cell if it is in this row, else -1. */
  activeColumn: number;
  /** Visible-column indices of selected cells in this row. */
  selectedColumns: number[] | undefined;
  rowChecked: boolean;
  /** Which columns are real in the fragment this row belongs to. */
  part: ColumnPart;
}

function CellContent(props: {
  view: TableView;
  handlers: RowHandlers;
  row: Row;
  dataIndex: number;
  column: Column;
  columnIndex: number;
  active: boolean;
}): React.ReactElement {
  const { view, column, columnIndex, row, active } = props;
  const value = row[column.id];
  const focusWord = view.editing ? "focused" : "unfocused";
  const selectable = view.cellSelectable ? " selectable" : "";
  const state = `${focusWord}${selectable} dash-cell-value`;
  const editable = view.editableColumns[columnIndex];
  const dropdown = column.presentation === "dropdown" ? view.dropdownFor(row, props.dataIndex, column) : null;
  const label = dropdown?.options?.find((o) => o.value === value)?.label ?? null;
  if (dropdown && editable && dropdown.options?.length) {
    return (
      <div className="dash-dropdown-cell-value-container dash-cell-value-container">
        <div className="dropdown-cell-value-shadow cell-value-shadow">{label ?? ""}</div>
        <Select
          options={dropdown.options}
          value={value}
          clearable={dropdown.clearable ?? true}
          onChange={(next) => props.handlers.chooseOption(props.dataIndex, column.id, next)}
        />
      </div>
    );
  }
  if (active && editable && column.presentation !== "markdown" && column.presentation !== "dropdown") {
    const text = view.editing ? view.editValue : plainText(value);
    return (
      <div className="dash-input-cell-value-container dash-cell-value-container">
        <div className="input-cell-value-shadow cell-value-shadow">{text}</div>
        <input
          type="text"
          className={`input-active ${state}`}
          value={text}
          onChange={(event) => props.handlers.editChange(event.target.value)}
          onBlur={props.handlers.editBlur}
        />
      </div>
    );
  }
  const className = `${active ? "input-active " : ""}${state}`;
  if (column.presentation === "markdown") {
    return (
      <div
        className={`${className} cell-markdown`}
        tabIndex={-1}
        dangerouslySetInnerHTML={{ __html: markdownHtml(value, view.markdownOptions) }}
      />
    );
  }
  return (
    <div className={className} tabIndex={-1}>
      {label ?? view.formatters[columnIndex](value)}
    </div>
  );
}

/** `phantom-cell` for cells that belong to another fragment, `last-of-type` for a fixed part's last real cell. */
export function partClasses(part: ColumnPart, index: number): string {
  if (isPhantom(part, index)) return " phantom-cell";
  return part.fixed && index === part.end - 1 ? " last-of-type" : "";
}

function OperationCells(props: DataRowProps): React.ReactElement {
  const { view, handlers, dataIndex } = props;
  const real = props.part.operations;
  const phantom = real ? "" : " phantom-cell";
  return (
    <>
      {view.rowDeletable ? (
        <td className={`dash-delete-cell${phantom}`} onClick={real ? () => handlers.deleteRow(dataIndex) : undefined}>
          ×
        </td>
      ) : null}
      {view.rowSelectable ? (
        <td className={`dash-select-cell${phantom}`}>
          {/* A phantom's input keeps the row's height but joins no radio group. */}
          <input
            type={view.rowSelectable === "single" ? "radio" : "checkbox"}
            name={real ? `row-select-${view.tableId}` : undefined}
            checked={props.rowChecked}
            disabled={!real}
            tabIndex={real ? undefined : -1}
            onChange={() => handlers.toggleRow(dataIndex)}
          />
        </td>
      ) : null}
    </>
  );
}

function DataRowView(props: DataRowProps): React.ReactElement {
  const { view, handlers, row, viewRow, dataIndex, part } = props;
  const selected = props.selectedColumns;
  return (
    <tr>
      <OperationCells {...props} />
      {view.columns.map((column, i) => {
        const phantom = isPhantom(part, i);
        const active = !phantom && props.activeColumn === i;
        const isSelected = active || (!phantom && Boolean(selected?.includes(i)));
        const state = active ? "active" : isSelected ? "selected" : undefined;
        let className = `dash-cell column-${i}`;
        if (column.presentation === "dropdown") className += " dropdown";
        if (isSelected) className += " cell--selected";
        if (active) className += " focused";
        className += partClasses(part, i);
        return (
          <td
            key={column.id}
            className={className}
            tabIndex={-1}
            data-dash-column={column.id}
            data-dash-row={viewRow}
            style={view.styleOf(row, viewRow, column, i, state)}
            onClick={(event) => handlers.clickCell(viewRow, i, event.shiftKey)}
            onDoubleClick={() => handlers.doubleClickCell(viewRow, i)}
            onMouseEnter={phantom ? undefined : (event) => handlers.hoverCell(viewRow, i, event.currentTarget)}
            onMouseLeave={phantom ? undefined : () => handlers.hoverCell(-1, -1, null)}
          >
            <CellContent
              view={view}
              handlers={handlers}
              row={row}
              dataIndex={dataIndex}
              column={column}
              columnIndex={i}
              active={active}
            />
          </td>
        );
      })}
    </tr>
  );
}

/** One data row; re-renders only when its own inputs change. */
export const DataRow = React.memo(DataRowView);
