// The page's ReactDOM (UMD global), shared by every bundle; see shims/react.ts.
declare const window: Window & { ReactDOM: typeof import("react-dom") & typeof import("react-dom/client") };
const ReactDOM = window.ReactDOM;
export default ReactDOM;
export const { createPortal, flushSync, createRoot, hydrateRoot, unstable_batchedUpdates } = ReactDOM;
