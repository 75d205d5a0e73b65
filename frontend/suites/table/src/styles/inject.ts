// The suite's CSS goes into one <style> at bundle load, first in <head> so that page and
// `assets/` stylesheets override it. The `css` prop gets its own element per table.

import { addStyleSheet } from "../../../../shared/styleSheet";

export const STYLE_ELEMENT_ID = "dash-table-styles";

export function injectStyles(css: string): void {
  addStyleSheet(STYLE_ELEMENT_ID, css, true);
}

/** `#id` as a CSS selector, escaped. */
export function idSelector(id: string): string {
  return `#${typeof CSS !== "undefined" && CSS.escape ? CSS.escape(id) : id.replace(/([^\w-])/g, "\\$1")}`;
}

/** The text of a table's `css` rules, each scoped under the table's id. */
export function scopedRules(id: string, rules: { selector: string; rule: string }[]): string {
  const scope = idSelector(id);
  return rules.map(({ selector, rule }) => `${scope} ${selector} { ${rule} }`).join("\n");
}

/** Writes the `css` rules of table `id` into `<style id="{id}-dynamic-inline.css">`. */
export function applyTableCss(id: string, rules: { selector: string; rule: string }[]): () => void {
  const elementId = `${id}-dynamic-inline.css`;
  let style = document.getElementById(elementId) as HTMLStyleElement | null;
  if (!style) {
    style = document.createElement("style");
    style.id = elementId;
    document.head.appendChild(style);
  }
  style.textContent = scopedRules(id, rules);
  return () => style?.remove();
}
