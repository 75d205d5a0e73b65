// Entry of the html suite bundle: defines `window.dash_html_components`, one component per element
// of `elements.json` (A, Abbr, ..., MapEl for <map>, ObjectEl for <object>, ..., Xmp).

import type { ComponentType } from "react";
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

page.dash_html_components = buildHtmlComponents({ common, elements } as ElementsFile);
