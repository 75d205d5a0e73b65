// Entry of dash_renderer.min.js: defines `window.DashRenderer`, `window.dash_component_api` and the
// base of `window.dash_clientside` (existing user namespaces are kept).
import { componentApi } from "./componentApi";
import { installClientside } from "./globals";
import { DashRenderer } from "./react/DashRenderer";
import { setPropsAnywhere } from "./registry";
import { dashWindow } from "./window";

const w = dashWindow();
w.DashRenderer = DashRenderer;
w.dash_component_api = componentApi();
installClientside(setPropsAnywhere);

export { DashRenderer };
