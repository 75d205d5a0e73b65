// Data rows (dom-contract §7.4–§7.5): optional delete and select cells, then one `td.dash-cell`
// per visible column with its content element.
import React from "react";
import type { CellFormatter } from "../logic/format";
import { plainText } from "../logic/format";
import { markdownHtml } from "../logic/markdown";
import type { Column, Row, StyleObject } from "../types";

/** Stable callbacks the rows call (they read the table's latest state). */
export interface RowHandlers {
  clickCell(row: number, column: number, shift: boolean): void;
  doubleClickCell(row: number, column: number): void;
  editChange(text: string): void;
  editBlur(): void;
  toggleRow(dataIndex: number): void;
  deleteRow(dataIndex: number): void;
  hoverCell(row: number, column: number, target: HTMLElement | null): void;
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
  dropdownLabel(row: Row, dataIndex: number, column: Column): string | null;
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
  const label = column.presentation === "dropdown" ? view.dropdownLabel(row, props.dataIndex, column) : null;
  return (
    <div className={className} tabIndex={-1}>
      {label ?? view.formatters[columnIndex](value)}
    </div>
  );
}

function DataRowView(props: DataRowProps): React.ReactElement {
  const { view, handlers, row, viewRow, dataIndex } = props;
  const selected = props.selectedColumns;
  return (
    <tr>
      {view.rowDeletable ? (
        <td className="dash-delete-cell" onClick={() => handlers.deleteRow(dataIndex)}>
          ×
        </td>
      ) : null}
      {view.rowSelectable ? (
        <td className="dash-select-cell">
          <input
            type={view.rowSelectable === "single" ? "radio" : "checkbox"}
            name={`row-select-${view.tableId}`}
            checked={props.rowChecked}
            onChange={() => handlers.toggleRow(dataIndex)}
          />
        </td>
      ) : null}
      {view.columns.map((column, i) => {
        const active = props.activeColumn === i;
        const isSelected = active || Boolean(selected?.includes(i));
        const state = active ? "active" : isSelected ? "selected" : undefined;
        let className = `dash-cell column-${i}`;
        if (column.presentation === "dropdown") className += " dropdown";
        if (isSelected) className += " cell--selected";
        if (active) className += " focused";
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
            onMouseEnter={(event) => handlers.hoverCell(viewRow, i, event.currentTarget)}
            onMouseLeave={() => handlers.hoverCell(-1, -1, null)}
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
