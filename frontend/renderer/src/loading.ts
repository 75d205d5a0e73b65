// The page title while callbacks are pending (renderer §2.13): `update_title` replaces it and the
// previous title comes back afterwards. A title set meanwhile (by a callback or script) wins.
import type { DashStore } from "./store/store";

export function watchTitle(store: DashStore, updateTitle: string | null | undefined, doc: Document): () => void {
  if (!updateTitle) return () => undefined;
  let shown = false;
  let previous = "";
  let observer: MutationObserver | null = null;

  const begin = () => {
    shown = true;
    previous = doc.title;
    doc.title = updateTitle;
    if (typeof MutationObserver === "undefined") return;
    observer = new MutationObserver(() => {
      if (doc.title !== updateTitle) previous = doc.title;
    });
    observer.observe(doc.head || doc.documentElement, { subtree: true, childList: true, characterData: true });
  };
  const end = () => {
    shown = false;
    if (observer) observer.disconnect();
    observer = null;
    doc.title = previous;
  };
  const sync = () => {
    if (store.isLoading && !shown) begin();
    else if (!store.isLoading && shown) end();
  };
  sync();
  return store.subscribeStatus(sync);
}
