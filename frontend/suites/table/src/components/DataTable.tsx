// dash_table.DataTable (renderer §7, dom-contract §7): the container tree, the row pipeline, the
// derived props and every user interaction, each delegated to a pure module under logic/.
import React from "react";
import { boxText, caseFlag, joinStatements, readBox, splitQuery } from "../filter/columns";
import type { Operator } from "../filter/columns";
import { parseQuery, toStructure } from "../filter/parser";
import type { FilterNode } from "../filter/parser";
import { applyPaste, parseTsv, toTsv } from "../logic/clipboard";
import { coerceValue } from "../logic/coerce";
import { deriveViewport, deriveVirtual } from "../logic/derived";
import { dropdownFor } from "../logic/dropdowns";
import { deepEqual } from "../logic/equal";
import { exportTable } from "../lazy/export";
import { fixedSplit, viewportWindow } from "../logic/fixed";
import { cellFormatter, plainText } from "../logic/format";
import { headerRows, labelAt } from "../logic/headers";
import { pageCountFor, showsPagination } from "../logic/pagination";
import { TABLE_PERSISTENCE, TABLE_PERSISTENCE_TRANSFORMS } from "../logic/persistence";
import { useRowPipeline } from "../logic/pipeline";
import { rowsAt } from "../logic/rows";
import { cellRange, cellAt, moved, rowsAfterDelete, selectionKeys, toggledRows } from "../logic/selection";
import type { Move } from "../logic/selection";
import type { ColumnPart } from "../logic/fixed";
import { nextSortBy } from "../logic/sort";
import { cellStyle } from "../logic/styles";
import { domId, useDataLoading } from "../page";
import { applyTableCss } from "../styles/inject";
import type { Cell, Column, ConditionalStyle, DataTableProps, DropdownSpec, Row, StyleObject } from "../types";
import { DataRow } from "./DataRows";
import { Grid } from "./Grid";
import type { RowHandlers, TableView } from "./DataRows";
import { FilterRow } from "./FilterRow";
import { HeaderRows } from "./HeaderRows";
import type { HeaderActions } from "./HeaderRows";
import { Menu } from "./Menu";
import { Pagination } from "./Pagination";
import { Tooltip, useTooltip } from "./Tooltip";
import { useRowWindow, useSettledWindow } from "./useRowWindow";

const EMPTY: never[] = [];
const BORDER = "1px solid rgb(211, 211, 211)";
const HOTPINK = "1px solid rgb(255, 105, 180)";
const SELECTED_BACKGROUND = "rgba(255, 65, 54, 0.2)";
// Built-in looks of the active and selected cells: before the user's conditional styles, so
// `{"if": {"state": "active"}, ...}` overrides them.
const STATE_STYLES: ConditionalStyle[] = [
  { if: { state: "selected" }, backgroundColor: SELECTED_BACKGROUND },
  { if: { state: "active" }, backgroundColor: SELECTED_BACKGROUND, border: HOTPINK },
];

/** What this tab last copied: pasting the same text reuses the values (no header row). */
let lastCopy: { text: string; values: string[][] } | null = null;

function filterSettings(action: DataTableProps["filter_action"]): { type: "custom" | "native" | "none"; operator: Operator } {
  if (action && typeof action === "object") return { type: action.type, operator: action.operator ?? "and" };
  return { type: action ?? "none", operator: "and" };
}

function copyText(text: string): void {
  const area = document.createElement("textarea");
  area.value = text;
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  const previous = document.activeElement as HTMLElement | null;
  area.select();
  document.execCommand("copy");
  area.remove();
  previous?.focus({ preventScroll: true });
}

function keyMove(key: string, shift: boolean): Move | null {
  switch (key) {
    case "ArrowUp":
      return "up";
    case "ArrowDown":
      return "down";
    case "ArrowLeft":
      return "left";
    case "ArrowRight":
      return "right";
    case "Tab":
      return shift ? "left" : "right";
    default:
      return null;
  }
}

