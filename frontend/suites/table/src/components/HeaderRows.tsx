// Header rows (dom-contract §7.2): one `tr` per header level; each `th.dash-header` holds the
// column actions (select, sort, rename, clear, delete, hide) and the name.
import React from "react";
import { faEraser } from "@fortawesome/free-solid-svg-icons/faEraser";
import { faEyeSlash } from "@fortawesome/free-solid-svg-icons/faEyeSlash";
import { faPencilAlt } from "@fortawesome/free-solid-svg-icons/faPencilAlt";
import { faSort } from "@fortawesome/free-solid-svg-icons/faSort";
import { faSortDown } from "@fortawesome/free-solid-svg-icons/faSortDown";
import { faSortUp } from "@fortawesome/free-solid-svg-icons/faSortUp";
import { faTrashAlt } from "@fortawesome/free-solid-svg-icons/faTrashAlt";
import { Icon } from "./Icon";
import { isPhantom } from "../logic/fixed";
import type { ColumnPart } from "../logic/fixed";
import { flagOn } from "../logic/headers";
import type { HeaderCell } from "../logic/headers";
import { directionOf } from "../logic/sort";
import type { Column, SortEntry, StyleObject } from "../types";

export interface HeaderActions {
  sort(columnId: string): void;
  select(columnIds: string[], checked: boolean): void;
  rename(columnIds: string[], row: number, current: string): void;
  clear(columnIds: string[]): void;
  remove(columnIds: string[]): void;
  hide(columnIds: string[]): void;
}

export interface HeaderRowsProps {
  tableId: string;
  columns: Column[];
  rows: HeaderCell[][];
  sortAction: boolean;
  sortBy: SortEntry[];
  columnSelectable: "single" | "multi" | false;
  selectedColumns: string[];
  rowDeletable: boolean;
  rowSelectable: boolean;
  actions: HeaderActions;
  styleOf(column: Column, headerIndex: number): StyleObject;
  /** Which columns are real in this fragment; the others are emptied phantoms. */
  part: ColumnPart;
  /** The pointer entered (target) or left (null) the header cell of column `column` in header row `row`. */
  hoverHeader(column: number, row: number, target: HTMLElement | null): void;
}

function lastOfPart(props: HeaderRowsProps, cell: HeaderCell): string {
  const { part } = props;
  return part.fixed && cell.start < part.end && cell.start + cell.span >= part.end ? " last-of-type" : "";
}

const SORT_ICONS = { none: faSort, asc: faSortUp, desc: faSortDown };

function HeaderCellView(props: HeaderRowsProps & { cell: HeaderCell; row: number; isLast: boolean }): React.ReactElement {
  const { cell, row, columns, actions } = props;
  const rows = props.rows.length;
  const spanned = columns.slice(cell.start, cell.start + cell.span);
  const ids = spanned.map((c) => c.id);
  const column = columns[cell.start];
  const isLastRow = row === rows - 1;
  const allColumns = cell.span === columns.length;
  const on = (flag: keyof Column): boolean => flagOn(column[flag] as Column["deletable"], row, rows);
  const direction = directionOf(props.sortBy, column.id);
  const selectable = props.columnSelectable && on("selectable");
  const checked = selectable && ids.every((id) => props.selectedColumns.includes(id));
  const className = `dash-header column-${cell.start}${props.isLast ? " cell--right-last" : ""}`;
  if (isPhantom(props.part, cell.start)) {
    return (
      <th
        className={`${className} phantom-cell`}
        data-dash-column={column.id}
        colSpan={cell.span > 1 ? cell.span : undefined}
        style={props.styleOf(column, row)}
      />
    );
  }
  return (
    <th
      className={className + lastOfPart(props, cell)}
      data-dash-column={column.id}
      colSpan={cell.span > 1 ? cell.span : undefined}
      style={props.styleOf(column, row)}
      onMouseEnter={(event) => props.hoverHeader(cell.start, row, event.currentTarget)}
      onMouseLeave={() => props.hoverHeader(-1, -1, null)}
    >
      <div>
        <div className="column-actions">
          {selectable ? (
            <span className="column-header--select">
              <input
                type={props.columnSelectable === "single" ? "radio" : "checkbox"}
                name={`column-select-${props.tableId}`}
                checked={Boolean(checked)}
                onChange={() => actions.select(ids, !checked)}
              />
            </span>
          ) : null}
          {props.sortAction && isLastRow ? (
            <span className="column-header--sort" onClick={() => actions.sort(column.id)}>
              <Icon icon={SORT_ICONS[direction]} />
            </span>
          ) : null}
          {on("renamable") ? (
            <span className="column-header--edit" onClick={() => actions.rename(ids, row, cell.label)}>
              <Icon icon={faPencilAlt} />
            </span>
          ) : null}
          {on("clearable") ? (
            <span className="column-header--clear" onClick={() => actions.clear(ids)}>
              <Icon icon={faEraser} />
            </span>
          ) : null}
          {on("deletable") ? (
            <span
              className={`column-header--delete${allColumns ? " disabled" : ""}`}
              onClick={allColumns ? undefined : () => actions.remove(ids)}
            >
              <Icon icon={faTrashAlt} />
            </span>
          ) : null}
          {on("hideable") ? (
            <span
              className={`column-header--hide${allColumns ? " disabled" : ""}`}
              onClick={allColumns ? undefined : () => actions.hide(ids)}
            >
              <Icon icon={faEyeSlash} />
            </span>
          ) : null}
        </div>
        <span className="column-header-name">{cell.label}</span>
      </div>
    </th>
  );
}

/** The empty header cells above the row-deletion and row-selection columns. */
export function OperationHeaders(props: { part: ColumnPart; rowDeletable: boolean; rowSelectable: boolean }): React.ReactElement {
  const phantom = props.part.operations ? "" : " phantom-cell";
  return (
    <>
      {props.rowDeletable ? <th className={`expanded-row--empty-cell dash-delete-header${phantom}`} /> : null}
      {props.rowSelectable ? <th className={`expanded-row--empty-cell dash-select-header${phantom}`} /> : null}
    </>
  );
}

export function HeaderRows(props: HeaderRowsProps): React.ReactElement {
  return (
    <>
      {props.rows.map((cells, row) => (
        <tr key={`header-${row}`}>
          <OperationHeaders part={props.part} rowDeletable={props.rowDeletable} rowSelectable={props.rowSelectable} />
          {cells.map((cell, i) => (
            <HeaderCellView key={cell.start} {...props} cell={cell} row={row} isLast={i === cells.length - 1} />
          ))}
        </tr>
      ))}
    </>
  );
}
