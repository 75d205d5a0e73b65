// `window.dash_clientside` base members (renderer §0.3, §2.11). User namespaces defined by assets or
// inline scripts are kept: members are added to the existing object, never replacing it.
import type { ClientsideNamespace } from "./clientside";
import { cleanUrl } from "./cleanUrl";
import { ClientsidePatch } from "./patchBuilder";
import type { DashId, LayoutPath, Props } from "./types";
import { dashWindow } from "./window";

/** Sets props by id or path on whichever renderer holds that component (set by the renderer). */
export type SetPropsFromApi = (target: DashId | LayoutPath, props: Props) => void;

/** Create `window.dash_clientside` if needed and add the members the renderer provides. */
export function installClientside(setProps: SetPropsFromApi): ClientsideNamespace {
  const w = dashWindow();
  const api = (w.dash_clientside = w.dash_clientside || ({} as ClientsideNamespace));
  const defaults: Record<string, unknown> = {
    no_update: { description: "Return this from a clientside callback to leave an output unchanged." },
    PreventUpdate: { description: "Throw this from a clientside callback to cancel every output." },
    set_props: setProps,
    clean_url: cleanUrl,
    Patch: ClientsidePatch,
  };
  for (const [name, value] of Object.entries(defaults)) {
    if (api[name] === undefined) api[name] = value;
  }
  return api;
}
