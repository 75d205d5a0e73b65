// `react-dom/client` resolves to the page's ReactDOM global as well.
declare const window: Window & { ReactDOM: typeof import("react-dom/client") };
export const { createRoot, hydrateRoot } = window.ReactDOM;
