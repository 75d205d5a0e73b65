// dcc.Location rules (renderer §5.4): which props to fill from the address bar and what to do
// when a callback changes the URL props.

export const URL_FIELDS = ["pathname", "search", "hash", "href"] as const;
export type UrlField = (typeof URL_FIELDS)[number];
export type UrlParts = Record<UrlField, string>;

/** The URL props read from a `Location`-like object. */
export function urlParts(location: UrlParts): UrlParts {
  return { pathname: location.pathname, search: location.search, hash: location.hash, href: location.href };
}

export type Refresh = boolean | "callback-nav";

export interface LocationPlan {
  /** Props to send: unset ones filled from the address bar. */
  fill: Partial<UrlParts>;
  /** The URL to go to when a prop differs from the address bar, else null. */
  target: string | null;
  /** How to go there: a full page load, or a history entry (announced or not). */
  mode: "reload" | "push" | "push-announce" | null;
}

/** The URL the props describe: `href` if it is what changed, else path + query + fragment. */
export function targetUrl(props: Partial<UrlParts>, current: UrlParts): string {
  const changedHref = props.href !== undefined && props.href !== current.href;
  const onlyHref = URL_FIELDS.slice(0, 3).every((f) => props[f] === undefined || props[f] === current[f]);
  if (changedHref && onlyHref) return props.href as string;
  const pathname = props.pathname ?? current.pathname;
  const search = props.search ?? current.search;
  const hash = props.hash ?? current.hash;
  return `${pathname}${search && !search.startsWith("?") ? "?" : ""}${search}${hash && !hash.startsWith("#") ? "#" : ""}${hash}`;
}

/** What a Location must do given its props and the address bar. */
export function planLocation(props: Partial<Record<UrlField, unknown>>, current: UrlParts, refresh: Refresh): LocationPlan {
  const fill: Partial<UrlParts> = {};
  const set: Partial<UrlParts> = {};
  let differs = false;
  for (const field of URL_FIELDS) {
    const value = props[field];
    if (value === undefined || value === null) {
      fill[field] = current[field];
    } else {
      set[field] = String(value);
      if (String(value) !== current[field]) differs = true;
    }
  }
  if (!differs) return { fill, target: null, mode: null };
  const mode = refresh === true ? "reload" : refresh === "callback-nav" ? "push-announce" : "push";
  return { fill, target: targetUrl(set, current), mode };
}

/** The URL props that differ from the address bar (written back after a navigation). */
export function staleFields(props: Partial<Record<UrlField, unknown>>, current: UrlParts): Partial<UrlParts> {
  const out: Partial<UrlParts> = {};
  for (const field of URL_FIELDS) if (props[field] !== current[field]) out[field] = current[field];
  return out;
}
