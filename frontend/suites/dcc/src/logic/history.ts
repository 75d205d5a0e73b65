// In-app navigation shared by dcc.Link and dcc.Location: the URL changes with pushState and the
// `_dashprivate_pushstate` window event tells every Location (and third-party links) about it.

export const PUSHSTATE_EVENT = "_dashprivate_pushstate";
export const HISTORY_CHANGE_EVENT = "_dashprivate_historychange";

/** Changes the URL without a reload and announces it; scrolls to the top like a page change. */
export function navigate(href: string): void {
  window.history.pushState({}, "", href);
  window.dispatchEvent(new CustomEvent(PUSHSTATE_EVENT));
  window.scrollTo(0, 0);
}
