// The filter boxes under the header: each holds the right-hand side of one statement about its
// column; together they make `filter_query` (`{a} scontains x && {b} s> 5`). Going back, a query
// made only of such statements joined by the table's operator is split into one box per column.
import type { Column, FilterOptions } from "../types";
import { isNumeric } from "./lexer";
import { parseColumnFilter, parseQuery } from "./parser";
import type { FilterNode } from "./parser";

export type Operator = "and" | "or";

/** The operator a bare value in a box implies, by column type. */
export function implicitOperator(column: Column): string {
  if (column.type === "numeric") return "=";
  if (column.type === "datetime") return "datestartswith";
  return "contains";
}

/** The case prefix that operators typed in this column's box get: `i` or `s`. */
export function caseFlag(column: Column, tableOptions: FilterOptions | undefined): "i" | "s" {
  const options = { ...(tableOptions ?? {}), ...(column.filter_options ?? {}) };
  return options.case === "insensitive" ? "i" : "s";
}

function fieldText(id: string): string {
  return `{${id.replace(/([{}\\])/g, "\\$1")}}`;
}

/** A value as query text: numbers and plain words bare, anything else double-quoted. */
export function valueText(value: unknown): string {
  if (typeof value === "number") return String(value);
  const text = String(value);
  if (text !== "" && !isNumeric(text) && /^[^\s'"`{}()\\]+$/.test(text)) return text;
  return `"${text.replace(/(["\\])/g, "\\$1")}"`;
}

/** The query text of one statement about a column. */
export function statementText(node: FilterNode): string {
  const field = fieldText(String(node.left?.value));
  if (node.type === "unary-operator") return `${field} ${node.op}`;
  return `${field} ${node.value} ${valueText(node.right?.value)}`;
}

export interface BoxStatement {
  /** The statement the box text means, or null for an empty box. */
  node: FilterNode | null;
  valid: boolean;
}

/** Reads one filter box of `column`. */
export function readBox(text: string, column: Column, tableOptions: FilterOptions | undefined): BoxStatement {
  const parsed = parseColumnFilter(text, column.id, implicitOperator(column), caseFlag(column, tableOptions));
  return parsed.ok ? { node: parsed.tree, valid: true } : { node: null, valid: false };
}

function isColumnStatement(node: FilterNode): boolean {
  if (node.left?.op !== "field") return false;
  if (node.type === "unary-operator") return node.op !== "!";
  return node.type === "relational-operator" && node.right?.op === "value";
}

/** Splits a query into statements per column id, or null when it is not made of one statement
 *  per column joined by `operator` (the boxes then start empty). */
export function splitQuery(query: string, operator: Operator): Map<string, FilterNode> | null {
  const parsed = parseQuery(query);
  if (!parsed.ok) return null;
  const byColumn = new Map<string, FilterNode>();
  const logical = operator === "and" ? "&&" : "||";
  let node = parsed.tree;
  while (node) {
    const statement: FilterNode = node.type === "logical-operator" && node.op === logical ? node.left! : node;
    if (!isColumnStatement(statement)) return null;
    const id = String(statement.left!.value);
    if (byColumn.has(id)) return null;
    byColumn.set(id, statement);
    node = statement === node ? null : node.right!;
  }
  return byColumn;
}

/** Joins column statements into a query with the table's operator. */
export function joinStatements(statements: Iterable<FilterNode>, operator: Operator): string {
  return [...statements].map(statementText).join(operator === "and" ? " && " : " || ");
}

/** The text a box shows for a statement: the bare value when it uses the column's implicit
 *  operator, else `operator value` (without the column's own case prefix). */
export function boxText(node: FilterNode, column: Column, tableOptions: FilterOptions | undefined): string {
  if (node.type === "unary-operator") return node.op;
  const flag = caseFlag(column, tableOptions);
  const value = node.right?.value;
  const shown = typeof value === "string" && /^[^'"`{}()\\]*$/.test(value) && value.trim() === value && value !== "" && !isNumeric(value)
    ? value
    : valueText(value);
  const sameCase = !node.flag || node.flag === flag || node.op === "datestartswith";
  if (node.op === implicitOperator(column) && sameCase) return shown;
  const opText = sameCase ? String(node.value).replace(/^[is](?=[^a-z]|contains|eq|ne|lt|le|gt|ge)/i, "") : String(node.value);
  return `${opText} ${shown}`;
}
