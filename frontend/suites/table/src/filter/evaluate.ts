// Evaluates a filter syntax tree against one data row (a dict keyed by column id).
import { isNumeric } from "./lexer";
import type { FilterNode } from "./parser";
import { normalizeDate } from "./dates";

type Row = Record<string, unknown>;

function isNil(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

function resolve(node: FilterNode | undefined, row: Row): unknown {
  if (!node) return undefined;
  return node.op === "field" ? row[node.value as string] : node.value;
}

function upper(value: unknown): string {
  return String(value).toUpperCase();
}

function equal(lhs: unknown, rhs: unknown, insensitive: boolean): boolean {
  // Equality is numeric when both sides are numeric: 5 = "5.0".
  if (isNumeric(lhs) && isNumeric(rhs)) return Number(lhs) === Number(rhs);
  if (isNil(lhs) || isNil(rhs)) return lhs === rhs;
  return insensitive ? upper(lhs) === upper(rhs) : lhs === rhs;
}

function compare(op: string, lhs: unknown, rhs: unknown, insensitive: boolean): boolean {
  if (isNil(lhs) || isNil(rhs)) return false;
  const [a, b] = insensitive ? [upper(lhs), upper(rhs)] : [lhs as number, rhs as number];
  switch (op) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    default:
      return a >= b;
  }
}

function contains(lhs: unknown, rhs: unknown, insensitive: boolean): boolean {
  if (isNil(lhs) || isNil(rhs)) return false;
  if (typeof lhs !== "string" && typeof rhs !== "string") return false;
  return insensitive ? upper(lhs).includes(upper(rhs)) : String(lhs).includes(String(rhs));
}

function dateStartsWith(lhs: unknown, rhs: unknown): boolean {
  const value = normalizeDate(typeof lhs === "number" ? String(lhs) : lhs);
  const prefix = normalizeDate(typeof rhs === "number" ? String(rhs) : rhs);
  return value !== null && prefix !== null && value.startsWith(prefix);
}

function isPrime(n: number): boolean {
  if (!Number.isInteger(n) || n < 2) return false;
  if (n % 2 === 0) return n === 2;
  for (let d = 3; d * d <= n; d += 2) if (n % d === 0) return false;
  return true;
}

function unary(op: string, value: unknown): boolean {
  switch (op) {
    case "is blank":
      return isNil(value) || value === "";
    case "is nil":
      return isNil(value);
    case "is bool":
      return typeof value === "boolean";
    case "is num":
      return typeof value === "number";
    case "is str":
      return typeof value === "string";
    case "is object":
      return value !== null && typeof value === "object";
    case "is even":
      return typeof value === "number" && value % 2 === 0;
    case "is odd":
      return typeof value === "number" && Math.abs(value % 2) === 1;
    case "is prime":
      return typeof value === "number" && isPrime(value);
    default:
      return false;
  }
}

function relational(node: FilterNode, row: Row): boolean {
  const lhs = resolve(node.left, row);
  const rhs = resolve(node.right, row);
  const insensitive = node.flag === "i";
  switch (node.op) {
    case "=":
      return equal(lhs, rhs, insensitive);
    case "!=":
      return !equal(lhs, rhs, insensitive);
    case "contains":
      return contains(lhs, rhs, insensitive);
    case "datestartswith":
      return dateStartsWith(lhs, rhs);
    default:
      return compare(node.op, lhs, rhs, insensitive);
  }
}

/** Whether `row` passes the filter `node` (a null tree lets every row pass). */
export function evaluate(node: FilterNode | null, row: Row): boolean {
  if (!node) return true;
  switch (node.type) {
    case "logical-operator":
      return node.op === "&&"
        ? evaluate(node.left!, row) && evaluate(node.right!, row)
        : evaluate(node.left!, row) || evaluate(node.right!, row);
    case "open-block":
      return evaluate(node.block!, row);
    case "unary-operator":
      return node.op === "!" ? !evaluate(node.right!, row) : unary(node.op, resolve(node.left, row));
    case "relational-operator":
      return relational(node, row);
    default:
      // A lone expression is truthy when its value is.
      return Boolean(resolve(node, row));
  }
}
