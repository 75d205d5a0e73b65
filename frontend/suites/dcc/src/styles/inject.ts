// Injects the suite's CSS as one <style> element at bundle load (dom-contract §1.4). It goes first
// in <head> so that the page's own stylesheets (and `assets/` CSS) override it.

export const STYLE_ELEMENT_ID = "dash-core-components-styles";

export function injectStyles(css: string): void {
  if (typeof document === "undefined" || document.getElementById(STYLE_ELEMENT_ID)) return;
  const style = document.createElement("style");
  style.id = STYLE_ELEMENT_ID;
  style.textContent = css;
  document.head.insertBefore(style, document.head.firstChild);
}
