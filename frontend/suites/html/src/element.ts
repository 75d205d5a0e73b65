// The one component factory behind all 125 html elements: each is this component with its own tag
// and prop table. It renders exactly the element, counts clicks, cleans URLs and shows loading.

import { createElement, useRef } from "react";
import type { FunctionComponent, ReactElement } from "react";
import { page, useIsLoading } from "./page";
import { toDomProps } from "./props";
import type { PropTable, UrlCleaner } from "./props";
import { cleanUrl, BLANK_URL } from "./url";

/** Props an html component receives from the renderer: layout props plus `setProps`. */
export type ElementProps = Readonly<Record<string, unknown>> & {
  readonly id?: unknown;
  readonly n_clicks?: unknown;
  readonly disable_n_clicks?: unknown;
  readonly setProps?: (changes: Record<string, unknown>) => void;
};

interface CleanedUrl {
  raw: string;
  clean: string;
}

/**
 * State that lives as long as one mounted element: the latest props (read by the click handler,
 * which is created once so renders allocate no closure) and the last result of each URL clean
 * (so a dangerous link is reported once, not at every re-render).
 */
export class ElementInstance implements UrlCleaner {
  props: ElementProps = {};
  private urls: Map<string, CleanedUrl> | undefined;

  constructor(readonly name: string) {}

  readonly onClick = (): void => {
    const { setProps, n_clicks } = this.props;
    if (typeof setProps !== "function") return;
    const count = typeof n_clicks === "number" ? n_clicks : Number(n_clicks) || 0;
    setProps({ n_clicks: count + 1, n_clicks_timestamp: Date.now() });
  };

  clean(prop: string, url: string): string {
    this.urls ??= new Map();
    const last = this.urls.get(prop);
    if (last !== undefined && last.raw === url) return last.clean;
    const clean = this.cleanNow(prop, url);
    this.urls.set(prop, { raw: url, clean });
    return clean;
  }

  private cleanNow(prop: string, url: string): string {
    const rendererClean = page.dash_clientside?.clean_url;
    // The renderer's version reports dangerous links to the dev tools itself.
    if (typeof rendererClean === "function") return rendererClean(url, BLANK_URL);
    const clean = cleanUrl(url, BLANK_URL);
    if (clean !== url) console.error(dangerousLinkMessage(this.name, this.props.id, prop, url));
    return clean;
  }
}

/** The error reported when a URL prop is replaced by `about:blank`. */
export function dangerousLinkMessage(name: string, id: unknown, prop: string, url: string): string {
  const where = id === undefined || id === null ? `html.${name}` : `html.${name} with id ${JSON.stringify(id)}`;
  return (
    `Dangerous link detected: ${where} received ${prop}=${JSON.stringify(url)}, which would run a script; ` +
    `it was replaced by "${BLANK_URL}". Use an http(s), relative or data: URL, or a callback instead.`
  );
}

function countsClicks(props: ElementProps): boolean {
  return props.id !== undefined && props.id !== null && !props.disable_n_clicks;
}

/** The DOM props of one render: filtered props, click handler, loading attribute. */
export function elementDomProps(
  instance: ElementInstance,
  table: PropTable,
  loading: boolean,
): Record<string, unknown> {
  const props = instance.props;
  const dom = toDomProps(props, table, instance);
  // An onClick injected by a parent (cloneElement, e.g. ConfirmDialogProvider) replaces ours.
  if (dom.onClick === undefined && countsClicks(props)) dom.onClick = instance.onClick;
  if (loading) dom["data-dash-is-loading"] = "true";
  return dom;
}

/** Creates the component `name` rendering `<tag>`, with the prop rules of `table`. */
export function createElementComponent(
  name: string,
  tag: string,
  table: PropTable,
): FunctionComponent<ElementProps> {
  function HtmlElement(props: ElementProps): ReactElement {
    const ref = useRef<ElementInstance | null>(null);
    if (ref.current === null) ref.current = new ElementInstance(name);
    const instance = ref.current;
    instance.props = props;
    return createElement(tag, elementDomProps(instance, table, useIsLoading()));
  }
  HtmlElement.displayName = name;
  return HtmlElement;
}
