// The props filter: turns the props Dash gives an html component into the props of its DOM element.
// Dash-only props are dropped, boolean attributes normalised, URL props cleaned; everything else
// (className, style, data-*, aria-*, children, unknown attributes) is passed through unchanged.

import { normalizeBoolean } from "./booleans";
import type { AttributeTable } from "./spec";

/** Props Dash or the renderer use that must never become DOM attributes. */
export const DASH_ONLY_PROPS: readonly string[] = [
  "setProps",
  "n_clicks",
  "n_clicks_timestamp",
  "disable_n_clicks",
  "loading_state",
  "dashRenderType",
  "key",
];

const PRIVATE_PREFIX = "_dashprivate_";
const UNDERSCORE = 95;

/** How one prop is treated; props without a rule are passed through. */
export type PropRule =
  | { readonly kind: "drop" }
  | { readonly kind: "boolean"; readonly attribute: string }
  | { readonly kind: "url" };

/** Per-element rules, computed once when the suite loads. */
export type PropTable = ReadonlyMap<string, PropRule>;

/** Cleans the value of a URL prop; the element component supplies one that remembers its results. */
export interface UrlCleaner {
  clean(prop: string, url: string): string;
}

const DROP: PropRule = { kind: "drop" };
const URL_RULE: PropRule = { kind: "url" };

function addAttributeRules(rules: Map<string, PropRule>, attributes: AttributeTable | undefined): void {
  if (!attributes) return;
  for (const name of Object.keys(attributes)) {
    const spec = attributes[name];
    if (spec.sanitize) rules.set(name, URL_RULE);
    else if (spec.type === "boolean" && !spec.plain_boolean && !spec.wildcard) {
      rules.set(name, { kind: "boolean", attribute: name.toLowerCase() });
    }
  }
}

/** The rules of one element: the Dash-only props, then the shared attributes, then its own. */
export function buildPropTable(common: AttributeTable, attributes?: AttributeTable): PropTable {
  const rules = new Map<string, PropRule>();
  addAttributeRules(rules, common);
  addAttributeRules(rules, attributes);
  for (const name of DASH_ONLY_PROPS) rules.set(name, DROP);
  return rules;
}

function isPrivateProp(name: string): boolean {
  return name.charCodeAt(0) === UNDERSCORE && name.startsWith(PRIVATE_PREFIX);
}

/** The props of the DOM element for the component props `props` (a new object; `props` is untouched). */
export function toDomProps(
  props: Readonly<Record<string, unknown>>,
  table: PropTable,
  urls: UrlCleaner,
): Record<string, unknown> {
  const dom: Record<string, unknown> = {};
  for (const name in props) {
    const value = props[name];
    const rule = table.get(name);
    if (rule === undefined) {
      if (!isPrivateProp(name)) dom[name] = value;
    } else if (rule.kind === "boolean") {
      const flag = normalizeBoolean(rule.attribute, value);
      if (flag !== undefined) dom[name] = flag;
    } else if (rule.kind === "url") {
      dom[name] = typeof value === "string" ? urls.clean(name, value) : value;
    }
  }
  return dom;
}
