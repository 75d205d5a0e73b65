// The html suite's attribute table (`suites/html/elements.json`) as react-docgen props: the same
// mapping `dash.development._generate_html` applies when it writes the Python classes, so the props
// check and the Python docstrings describe one type per attribute.

import type { DocgenProp, DocgenType } from "./propTypes";

/** What the check reads of one attribute entry of `elements.json`. */
export interface AttributeEntry {
  readonly type: string;
  readonly plain_boolean?: boolean;
  readonly wildcard?: boolean;
}

const SIMPLE_KINDS: Readonly<Record<string, string>> = {
  string: "string",
  number: "number",
  object: "object",
  node: "node",
};

function quoted(text: string): { value: string; computed: false } {
  return { value: `'${text}'`, computed: false };
}

/**
 * The descriptor of attribute `name`: a boolean attribute takes True/False or its own name in lower
 * or upper case, a Dash-only boolean True/False only, `string|number` either, unknown kinds anything.
 */
export function attributeType(name: string, entry: AttributeEntry): DocgenType {
  if (entry.type === "boolean") {
    if (entry.plain_boolean) return { name: "bool" };
    const lower = name.toLowerCase();
    const upper = name.toUpperCase();
    const spellings = lower === upper ? [quoted(lower)] : [quoted(lower), quoted(upper)];
    return { name: "union", value: [{ name: "enum", value: spellings }, { name: "bool" }] };
  }
  if (entry.type === "string|number") return { name: "union", value: [{ name: "string" }, { name: "number" }] };
  return { name: SIMPLE_KINDS[entry.type] || "any" };
}

/** The react-docgen props of one element: shared attributes, then its own (prefix attributes left out). */
export function elementProps(
  common: Readonly<Record<string, AttributeEntry>>,
  own: Readonly<Record<string, AttributeEntry>> | undefined,
): Record<string, DocgenProp> {
  const props: Record<string, DocgenProp> = {};
  for (const table of own ? [common, own] : [common]) {
    for (const name of Object.keys(table)) {
      const entry = table[name];
      if (!entry.wildcard) props[name] = { type: attributeType(name, entry) };
    }
  }
  return props;
}
