// The row pipeline on TanStack Table: data → native filter (filter_query) → native sort
// (sort_by, empty values last) → native page (page_current/page_size). Custom actions skip the
// step (a callback does it on the server). The result is index lists into `data`.
import {
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
} from "@tanstack/react-table";
import type { ColumnDef, Row as TableRow } from "@tanstack/react-table";
import React from "react";
import { evaluate } from "../filter/evaluate";
import type { FilterNode } from "../filter/parser";
import type { Column, Row, SortEntry } from "../types";
import { compareValues, nullyTest } from "./sort";

const QUERY_COLUMN = "__dash_filter_query__";

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
  /** Indices into `data` of the rows on the current page. */
  viewportIndices: number[];
  /** Ids of the visible columns, in order. */
  visibleColumnIds: string[];
}

function columnDefs(columns: Column[], sortBy: SortEntry[], sortAsNull: unknown[] | undefined): ColumnDef<Row>[] {
  const direction = new Map(sortBy.map((entry) => [entry.column_id, entry.direction]));
  const defs: ColumnDef<Row>[] = columns.map((column) => {
    const isNully = nullyTest(column, sortAsNull);
    const dir = direction.get(column.id) ?? "asc";
    return {
      id: column.id,
      accessorFn: (row: Row) => row[column.id],
      sortingFn: (a: TableRow<Row>, b: TableRow<Row>) => compareValues(a.original[column.id], b.original[column.id], isNully, dir),
    };
  });
  defs.push({
    id: QUERY_COLUMN,
    accessorFn: () => null,
    filterFn: (row: TableRow<Row>, _id: string, tree: FilterNode) => evaluate(tree, row.original),
  });
  return defs;
}

function indicesOf(rows: TableRow<Row>[]): number[] {
  const out = new Array<number>(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = rows[i].index;
  return out;
}

/** Runs the pipeline (a hook: the table instance lives across renders). */
export function useRowPipeline(options: PipelineOptions): PipelineResult {
  const { data, columns, sortBy, sortAsNull } = options;
  const defs = React.useMemo(() => columnDefs(columns, sortBy, sortAsNull), [columns, sortBy, sortAsNull]);
  const known = React.useMemo(() => new Set(columns.map((c) => c.id)), [columns]);
  const sorting = React.useMemo(
    () => (options.nativeSort ? sortBy.filter((s) => known.has(s.column_id)).map((s) => ({ id: s.column_id, desc: s.direction === "desc" })) : []),
    [options.nativeSort, sortBy, known],
  );
  const columnFilters = React.useMemo(
    () => (options.filterTree ? [{ id: QUERY_COLUMN, value: options.filterTree }] : []),
    [options.filterTree],
  );
  const columnVisibility = React.useMemo(() => {
    const visibility: Record<string, boolean> = { [QUERY_COLUMN]: false };
    for (const id of options.hiddenColumns) visibility[id] = false;
    return visibility;
  }, [options.hiddenColumns]);
  const table = useReactTable<Row>({
    data,
    columns: defs,
    state: {
      sorting,
      columnFilters,
      columnVisibility,
      pagination: { pageIndex: options.pageCurrent, pageSize: options.pageSize },
    },
    onStateChange: () => undefined,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: options.nativePaging ? getPaginationRowModel() : undefined,
    manualFiltering: !options.filterTree,
    manualSorting: !options.nativeSort,
    manualPagination: !options.nativePaging,
    autoResetPageIndex: false,
    enableSortingRemoval: true,
    renderFallbackValue: null,
  });
  const virtualRows = table.getPrePaginationRowModel().rows;
  const pageRows = table.getRowModel().rows;
  const virtualIndices = React.useMemo(() => indicesOf(virtualRows), [virtualRows]);
  const viewportIndices = React.useMemo(() => indicesOf(pageRows), [pageRows]);
  const visibleLeaves = table.getVisibleLeafColumns();
  const visibleKey = visibleLeaves.map((c) => c.id).join("\u0000");
  const visibleColumnIds = React.useMemo(() => visibleLeaves.map((c) => c.id), [visibleKey]); // eslint-disable-line react-hooks/exhaustive-deps
  return { virtualIndices, viewportIndices, visibleColumnIds };
}
