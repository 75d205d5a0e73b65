// Cell styles: the base style props and the `*_conditional` lists whose `if` clause matches,
// later entries winning. Style keys may be camelCase or kebab-case.
import { evaluate } from "../filter/evaluate";
import { parseQuery } from "../filter/parser";
import type { FilterNode } from "../filter/parser";
import type { Column, ConditionalStyle, Row, StyleObject } from "../types";

export interface CellContext {
  column: Column;
  /** Whether the column is editable (its own flag, else the table's). */
  editable: boolean;
  row?: Row;
  rowIndex?: number;
  headerIndex?: number;
  state?: "active" | "selected";
}

const queryCache = new Map<string, FilterNode | null | false>();

function queryTree(query: string): FilterNode | null | false {
  let tree = queryCache.get(query);
  if (tree === undefined) {
    const parsed = parseQuery(query);
    tree = parsed.ok ? parsed.tree : false;
    if (queryCache.size > 500) queryCache.clear();
    queryCache.set(query, tree);
  }
  return tree;
}

function indexMatches(wanted: number | number[] | "odd" | "even", index: number | undefined): boolean {
  if (index === undefined) return false;
  if (wanted === "odd") return index % 2 === 1;
  if (wanted === "even") return index % 2 === 0;
  return Array.isArray(wanted) ? wanted.includes(index) : wanted === index;
}

/** Whether a conditional entry's `if` clause holds for the cell. */
export function matches(entry: ConditionalStyle, cell: CellContext): boolean {
  const clause = entry.if;
  if (!clause) return true;
  if (clause.column_id !== undefined) {
    const ids = Array.isArray(clause.column_id) ? clause.column_id : [clause.column_id];
    if (!ids.includes(cell.column.id)) return false;
  }
  if (clause.column_type !== undefined && clause.column_type !== (cell.column.type ?? "any")) return false;
  if (clause.column_editable !== undefined && clause.column_editable !== cell.editable) return false;
  if (clause.row_index !== undefined && !indexMatches(clause.row_index, cell.rowIndex)) return false;
  if (clause.header_index !== undefined && !indexMatches(clause.header_index, cell.headerIndex)) return false;
  if (clause.state !== undefined && clause.state !== cell.state) return false;
  if (clause.filter_query !== undefined) {
    const tree = queryTree(clause.filter_query);
    if (tree === false || !cell.row || !evaluate(tree, cell.row)) return false;
  }
  return true;
}

function camel(key: string): string {
  return key.startsWith("--") ? key : key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** Copies the CSS properties of `source` (not its `if`) into `target`. */
export function addStyle(target: StyleObject, source: Record<string, unknown> | undefined): void {
  if (!source) return;
  for (const key in source) {
    if (key === "if") continue;
    const value = source[key];
    if (typeof value === "string" || typeof value === "number") target[camel(key)] = value;
  }
}

/** The style of a cell: each base style, then the matching entries of its conditional list. */
export function cellStyle(layers: [StyleObject | undefined, ConditionalStyle[] | undefined][], cell: CellContext): StyleObject {
  const style: StyleObject = {};
  for (const [base, conditional] of layers) {
    addStyle(style, base);
    if (conditional) for (const entry of conditional) if (matches(entry, cell)) addStyle(style, entry);
  }
  return style;
}
