// Tokens of the filter query language (renderer §7 "Filtering"):
//   {column id}  'text' "text" `text`  bare-value  = != < <= > >= eq ne lt le gt ge contains
//   datestartswith (relational ops take an optional i/s case prefix)  is blank|nil|bool|num|str|
//   object|even|odd|prime  !  and && or ||  ( )
// A column filter box ("column" mode) holds only the right-hand side: `> 5`, `is blank`, a value,
// or free text with spaces (taken as one value).

export type TokenKind = "field" | "value" | "relational" | "unary" | "not" | "and" | "or" | "open" | "close";

export interface Token {
  kind: TokenKind;
  /** The source text of the token (`{a b}`, `"x"`, `scontains`, `&&` ...). */
  text: string;
  /** Fields: the column id; values: the number or unescaped string. */
  value?: unknown;
  /** Relational: the canonical operator (`=`, `contains`, ...); unary: `is blank` ...; logical: `&&`/`||`. */
  op?: string;
  /** Relational: the case prefix, `i`, `s` or empty. */
  flag?: "" | "i" | "s";
}

export type LexResult = { ok: true; tokens: Token[] } | { ok: false; error: string; tokens: Token[] };

const FIELD = /^\{((?:[^{}\\]|\\.)+)\}/;
const STRING = /^(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`)/;
const BARE_VALUE = /^((?:[^\s'"`{}()\\]|\\.)+)(?=[\s)]|$)/;
const FREE_TEXT = /^((?:[^'"`{}()\\]|\\.)+)$/;
const RELATIONAL =
  /^(i|s)?(contains|<=|>=|!=|=|<|>|eq|ne|le|lt|ge|gt)(?=[\s({'"`]|$)|^(i|s)?(<=|>=|!=|=|<|>)|^(datestartswith)(?=[\s({'"`]|$)/i;
const UNARY = /^is (blank|nil|bool|num|str|object|even|odd|prime)(?=[\s)]|$)/i;
const AND = /^(?:&&|and(?=[\s(!]|$))/i;
const OR = /^(?:\|\||or(?=[\s(!]|$))/i;

const WORD_OPS: Record<string, string> = { eq: "=", ne: "!=", lt: "<", le: "<=", gt: ">", ge: ">=" };

/** Whether a value counts as a number: finite numbers and numeric strings ("12", " 1e3 "). */
export function isNumeric(value: unknown): boolean {
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value !== "string" || value.trim() === "") return false;
  return Number.isFinite(Number(value));
}

function unescape(text: string): string {
  return text.replace(/\\(.)/g, "$1");
}

/** A bare value: numeric text becomes a number, anything else an unescaped string. */
export function bareValue(text: string): string | number {
  return isNumeric(text) ? Number(text) : unescape(text);
}

type Expect = "operand" | "operator" | "after-statement";

function relationalToken(match: RegExpMatchArray): Token {
  const flag = (match[1] ?? match[3] ?? "").toLowerCase() as "" | "i" | "s";
  const word = (match[2] ?? match[4] ?? match[5]).toLowerCase();
  return { kind: "relational", text: match[0], op: WORD_OPS[word] ?? word, flag };
}

function operandToken(rest: string, mode: "query" | "column"): Token | null {
  let m = mode === "query" ? FIELD.exec(rest) : null;
  if (m) return { kind: "field", text: m[0], value: unescape(m[1]) };
  m = STRING.exec(rest);
  if (m) return { kind: "value", text: m[0], value: unescape(m[1] ?? m[2] ?? m[3]) };
  if (mode === "column") {
    m = FREE_TEXT.exec(rest.trimEnd());
    if (m) return { kind: "value", text: m[1], value: bareValue(m[1]) };
  }
  m = BARE_VALUE.exec(rest);
  if (m) return { kind: "value", text: m[1], value: bareValue(m[1]) };
  return null;
}

function nextToken(rest: string, expect: Expect, mode: "query" | "column", atStart: boolean): Token | null {
  if (expect === "operand") {
    if (mode === "query" && rest[0] === "(") return { kind: "open", text: "(" };
    if (mode === "query" && rest[0] === "!" && rest[1] !== "=") return { kind: "not", text: "!" };
    if (mode === "column" && atStart) {
      const rel = RELATIONAL.exec(rest);
      if (rel) return relationalToken(rel);
      const unary = UNARY.exec(rest);
      if (unary) return { kind: "unary", text: unary[0], op: `is ${unary[1].toLowerCase()}` };
    }
    return operandToken(rest, mode);
  }
  if (expect === "operator") {
    const rel = RELATIONAL.exec(rest);
    if (rel) return relationalToken(rel);
    const unary = UNARY.exec(rest);
    if (unary) return { kind: "unary", text: unary[0], op: `is ${unary[1].toLowerCase()}` };
  }
  if (mode === "column") return null;
  let m = AND.exec(rest);
  if (m) return { kind: "and", text: m[0], op: "&&" };
  m = OR.exec(rest);
  if (m) return { kind: "or", text: m[0], op: "||" };
  if (rest[0] === ")") return { kind: "close", text: ")" };
  return null;
}

function expectationAfter(token: Token, mode: "query" | "column"): Expect {
  switch (token.kind) {
    case "field":
      return "operator";
    case "value":
      // A value may start a statement in a query (`5 < {a}`), but in a column box it ends one.
      return mode === "column" ? "after-statement" : "operator";
    case "relational":
    case "not":
    case "open":
    case "and":
    case "or":
      return "operand";
    default:
      return "after-statement";
  }
}

/** Splits `query` into tokens; `ok: false` names the text that could not be read. */
export function lex(query: string, mode: "query" | "column" = "query"): LexResult {
  const tokens: Token[] = [];
  let rest = query.trim();
  let expect: Expect = "operand";
  let previous: Token | undefined;
  while (rest.length) {
    const token = nextToken(rest, expect, mode, tokens.length === 0);
    if (!token) return { ok: false, error: rest, tokens };
    tokens.push(token);
    // A value after a relational operator completes the statement.
    expect = previous?.kind === "relational" && token.kind === "value" ? "after-statement" : expectationAfter(token, mode);
    if (previous?.kind === "relational" && token.kind === "field") expect = "after-statement";
    previous = token;
    rest = rest.slice(token.text.length).trimStart();
  }
  return { ok: true, tokens };
}
