// One `<style id>` element per stylesheet of ours, added once: the renderer's dev tools and undo/redo
// toolbar and the component suites' default styles all go through here.

/**
 * Adds `<style id={id}>` holding `css` to the head of `doc`, unless an element with that id exists.
 * `first` puts it before everything else in <head>, so the page's own and `assets/` stylesheets
 * override it (the suites' default styles, dom-contract §1.4).
 */
export function addStyleSheet(id: string, css: string, first = false, doc: Document | undefined = globalThis.document): void {
  if (!doc || doc.getElementById(id)) return;
  const style = doc.createElement("style");
  style.id = id;
  style.textContent = css;
  if (first) doc.head.insertBefore(style, doc.head.firstChild);
  else doc.head.appendChild(style);
}
