// Injects the suite's CSS as one <style> element at bundle load (dom-contract §1.4). It goes first
// in <head> so that the page's own stylesheets (and `assets/` CSS) override it.

import { addStyleSheet } from "../../../../shared/styleSheet";

export const STYLE_ELEMENT_ID = "dash-core-components-styles";

export function injectStyles(css: string): void {
  addStyleSheet(STYLE_ELEMENT_ID, css, true);
}
