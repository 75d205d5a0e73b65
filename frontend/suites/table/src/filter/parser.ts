// Filter query → syntax tree. `||` binds loosest, then `&&`, then `!`, then relational and
// unary (`is …`) statements; parentheses group. Chains of one operator nest to the right
// (`a && b && c` is `a && (b && c)`), as in Dash's `derived_filter_query_structure`.
import { lex } from "./lexer";
import type { Token } from "./lexer";

export type NodeType = "logical-operator" | "relational-operator" | "unary-operator" | "expression" | "open-block";

export interface FilterNode {
  type: NodeType;
  /** `&&`/`||`, the canonical relational operator, `!`, `is blank`…, `field`/`value`, `block`. */
  op: string;
  /** The source text of the operator or the value of an expression (column id, number, string). */
  value: unknown;
  /** Relational case prefix (`i` insensitive, `s` sensitive, empty = sensitive). */
  flag?: "" | "i" | "s";
  left?: FilterNode;
  right?: FilterNode;
  block?: FilterNode;
}

export type ParseResult = { ok: true; tree: FilterNode | null } | { ok: false; error: string };

class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode | null {
    if (!this.tokens.length) return null;
    const tree = this.or();
    if (this.position < this.tokens.length) throw new Error(`unexpected "${this.tokens[this.position].text}"`);
    return tree;
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private take(): Token {
    const token = this.tokens[this.position++];
    if (!token) throw new Error("the expression ends too early");
    return token;
  }

  private or(): FilterNode {
    const left = this.and();
    const token = this.peek();
    if (token?.kind !== "or") return left;
    this.position++;
    return { type: "logical-operator", op: "||", value: token.text, left, right: this.or() };
  }

  private and(): FilterNode {
    const left = this.not();
    const token = this.peek();
    if (token?.kind !== "and") return left;
    this.position++;
    return { type: "logical-operator", op: "&&", value: token.text, left, right: this.and() };
  }

  private not(): FilterNode {
    if (this.peek()?.kind !== "not") return this.primary();
    this.position++;
    return { type: "unary-operator", op: "!", value: "!", right: this.not() };
  }

  private primary(): FilterNode {
    const token = this.take();
    if (token.kind === "open") {
      const block = this.or();
      if (this.take().kind !== "close") throw new Error("missing )");
      return { type: "open-block", op: "block", value: "(", block };
    }
    const left = operand(token);
    const operator = this.take();
    if (operator.kind === "unary") return { type: "unary-operator", op: operator.op!, value: operator.text, left };
    if (operator.kind !== "relational") throw new Error(`expected an operator after "${token.text}"`);
    const right = operand(this.take());
    return relational(operator, left, right);
  }
}

function operand(token: Token): FilterNode {
  if (token.kind === "field") return { type: "expression", op: "field", value: token.value };
  if (token.kind === "value") return { type: "expression", op: "value", value: token.value };
  throw new Error(`expected a column or a value, found "${token.text}"`);
}

function relational(token: Token, left: FilterNode, right: FilterNode): FilterNode {
  return { type: "relational-operator", op: token.op!, value: token.text, flag: token.flag, left, right };
}

/** Parses a whole `filter_query`. An empty query gives `tree: null` (no filtering). */
export function parseQuery(query: string): ParseResult {
  const lexed = lex(query, "query");
  if (!lexed.ok) return { ok: false, error: `cannot read "${lexed.error}"` };
  try {
    return { ok: true, tree: new Parser(lexed.tokens).parse() };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** The tree in the shape of `derived_filter_query_structure`: `{type, subType, value, left, right, block}`. */
export function toStructure(node: FilterNode | null): Record<string, unknown> | null {
  if (!node) return null;
  const out: Record<string, unknown> = { type: node.type };
  if (node.type === "expression" || node.type === "logical-operator" || node.type === "relational-operator")
    out.subType = node.op;
  else if (node.op === "!") out.subType = "!";
  out.value = node.value;
  if (node.block) out.block = toStructure(node.block);
  if (node.left) out.left = toStructure(node.left);
  if (node.right) out.right = toStructure(node.right);
  return out;
}

/** Parses the text of one column's filter box into a statement about `columnId`.
 *  A bare value gets `defaultOp` (contains / = / datestartswith by column type); `flag` is the
 *  case prefix given to operators typed without one. */
export function parseColumnFilter(
  text: string,
  columnId: string,
  defaultOp: string,
  flag: "" | "i" | "s",
): ParseResult {
  const lexed = lex(text, "column");
  if (!lexed.ok) return { ok: false, error: `cannot read "${lexed.error}"` };
  const [first, second, third] = lexed.tokens;
  const field: FilterNode = { type: "expression", op: "field", value: columnId };
  if (!first) return { ok: true, tree: null };
  if (first.kind === "unary" && !second)
    return { ok: true, tree: { type: "unary-operator", op: first.op!, value: first.text, left: field } };
  if (first.kind === "relational" && second?.kind === "value" && !third) {
    // Operators typed without a case prefix get the column's one (Dash writes `{a} s> 5`).
    const prefix = first.flag || first.op === "datestartswith" ? "" : flag;
    const op: Token = { ...first, flag: first.flag || prefix, text: `${prefix}${first.text}` };
    return { ok: true, tree: relational(op, field, operand(second)) };
  }
  if (first.kind === "value" && !second) {
    const opFlag = defaultOp === "datestartswith" ? "" : flag;
    const op: Token = { kind: "relational", text: `${opFlag}${defaultOp}`, op: defaultOp, flag: opFlag };
    return { ok: true, tree: relational(op, field, operand(first)) };
  }
  return { ok: false, error: "a column filter holds one operator and one value" };
}
