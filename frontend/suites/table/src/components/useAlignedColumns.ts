// With fixed rows or columns the table is split into up to four tables (dom-contract §7.1). Each
// lays out its columns on its own, so after every layout change this hook measures the natural
// width of every column in each table, takes the widest, and gives all tables those widths
// (`table-layout: fixed` with one `<col>` per column). The left fragments are clipped to the fixed
// columns' width and the right ones shifted left by it, so each shows only its real cells.
import React from "react";
import { sharedWidths } from "../logic/fixed";

const FRAGMENTS = ["cell-0-0", "cell-0-1", "cell-1-0", "cell-1-1"] as const;

export interface AlignOptions {
  /** Whether the table is split (fixed rows or columns); otherwise nothing is touched. */
  active: boolean;
  /** Cells per row: operation columns plus visible data columns. */
  cellCount: number;
  /** Leading row-deletion / row-selection columns. */
  operationColumns: number;
  /** Cells per row in the left (fixed-column) fragments; 0 without fixed columns. */
  leftCells: number;
  /** Grow the columns to the container's width (`fill_width`). */
  fill: boolean;
  /** Leading rows of the top and the bottom fragments whose heights are matched left and right. */
  matchedRows: [number, number];
}

interface Fragment {
  box: HTMLElement;
  table: HTMLTableElement | null;
}

function fragmentsOf(inner: HTMLElement): Fragment[] {
  return FRAGMENTS.map((name) => {
    const box = inner.querySelector<HTMLElement>(`:scope > .dt-table-container__row > .${name}`);
    const table = box?.querySelector<HTMLTableElement>(":scope > table.cell-table") ?? null;
    return { box: box as HTMLElement, table };
  }).filter((f) => f.box);
}

function reset(fragments: Fragment[], rowsToReset: number): void {
  for (const { box, table } of fragments) {
    box.style.width = "";
    if (!table) continue;
    table.style.tableLayout = "";
    table.style.width = "";
    table.style.marginLeft = "";
    for (const col of Array.from(table.querySelectorAll<HTMLElement>(":scope > colgroup > col"))) col.style.width = "";
    const rows = table.rows;
    for (let i = 0; i < Math.min(rows.length, rowsToReset); i++) rows[i].style.height = "";
  }
}

/** Cell widths of the first row of `table` with one cell per column (no merged cells). */
function measure(table: HTMLTableElement, cellCount: number): number[] {
  // Indexed, not `Array.from(table.rows)`: a table without virtualization may hold every row.
  const rows = table.rows;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.cells.length !== cellCount) continue;
    return Array.from(row.cells, (cell) => cell.getBoundingClientRect().width);
  }
  return [];
}

function matchHeights(left: HTMLTableElement | null, right: HTMLTableElement | null, count: number): void {
  if (!left || !right) return;
  const n = Math.min(count, left.rows.length, right.rows.length);
  const heights: number[] = [];
  for (let i = 0; i < n; i++) {
    heights.push(Math.max(left.rows[i].getBoundingClientRect().height, right.rows[i].getBoundingClientRect().height));
  }
  for (let i = 0; i < n; i++) {
    left.rows[i].style.height = `${heights[i]}px`;
    right.rows[i].style.height = `${heights[i]}px`;
  }
}

/** Most pixels the tables' outer borders can add past the sum of the column widths. */
const BORDER_SLACK = 4;

/** Gives every fragment the shared column widths; the left ones are clipped to the fixed columns. */
function applyWidths(fragments: Fragment[], widths: number[], leftCells: number): void {
  const total = widths.reduce((a, b) => a + b, 0);
  const left = widths.slice(0, leftCells).reduce((a, b) => a + b, 0);
  fragments.forEach(({ box, table }, i) => {
    const isLeft = i % 2 === 0;
    if (isLeft && leftCells) box.style.width = `${left}px`;
    if (!table) return;
    const cols = table.querySelectorAll<HTMLElement>(":scope > colgroup > col");
    cols.forEach((col, c) => {
      if (widths[c] !== undefined) col.style.width = `${widths[c]}px`;
    });
    table.style.tableLayout = "fixed";
    table.style.width = `${total}px`;
    if (!isLeft && leftCells) table.style.marginLeft = `${-left}px`;
  });
}

function align(inner: HTMLElement, scroller: HTMLElement, options: AlignOptions): void {
  const fragments = fragmentsOf(inner);
  const [top, bottom] = options.matchedRows;
  reset(fragments, Math.max(top, bottom));
  if (!options.active) return;
  const tables = fragments.map((f) => f.table);
  for (const table of tables) if (table) table.style.width = "max-content";
  inner.classList.add("dash-measuring");
  const measured = tables.filter((t): t is HTMLTableElement => t !== null).map((t) => measure(t, options.cellCount));
  inner.classList.remove("dash-measuring");
  const widths = sharedWidths(measured, options.operationColumns, scroller.clientWidth, options.fill);
  applyWidths(fragments, widths, options.leftCells);
  // Collapsed outer borders add a pixel or two past the widths: a grown table that now overflows
  // gives them back from its last column rather than show a scrollbar for them.
  const overflow = scroller.scrollWidth - scroller.clientWidth;
  if (options.fill && overflow > 0 && overflow <= BORDER_SLACK && widths.length) {
    widths[widths.length - 1] -= overflow;
    applyWidths(fragments, widths, options.leftCells);
  }
  if (options.leftCells) {
    matchHeights(tables[0], tables[1], top);
    matchHeights(tables[2], tables[3], bottom);
  }
}

/** Keeps the fragments' columns aligned; `key` lists what changes the natural widths. */
export function useAlignedColumns(
  inner: React.RefObject<HTMLDivElement>,
  scroller: React.RefObject<HTMLDivElement>,
  options: AlignOptions,
  key: unknown[],
): void {
  const latest = React.useRef(options);
  latest.current = options;
  const wasActive = React.useRef(false);
  React.useLayoutEffect(() => {
    if (!inner.current || !scroller.current) return;
    if (!options.active && !wasActive.current) return;
    wasActive.current = options.active;
    align(inner.current, scroller.current, options);
  }, [
    ...key,
    options.active,
    options.cellCount,
    options.operationColumns,
    options.leftCells,
    options.fill,
    options.matchedRows[0],
    options.matchedRows[1],
  ]); // eslint-disable-line react-hooks/exhaustive-deps
  React.useEffect(() => {
    if (!options.active) return undefined;
    const onResize = (): void => {
      if (inner.current && scroller.current) align(inner.current, scroller.current, latest.current);
    };
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, [options.active, inner, scroller]);
}