export function DataTable(props: DataTableProps): React.ReactElement {
  const setProps = React.useCallback((changes: Record<string, unknown>) => props.setProps?.(changes), [props.setProps]);
  const tableId = domId(props.id) ?? "";
  const columns = props.columns ?? (EMPTY as Column[]);
  const data = props.data ?? (EMPTY as Row[]);
  const hiddenColumns = props.hidden_columns ?? (EMPTY as string[]);
  const sortBy = props.sort_by ?? EMPTY;
  const selectedRows = props.selected_rows ?? (EMPTY as number[]);
  const selectedColumns = props.selected_columns ?? (EMPTY as string[]);
  const pageAction = props.page_action ?? "native";
  const pageSize = props.page_size ?? 250;
  const pageCurrent = props.page_current ?? 0;
  const sortAction = props.sort_action ?? "none";
  const filter = filterSettings(props.filter_action);
  const filterQuery = props.filter_query ?? "";
  const editableTable = props.editable ?? false;
  const cellSelectable = props.cell_selectable ?? true;
  const rowSelectable = props.row_selectable ?? false;
  const loading = useDataLoading();

  const parsedQuery = React.useMemo(() => parseQuery(filterQuery), [filterQuery]);
  const filterTree: FilterNode | null = filter.type === "native" && parsedQuery.ok ? parsedQuery.tree : null;
  const pipeline = useRowPipeline({
    data,
    columns,
    hiddenColumns,
    sortBy,
    sortAsNull: props.sort_as_null,
    nativeSort: sortAction === "native",
    filterTree,
    nativePaging: pageAction === "native",
    pageCurrent,
    pageSize,
  });
  const { virtualIndices, viewportIndices, visibleColumnIds } = pipeline;
  const visibleColumns = React.useMemo(() => {
    const byId = new Map(columns.map((c) => [c.id, c]));
    return visibleColumnIds.map((id) => byId.get(id)).filter((c): c is Column => c !== undefined);
  }, [columns, visibleColumnIds]);
  const viewRows = React.useMemo(() => rowsAt(data, viewportIndices), [viewportIndices, data]);

  // -- fixed rows/columns and the virtualized window ----------------------------------------------
  const rows = React.useMemo(() => headerRows(visibleColumns, Boolean(props.merge_duplicate_headers)), [visibleColumns, props.merge_duplicate_headers]);
  const headerRowCount = rows.length + (filter.type !== "none" ? 1 : 0);
  const split = fixedSplit(props.fixed_rows, props.fixed_columns, visibleColumns.length, viewRows.length);
  const scrollRef = React.useRef<HTMLDivElement>(null);
  const virtualized = Boolean(props.virtualization);
  const bodyWindow = useRowWindow(
    virtualized,
    viewRows.length - split.topDataRows,
    scrollRef,
    (headerRowCount + split.topDataRows) * 25,
  );
  const rowWindow = {
    ...bodyWindow,
    start: bodyWindow.start + split.topDataRows,
    end: bodyWindow.end + split.topDataRows,
  };
  // The viewport a virtualized table reports follows the rendered window once scrolling settles.
  const settled = useSettledWindow(virtualized, rowWindow.start, rowWindow.end);
  const reportedViewport = React.useMemo(
    () => viewportWindow(viewportIndices, virtualized, split.topDataRows, settled.start, settled.end),
    [viewportIndices, virtualized, split.topDataRows, settled.start, settled.end],
  );

  // -- derived props: sent whenever they differ from what the layout holds ------------------
  // The virtual ones (up to every row) only change with the data, the pipeline or the selection;
  // the viewport ones also follow the scrolled window, and are cheap.
  const derivedVirtual = React.useMemo(
    () => deriveVirtual(data, virtualIndices, selectedRows),
    [data, virtualIndices, selectedRows],
  );
  const derived = React.useMemo(() => {
    const values: Record<string, unknown> = {
      ...derivedVirtual,
      ...deriveViewport(data, reportedViewport, selectedRows, selectedColumns, visibleColumnIds, derivedVirtual),
    };
    values.derived_filter_query_structure = parsedQuery.ok ? toStructure(parsedQuery.tree) : null;
    return values;
  }, [data, derivedVirtual, reportedViewport, selectedRows, selectedColumns, visibleColumnIds, parsedQuery]);
  const latestProps = React.useRef(props);
  latestProps.current = props;
  React.useEffect(() => {
    const changes: Record<string, unknown> = {};
    for (const key in derived) if (!deepEqual(derived[key], latestProps.current[key])) changes[key] = derived[key];
    if (Object.keys(changes).length) setProps(changes);
  }, [derived, setProps]);

  // -- `css` prop -------------------------------------------------------------------------------
  const css = props.css;
  React.useEffect(() => (tableId && css?.length ? applyTableCss(tableId, css) : undefined), [tableId, css]);

  // -- edit mode (table-wide) -------------------------------------------------------------------
  const [editing, setEditing] = React.useState(false);
  const [editValue, setEditValue] = React.useState("");
  const editRef = React.useRef({ editing: false, value: "" });
  editRef.current = { editing, value: editValue };
  const containerRef = React.useRef<HTMLDivElement>(null);
  const wantsFocus = React.useRef(false);

  const isEditable = React.useCallback((column: Column) => column.editable ?? editableTable, [editableTable]);
  const formatters = React.useMemo(
    () => visibleColumns.map((c) => cellFormatter(c, props.locale_format)),
    [visibleColumns, props.locale_format],
  );
  const editableColumns = React.useMemo(() => visibleColumns.map(isEditable), [visibleColumns, isEditable]);

  // -- the table's latest state, for handlers that must stay stable across renders -------------
  const state = {
    props, data, columns, visibleColumns, viewRows, viewportIndices, virtualIndices, filter, filterQuery,
    parsedQuery, selectedRows, selectedColumns, hiddenColumns, sortBy, isEditable, pageCurrent,
  };
  const latest = React.useRef(state);
  latest.current = state;

  const select = React.useCallback(
    (row: number, column: number, extend: boolean) => {
      const s = latest.current;
      if (!(s.props.cell_selectable ?? true) || !s.viewRows.length || !s.visibleColumns.length) return;
      const target = cellAt(row, column, s.viewRows, s.visibleColumns);
      wantsFocus.current = true;
      if (extend && s.props.start_cell) {
        const start = s.props.start_cell;
        setProps({ end_cell: target, selected_cells: cellRange(start, target, s.viewRows, s.visibleColumns), is_focused: true });
        return;
      }
      if (deepEqual(s.props.active_cell, target) && (s.props.selected_cells?.length ?? 0) <= 1) return;
      setProps({ active_cell: target, start_cell: target, end_cell: target, selected_cells: [target], is_focused: true });
    },
    [setProps],
  );

  const commitEdit = React.useCallback(() => {
    const s = latest.current;
    const edit = editRef.current;
    if (!edit.editing) return;
    editRef.current = { editing: false, value: "" };
    setEditing(false);
    const active = s.props.active_cell;
    if (!active) return;
    const column = s.visibleColumns[active.column];
    const dataIndex = s.viewportIndices[active.row];
    if (!column || dataIndex === undefined) return;
    const result = coerceValue(edit.value, column);
    if (!result.accepted || deepEqual(result.value, s.data[dataIndex]?.[column.id])) return;
    const next = s.data.slice();
    next[dataIndex] = { ...next[dataIndex], [column.id]: result.value };
    setProps({ data: next, data_previous: s.data, data_timestamp: Date.now() });
  }, [setProps]);

  const startEdit = React.useCallback((initial: string | null) => {
    const s = latest.current;
    const active = s.props.active_cell;
    if (!active) return false;
    const column = s.visibleColumns[active.column];
    if (!column || !s.isEditable(column) || column.presentation === "markdown" || column.presentation === "dropdown") return false;
    const value = initial ?? plainText(s.viewRows[active.row]?.[column.id]);
    editRef.current = { editing: true, value };
    setEditValue(value);
    setEditing(true);
    return true;
  }, []);

  // A double-click on a cell that is not yet active: edit it as soon as it becomes active.
  const pendingEdit = React.useRef<{ row: number; column: number } | null>(null);
  const activeNow = props.active_cell;
  React.useEffect(() => {
    const pending = pendingEdit.current;
    if (!pending || !activeNow || activeNow.row !== pending.row || activeNow.column !== pending.column) return;
    pendingEdit.current = null;
    startEdit(null);
  }, [activeNow?.row, activeNow?.column, startEdit]);

  const cancelEdit = React.useCallback(() => {
    editRef.current = { editing: false, value: "" };
    setEditing(false);
  }, []);

  // -- tooltips ---------------------------------------------------------------------------------
  const tooltip = useTooltip(props, visibleColumns, viewRows, viewportIndices, containerRef);

  const handlers: RowHandlers = React.useMemo(
    () => ({
      clickCell(row, column, shift) {
        pendingEdit.current = null;
        if (editRef.current.editing) {
          const active = latest.current.props.active_cell;
          if (active && active.row === row && active.column === column) return;
          commitEdit();
        }
        select(row, column, shift);
      },
      doubleClickCell(row, column) {
        const current = latest.current.props.active_cell;
        if (current && current.row === row && current.column === column) {
          startEdit(null);
          return;
        }
        // The new active cell arrives with the next props; the effect below starts the edit then.
        pendingEdit.current = { row, column };
        select(row, column, false);
      },
      editChange(text) {
        if (!editRef.current.editing) return;
        editRef.current = { editing: true, value: text };
        setEditValue(text);
      },
      editBlur() {
        commitEdit();
      },
      toggleRow(dataIndex) {
        const s = latest.current;
        const mode = s.props.row_selectable === "single" ? "single" : "multi";
        const rows = toggledRows(s.selectedRows, dataIndex, mode);
        setProps({ selected_rows: rows, selected_row_ids: rows.map((i) => s.data[i]?.id ?? null) });
      },
      deleteRow(dataIndex) {
        const s = latest.current;
        const next = s.data.filter((_, i) => i !== dataIndex);
        const rows = rowsAfterDelete(s.selectedRows, dataIndex);
        const changes: Record<string, unknown> = { data: next, data_previous: s.data, data_timestamp: Date.now() };
        if (!deepEqual(rows, s.selectedRows)) {
          changes.selected_rows = rows;
          changes.selected_row_ids = rows.map((i) => next[i]?.id ?? null);
        }
        setProps(changes);
      },
      hoverCell(row, column, target) {
        tooltip.hover(row, column, target);
      },
      chooseOption(dataIndex, columnId, value) {
        const s = latest.current;
        if (!s.data[dataIndex] || deepEqual(s.data[dataIndex][columnId], value)) return;
        const next = s.data.slice();
        next[dataIndex] = { ...next[dataIndex], [columnId]: value };
        setProps({ data: next, data_previous: s.data, data_timestamp: Date.now() });
      },
    }),
    [commitEdit, select, startEdit, setProps, tooltip.hover],
  );

  // Keep DOM focus on the active cell while the user works in the table.
  const active = props.active_cell;
  React.useEffect(() => {
    if (!wantsFocus.current || !active || !containerRef.current) return;
    const selector = `td[data-dash-row="${active.row}"][data-dash-column="${CSS.escape(String(active.column_id))}"]:not(.phantom-cell)`;
    const cell = containerRef.current.querySelector(selector);
    const target = cell?.querySelector("input.dash-cell-value, .dash-cell-value") as HTMLElement | null;
    if (target && document.activeElement !== target) target.focus({ preventScroll: false });
  }, [active?.row, active?.column, active?.column_id, editing]);

  // -- keyboard and clipboard -------------------------------------------------------------------
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>): void => {
    const s = latest.current;
    const current = s.props.active_cell;
    if (!current || !(s.props.cell_selectable ?? true)) return;
    const rowCount = s.viewRows.length;
    const columnCount = s.visibleColumns.length;
    const isEditing = editRef.current.editing;
    if (isEditing) {
      if (event.key === "Escape") {
        cancelEdit();
        return;
      }
      if (event.key === "Enter" || event.key === "Tab" || event.key === "ArrowUp" || event.key === "ArrowDown") {
        event.preventDefault();
        commitEdit();
        const move = event.key === "Enter" ? "down" : keyMove(event.key, event.shiftKey);
        if (move) {
          const next = moved(current, move, rowCount, columnCount);
          select(next.row, next.column, false);
        }
      }
      return;
    }
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "c") {
      copySelection();
      event.preventDefault();
      return;
    }
    const move = keyMove(event.key, event.shiftKey);
    if (move) {
      event.preventDefault();
      const extend = event.shiftKey && event.key !== "Tab";
      const from = extend && s.props.end_cell ? s.props.end_cell : current;
      const next = moved(from, move, rowCount, columnCount);
      select(next.row, next.column, extend);
      return;
    }
    if (event.key === "Enter") {
      event.preventDefault();
      startEdit(null);
      return;
    }
    if (event.key === "Backspace" || event.key === "Delete") {
      event.preventDefault();
      clearSelection();
      return;
    }
    if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      if (startEdit(event.key)) event.preventDefault();
    }
  };

  const selectedGrid = (): { cells: Cell[][]; columns: Column[] } => {
    const s = latest.current;
    const cells = s.props.selected_cells?.length ? s.props.selected_cells : s.props.active_cell ? [s.props.active_cell] : [];
    const rows = [...new Set(cells.map((c) => c.row))].sort((a, b) => a - b);
    const cols = [...new Set(cells.map((c) => c.column))].sort((a, b) => a - b);
    return {
      cells: rows.map((r) => cols.map((c) => cellAt(r, c, s.viewRows, s.visibleColumns))),
      columns: cols.map((c) => s.visibleColumns[c]),
    };
  };

  const copySelection = (): void => {
    const s = latest.current;
    const { cells, columns: cols } = selectedGrid();
    if (!cells.length) return;
    const values = cells.map((line) => line.map((cell) => plainText(s.viewRows[cell.row]?.[cell.column_id])));
    const grid: string[][] = s.props.include_headers_on_copy_paste
      ? [cols.map((c) => labelAt(c, 0, 1) || c.id), ...values]
      : values;
    const text = toTsv(grid);
    lastCopy = { text, values };
    copyText(text);
  };

  const clearSelection = (): void => {
    const s = latest.current;
    const { cells } = selectedGrid();
    const next = s.data.slice();
    let changed = false;
    for (const line of cells) {
      for (const cell of line) {
        const column = s.visibleColumns[cell.column];
        const dataIndex = s.viewportIndices[cell.row];
        if (!column || dataIndex === undefined || !s.isEditable(column)) continue;
        next[dataIndex] = { ...next[dataIndex], [column.id]: "" };
        changed = true;
      }
    }
    if (changed) setProps({ data: next, data_previous: s.data, data_timestamp: Date.now() });
  };

  const onPaste = (event: React.ClipboardEvent<HTMLDivElement>): void => {
    const s = latest.current;
    if (editRef.current.editing || !s.props.active_cell) return;
    if ((event.target as HTMLElement).closest?.(".dash-filter, .previous-next-container")) return;
    const text = event.clipboardData.getData("text/plain");
    if (!text) return;
    event.preventDefault();
    let grid = lastCopy && lastCopy.text === text ? lastCopy.values : parseTsv(text);
    if (s.props.include_headers_on_copy_paste && !(lastCopy && lastCopy.text === text)) grid = grid.slice(1);
    if (!grid.length) return;
    const result = applyPaste(grid, {
      data: s.data,
      columns: s.visibleColumns,
      allColumns: s.columns,
      viewportIndices: s.viewportIndices,
      row: s.props.active_cell.row,
      column: s.props.active_cell.column,
      canAddRows: !s.sortBy.length && !s.filterQuery,
      isEditable: s.isEditable,
    });
    const changes: Record<string, unknown> = { data: result.data, data_previous: s.data, data_timestamp: Date.now() };
    if (result.columns) changes.columns = result.columns;
    setProps(changes);
  };

  const onBlurContainer = (event: React.FocusEvent<HTMLDivElement>): void => {
    if (containerRef.current && !containerRef.current.contains(event.relatedTarget as Node | null)) {
      wantsFocus.current = false;
      if (latest.current.props.is_focused) setProps({ is_focused: false });
    }
  };

  // -- styles -----------------------------------------------------------------------------------
  const dataConditional = React.useMemo(
    () => [...STATE_STYLES, ...(props.style_data_conditional ?? [])],
    [props.style_data_conditional],
  );
  const styleOf = React.useCallback(
    (row: Row, viewRow: number, column: Column, _index: number, cellState?: "active" | "selected"): StyleObject => {
      const style = cellStyle(
        [
          [{ border: BORDER }, undefined],
          [props.style_cell, props.style_cell_conditional],
          [props.style_data, dataConditional],
        ],
        { column, editable: isEditable(column), row, rowIndex: viewRow, state: cellState },
      );
      return style;
    },
    [props.style_cell, props.style_cell_conditional, props.style_data, dataConditional, isEditable],
  );
  const headerStyleOf = React.useCallback(
    (column: Column, headerIndex: number): StyleObject =>
      cellStyle(
        [
          [{ border: BORDER }, undefined],
          [props.style_cell, props.style_cell_conditional],
          [props.style_header, props.style_header_conditional],
        ],
        { column, editable: isEditable(column), headerIndex },
      ),
    [props.style_cell, props.style_cell_conditional, props.style_header, props.style_header_conditional, isEditable],
  );
  const filterStyleOf = React.useCallback(
    (column: Column): StyleObject =>
      cellStyle(
        [
          [{ border: BORDER }, undefined],
          [props.style_cell, props.style_cell_conditional],
          [props.style_filter, props.style_filter_conditional],
        ],
        { column, editable: isEditable(column) },
      ),
    [props.style_cell, props.style_cell_conditional, props.style_filter, props.style_filter_conditional, isEditable],
  );

  // -- dropdown cells ---------------------------------------------------------------------------
  const dropdownOf = React.useCallback(
    (row: Row, dataIndex: number, column: Column): DropdownSpec | null =>
      dropdownFor({ dropdown: props.dropdown, dropdown_conditional: props.dropdown_conditional, dropdown_data: props.dropdown_data }, column, row, dataIndex),
    [props.dropdown, props.dropdown_conditional, props.dropdown_data],
  );

  const view: TableView = React.useMemo(
    () => ({
      columns: visibleColumns,
      formatters,
      editableColumns,
      editing,
      editValue,
      cellSelectable,
      rowDeletable: Boolean(props.row_deletable),
      rowSelectable,
      tableId,
      markdownOptions: props.markdown_options ?? { link_target: "_blank", html: false },
      dropdownFor: dropdownOf,
      styleOf,
    }),
    [visibleColumns, formatters, editableColumns, editing, editValue, cellSelectable, props.row_deletable,
      rowSelectable, tableId, props.markdown_options, dropdownOf, styleOf],
  );

  // -- header actions ---------------------------------------------------------------------------
  const headerActions: HeaderActions = {
    sort(columnId) {
      setProps({ sort_by: nextSortBy(sortBy, columnId, props.sort_mode ?? "single") });
    },
    select(ids, checked) {
      if (props.column_selectable === "single") setProps({ selected_columns: checked ? ids : [] });
      else {
        const others = selectedColumns.filter((id) => !ids.includes(id));
        setProps({ selected_columns: checked ? [...others, ...ids] : others });
      }
    },
    rename(ids, row, current) {
      const name = window.prompt("Enter a new column name", current);
      if (name === null) return;
      const renamed = columns.map((c) => {
        if (!ids.includes(c.id)) return c;
        if (Array.isArray(c.name)) {
          const names = c.name.slice();
          names[row] = name;
          return { ...c, name: names };
        }
        return { ...c, name };
      });
      setProps({ columns: renamed });
    },
    clear(ids) {
      const next = data.map((row) => {
        const copy = { ...row };
        for (const id of ids) copy[id] = "";
        return copy;
      });
      setProps({ data: next, data_previous: data, data_timestamp: Date.now() });
    },
    remove(ids) {
      const next = data.map((row) => {
        const copy = { ...row };
        for (const id of ids) delete copy[id];
        return copy;
      });
      const changes: Record<string, unknown> = {
        columns: columns.filter((c) => !ids.includes(c.id)),
        data: next,
        data_previous: data,
        data_timestamp: Date.now(),
      };
      if (selectedColumns.some((id) => ids.includes(id))) changes.selected_columns = selectedColumns.filter((id) => !ids.includes(id));
      setProps(changes);
    },
    hide(ids) {
      setProps({ hidden_columns: [...hiddenColumns.filter((id) => !ids.includes(id)), ...ids] });
    },
  };

  // -- filter boxes -----------------------------------------------------------------------------
  const [invalidBoxes, setInvalidBoxes] = React.useState<Record<string, string>>({});
  const statements = React.useMemo(() => splitQuery(filterQuery, filter.operator), [filterQuery, filter.operator]);
  const boxTexts = React.useMemo(() => {
    const texts: Record<string, string> = {};
    for (const column of columns) {
      const statement = statements?.get(column.id);
      if (statement) texts[column.id] = boxText(statement, column, props.filter_options);
    }
    for (const id in invalidBoxes) texts[id] = invalidBoxes[id];
    return texts;
  }, [statements, columns, props.filter_options, invalidBoxes]);

  const submitFilters = (byColumn: Map<string, FilterNode>): void => {
    const query = joinStatements(byColumn.values(), filter.operator);
    if (query === filterQuery) return;
    const changes: Record<string, unknown> = { filter_query: query };
    if (pageAction === "native" && pageCurrent !== 0) changes.page_current = 0;
    setProps(changes);
  };

  const onFilterSubmit = (columnId: string, text: string): void => {
    const column = columns.find((c) => c.id === columnId);
    if (!column) return;
    const read = readBox(text, column, props.filter_options);
    setInvalidBoxes((boxes) => {
      if (read.valid === !(columnId in boxes)) return boxes;
      const next = { ...boxes };
      if (read.valid) delete next[columnId];
      else next[columnId] = text;
      return next;
    });
    const byColumn = new Map(statements ?? []);
    if (read.node) byColumn.set(columnId, read.node);
    else byColumn.delete(columnId);
    submitFilters(byColumn);
  };

  const onToggleCase = (columnId: string): void => {
    const column = columns.find((c) => c.id === columnId);
    if (!column) return;
    const insensitive = caseFlag(column, props.filter_options) === "i";
    const updated: Column = { ...column, filter_options: { ...(column.filter_options ?? {}), case: insensitive ? "sensitive" : "insensitive" } };
    const changes: Record<string, unknown> = { columns: columns.map((c) => (c.id === columnId ? updated : c)) };
    const statement = statements?.get(columnId);
    if (statement) {
      const read = readBox(boxText(statement, column, props.filter_options), updated, props.filter_options);
      if (read.node) {
        const byColumn = new Map(statements ?? []);
        byColumn.set(columnId, read.node);
        const query = joinStatements(byColumn.values(), filter.operator);
        if (query !== filterQuery) changes.filter_query = query;
      }
    }
    setProps(changes);
  };

  // -- layout -----------------------------------------------------------------------------------
  const selectedKeys = React.useMemo(() => selectionKeys(props.selected_cells), [props.selected_cells]);
  const selectedByRow = React.useMemo(() => {
    const map = new Map<number, number[]>();
    for (const key of selectedKeys) {
      const [r, c] = key.split(",").map(Number);
      const list = map.get(r);
      if (list) list.push(c);
      else map.set(r, [c]);
    }
    return map;
  }, [selectedKeys]);
  const selectedRowSet = React.useMemo(() => new Set(selectedRows), [selectedRows]);
  const invalidSet = React.useMemo(() => new Set(Object.keys(invalidBoxes)), [invalidBoxes]);

  const stateClasses = [
    "dash-spreadsheet",
    props.virtualization ? "dash-virtualized" : "",
    split.headersOnTop ? "dash-freeze-top" : "dash-empty-01",
    split.leftColumns ? "dash-freeze-left" : "",
    viewRows.length > split.topDataRows ? "" : "dash-empty-11",
    visibleColumns.length ? "" : "dash-no-columns",
    data.length ? "" : "dash-no-data",
    filter.type === "none" ? "dash-no-filter" : "",
    props.fill_width ?? true ? "dash-fill-width" : "",
    props.style_as_list_view ? "dash-list-view" : "",
    loading ? "dash-loading" : "",
  ].filter(Boolean).join(" ");


  const pageCount = pageAction === "native" ? pageCountFor(virtualIndices.length, pageSize) : props.page_count;
  const showToggle = columns.some((c) => c.hideable) || hiddenColumns.length > 0;
  const exportFormat = props.export_format ?? "none";

  const onExport = (): void => {
    const exportColumns = (props.export_columns ?? "visible") === "all" ? columns : visibleColumns;
    const headers = props.export_headers ?? (exportFormat === "none" ? "none" : "names");
    exportTable({
      format: exportFormat === "xlsx" ? "xlsx" : "csv",
      rows: virtualIndices.map((i) => data[i]),
      columns: exportColumns,
      headers,
      mergeHeaders: Boolean(props.merge_duplicate_headers),
    }).catch((error: unknown) => console.error(`DataTable "${tableId}": the ${exportFormat} export failed.`, error));
  };

  const renderHeaders = (part: ColumnPart): React.ReactNode => (
    <>
      <HeaderRows
        tableId={tableId}
        columns={visibleColumns}
        rows={rows}
        sortAction={sortAction !== "none"}
        sortBy={sortBy}
        columnSelectable={props.column_selectable ?? false}
        selectedColumns={selectedColumns}
        rowDeletable={Boolean(props.row_deletable)}
        rowSelectable={Boolean(rowSelectable)}
        actions={headerActions}
        styleOf={headerStyleOf}
        part={part}
        hoverHeader={tooltip.hoverHeader}
      />
      {filter.type !== "none" ? (
        <FilterRow
          columns={visibleColumns}
          texts={boxTexts}
          invalid={invalidSet}
          tableOptions={props.filter_options}
          rowDeletable={Boolean(props.row_deletable)}
          rowSelectable={Boolean(rowSelectable)}
          onSubmit={onFilterSubmit}
          onToggleCase={onToggleCase}
          styleOf={filterStyleOf}
          part={part}
        />
      ) : null}
    </>
  );
  const renderRows = (part: ColumnPart, start: number, end: number): React.ReactNode[] => {
    const out: React.ReactNode[] = [];
    for (let viewRow = start; viewRow < end && viewRow < viewRows.length; viewRow++) {
      const dataIndex = viewportIndices[viewRow];
      out.push(
        <DataRow
          key={dataIndex}
          view={view}
          handlers={handlers}
          row={viewRows[viewRow]}
          viewRow={viewRow}
          dataIndex={dataIndex}
          activeColumn={active && active.row === viewRow ? active.column : -1}
          selectedColumns={selectedByRow.get(viewRow)}
          rowChecked={selectedRowSet.has(dataIndex)}
          part={part}
        />,
      );
    }
    return out;
  };

  return (
    <div
      id={tableId || undefined}
      className="dash-table-container"
      style={{ position: "relative" }}
      ref={containerRef}
      onKeyDown={onKeyDown}
      onPaste={onPaste}
      onBlur={onBlurContainer}
    >
      {tooltip.shown ? <Tooltip {...tooltip.shown} /> : null}
      <Menu
        columns={columns}
        hiddenColumns={hiddenColumns}
        showToggle={showToggle}
        showExport={exportFormat === "csv" || exportFormat === "xlsx"}
        onToggleColumn={(id, visible) =>
          setProps({ hidden_columns: visible ? hiddenColumns.filter((h) => h !== id) : [...hiddenColumns, id] })
        }
        onExport={onExport}
      />
      <Grid
        stateClasses={stateClasses}
        styleTable={props.style_table}
        scrollRef={scrollRef}
        split={split}
        columnCount={visibleColumns.length}
        operationColumns={(props.row_deletable ? 1 : 0) + (rowSelectable ? 1 : 0)}
        headerRowCount={headerRowCount}
        rowCount={viewRows.length}
        body={rowWindow}
        fill={props.fill_width ?? true}
        renderHeaders={renderHeaders}
        renderRows={renderRows}
        layoutKey={[visibleColumns, viewRows, rows, filter.type, props.row_deletable, rowSelectable, view.styleOf, headerStyleOf, props.css]}
      />
      {showsPagination(pageAction, virtualIndices.length, pageSize, props.page_count) ? (
        <Pagination page={pageCurrent} pageCount={pageCount} goTo={(page) => setProps({ page_current: page })} />
      ) : null}
    </div>
  );
}

// Persistence (renderer §3.6): the documented props, and renamed headers only for `columns`.
DataTable.dashPersistence = TABLE_PERSISTENCE;
DataTable.persistenceTransforms = TABLE_PERSISTENCE_TRANSFORMS;
