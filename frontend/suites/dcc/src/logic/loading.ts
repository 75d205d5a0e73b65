// dcc.Loading rules (renderer §5.3): which pending outputs below the Loading count, and when the
// spinner shows given `display`, `delay_show`, `delay_hide` and `show_initially`.
import type { LayoutPath, LoadingEntry } from "../page";

export type TargetComponents = Record<string, string | string[]>;

/** Whether a pending output is one the Loading watches (all of them without `target_components`). */
export function isTargeted(entry: LoadingEntry, targets: TargetComponents | undefined | null): boolean {
  if (!targets) return true;
  const wanted = targets[entry.id];
  if (wanted === undefined) return false;
  if (wanted === "*") return true;
  const property = entry.property.split("@")[0];
  return Array.isArray(wanted) ? wanted.includes(property) || wanted.includes("*") : wanted === property;
}

/** The watched pending outputs under `path` (descendants only), as `id.property` strings. */
export function pendingBelow(
  loading: Record<string, LoadingEntry[]>,
  path: LayoutPath,
  targets: TargetComponents | undefined | null,
): string[] {
  const own = JSON.stringify(path);
  const prefix = `${own.slice(0, -1)},`;
  const found: string[] = [];
  for (const key in loading) {
    if (!key.startsWith(prefix)) continue;
    for (const entry of loading[key]) if (isTargeted(entry, targets)) found.push(`${entry.id}.${entry.property}`);
  }
  return found;
}

export type Display = "auto" | "show" | "hide";

/** Whether the spinner shows right now, before delays: forced by `display`, else while loading. */
export function wantsSpinner(display: Display | undefined, loading: boolean): boolean {
  if (display === "show") return true;
  if (display === "hide") return false;
  return loading;
}
