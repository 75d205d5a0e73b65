// The row pipeline: data → native filter (filter_query) → native sort (sort_by, empty values
// last) → native page (page_current/page_size). Custom actions skip the step (a callback does it
// on the server). The result is index lists into `data`.
//
// TanStack Table models the columns (definitions, visibility, the visible leaf order); the rows
// go through the index functions of ./rows instead of TanStack's row models. Those build one
// object per row (with its per-row caches and feature methods) for every model of the chain, on
// the first render of a table: for 100,000 rows that alone took longer than the whole first
// render of Dash's table, mostly in allocation and garbage collection. Filtering, sorting and
// paging number arrays that read `data[i][column]` give the same rows in the same order, and
// with neither a filter nor a sort the table shows `data` in place, with no copy at all.
import { getCoreRowModel, useReactTable } from "@tanstack/react-table";
import type { ColumnDef } from "@tanstack/react-table";
import React from "react";
import { evaluate } from "../filter/evaluate";
import type { FilterNode } from "../filter/parser";
import type { Column, Row, SortEntry } from "../types";
import { allIndices, filterIndices, pageIndices, sortIndices } from "./rows";
import type { SortKey } from "./rows";
import { nullyTest } from "./sort";

export interface PipelineOptions {
  data: Row[];
  columns: Column[];
  hiddenColumns: string[];
  sortBy: SortEntry[];
  sortAsNull: unknown[] | undefined;
  nativeSort: boolean;
  /** The parsed filter_query when filtering is native (null: no filtering). */
  filterTree: FilterNode | null;
  nativePaging: boolean;
  pageCurrent: number;
  pageSize: number;
}

export interface PipelineResult {
  /** Indices into `data` after filtering and sorting, every page. */
  virtualIndices: number[];
  /** Indices into `data` of the rows on the current page (the same array without paging). */
  viewportIndices: number[];
  /** Ids of the visible columns, in order. */
  visibleColumnIds: string[];
}

/** No rows for TanStack: it only models the columns here. */
const NO_ROWS: Row[] = [];

/** The sort levels of `sort_by` that name a column of the table (hidden ones included). */
export function sortKeys(sortBy: readonly SortEntry[], columns: readonly Column[], sortAsNull: unknown[] | undefined): SortKey[] {
  const byId = new Map(columns.map((column) => [column.id, column]));
  const keys: SortKey[] = [];
  for (const entry of sortBy) {
    const column = byId.get(entry.column_id);
    if (!column) continue;
    keys.push({ columnId: column.id, direction: entry.direction === "desc" ? "desc" : "asc", isNully: nullyTest(column, sortAsNull) });
  }
  return keys;
}

/** The table's rows through filter, sort and page, as index lists into `data`. */
export function rowIndices(data: readonly Row[], filterTree: FilterNode | null, keys: readonly SortKey[]): number[] {
  const kept = filterTree ? filterIndices(data, (row) => evaluate(filterTree, row)) : allIndices(data.length);
  return keys.length ? sortIndices(data, kept, keys) : kept;
}

function useVisibleColumnIds(columns: Column[], hiddenColumns: string[]): string[] {
  const defs = React.useMemo<ColumnDef<Row>[]>(() => columns.map((column) => ({ id: column.id })), [columns]);
  const columnVisibility = React.useMemo(() => {
    const visibility: Record<string, boolean> = {};
    for (const id of hiddenColumns) visibility[id] = false;
    return visibility;
  }, [hiddenColumns]);
  const table = useReactTable<Row>({
    data: NO_ROWS,
    columns: defs,
    state: { columnVisibility },
    onStateChange: () => undefined,
    getCoreRowModel: getCoreRowModel(),
    renderFallbackValue: null,
  });
  const visibleLeaves = table.getVisibleLeafColumns();
  const visibleKey = visibleLeaves.map((c) => c.id).join("\u0000");
  return React.useMemo(() => visibleLeaves.map((c) => c.id), [visibleKey]); // eslint-disable-line react-hooks/exhaustive-deps
}

/** Runs the pipeline (a hook: results are kept while their inputs stay the same). */
export function useRowPipeline(options: PipelineOptions): PipelineResult {
  const { data, columns, sortBy, sortAsNull, nativeSort, filterTree, nativePaging, pageCurrent, pageSize } = options;
  const keys = React.useMemo(
    () => (nativeSort ? sortKeys(sortBy, columns, sortAsNull) : []),
    [nativeSort, sortBy, columns, sortAsNull],
  );
  const virtualIndices = React.useMemo(() => rowIndices(data, filterTree, keys), [data, filterTree, keys]);
  const viewportIndices = React.useMemo(
    () => (nativePaging ? pageIndices(virtualIndices, pageCurrent, pageSize) : virtualIndices),
    [nativePaging, virtualIndices, pageCurrent, pageSize],
  );
  const visibleColumnIds = useVisibleColumnIds(columns, options.hiddenColumns);
  return { virtualIndices, viewportIndices, visibleColumnIds };
}
