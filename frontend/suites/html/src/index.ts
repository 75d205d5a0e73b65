// Entry of the html suite bundle: defines `window.dash_html_components`, one component per element
// of `elements.json` (A, Abbr, ..., MapEl for <map>, ObjectEl for <object>, ..., Xmp).

import type { ComponentType } from "react";
import { attachPropTypes } from "../../../shared/attachPropTypes";
import { elementProps } from "../../../shared/elementTypes";
import { propTypesFor } from "../../../shared/propTypes";
import { common, elements } from "../elements.json";
import { createElementComponent } from "./element";
import { page } from "./page";
import { buildPropTable } from "./props";
import type { ElementsFile } from "./spec";

/** Builds every html component from the element table; prop rules are computed here, once. */
export function buildHtmlComponents(file: ElementsFile): Record<string, ComponentType<Record<string, unknown>>> {
  const components: Record<string, ComponentType<Record<string, unknown>>> = {};
  for (const name of Object.keys(file.elements)) {
    const element = file.elements[name];
    components[name] = createElementComponent(name, element.tag, buildPropTable(file.common, element.attributes));
  }
  return components;
}

/** Gives every component the `propTypes` of its attributes (built when first read: props check). */
export function attachElementPropTypes(components: Record<string, unknown>, file: ElementsFile): void {
  for (const name of Object.keys(components)) {
    const own = file.elements[name] ? file.elements[name].attributes : undefined;
    attachPropTypes(components[name], (lib) => propTypesFor(lib, elementProps(file.common, own)));
  }
}

const table = { common, elements } as ElementsFile;
const components = buildHtmlComponents(table);
attachElementPropTypes(components, table);
page.dash_html_components = components;
