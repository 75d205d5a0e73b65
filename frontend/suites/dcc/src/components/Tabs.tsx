// dcc.Tabs: div.tab-parent > div.tab-container (headers) + div.tab-content (dom-contract §5.7).
// Tab props are read from the layout through each child wrapper's componentPath.
import React from "react";
import { selectedValue, tabValue, tabWidth } from "../logic/tabs";
import type { TabInfo } from "../logic/tabs";
import type { DashStateView, LayoutPath } from "../page";
import { domId, isLayoutNode, page, renderLayoutNode, sendProps, useDashContextSafe, useIsLoading } from "../page";
import type { RendererProps } from "../page";

export interface TabsProps extends RendererProps {
  id?: unknown;
  children?: React.ReactNode;
  value?: string;
  className?: string;
  content_className?: string;
  parent_className?: string;
  style?: React.CSSProperties;
  parent_style?: React.CSSProperties;
  content_style?: React.CSSProperties;
  vertical?: boolean;
  mobile_breakpoint?: number;
  colors?: { border?: string; primary?: string; background?: string };
}

interface TabEntry extends TabInfo {
  element: React.ReactElement;
  path: LayoutPath | null;
  props: Record<string, unknown>;
}

function readTab(child: React.ReactElement, index: number): TabEntry {
  const path = (child.props as { componentPath?: LayoutPath }).componentPath ?? null;
  const api = page.dash_component_api;
  const fromLayout = path && api ? (api.getLayout([...path, "props"]) as Record<string, unknown> | undefined) : undefined;
  const props = fromLayout ?? (child.props as Record<string, unknown>);
  return { element: child, path, props, value: tabValue(props.value, index), disabled: Boolean(props.disabled) };
}

function useWideScreen(breakpoint: number): boolean {
  const query = `(min-width: ${breakpoint}px)`;
  const [wide, setWide] = React.useState(() => typeof window === "undefined" || window.matchMedia(query).matches);
  React.useEffect(() => {
    const media = window.matchMedia(query);
    const update = (): void => setWide(media.matches);
    update();
    media.addEventListener("change", update);
    return () => media.removeEventListener("change", update);
  }, [query]);
  return wide;
}

/** "1,0,..." flags of which tab paths have a pending callback (a string, so equal selections compare equal). */
function useTabsLoading(paths: (LayoutPath | null)[]): boolean[] {
  const context = useDashContextSafe();
  const keys = paths.map((path) => (path ? JSON.stringify(path) : ""));
  const selector = React.useCallback(
    (state: DashStateView) => keys.map((key) => (key && state.loading[key]?.length ? "1" : "0")).join(""),
    [keys.join("|")],
  );
  const flags = context ? context.useSelector(selector) : "";
  return keys.map((_, i) => flags[i] === "1");
}

function tabLabel(tab: TabEntry): React.ReactNode {
  const label = tab.props.label;
  if (isLayoutNode(label) && tab.path) return renderLayoutNode(label, [...tab.path, "props", "label"]);
  if (React.isValidElement(label)) return label;
  return <span>{label === undefined || label === null ? "" : String(label)}</span>;
}

function headerStyle(tab: TabEntry, selected: boolean): React.CSSProperties {
  const p = tab.props;
  const width = tabWidth(p.width);
  return {
    ...(width ? { width, flex: "0 0 auto" } : {}),
    ...(p.style as React.CSSProperties | undefined),
    ...(tab.disabled ? ((p.disabled_style as React.CSSProperties | undefined) ?? { color: "var(--Dash-Text-Disabled)" }) : {}),
    ...(selected ? (p.selected_style as React.CSSProperties | undefined) : {}),
  };
}

function headerClass(tab: TabEntry, selected: boolean): string {
  const p = tab.props;
  const classes = ["tab"];
  if (tab.disabled) classes.push("tab--disabled", (p.disabled_className as string) || "");
  if (selected) classes.push("tab--selected", (p.selected_className as string) || "");
  if (p.className) classes.push(p.className as string);
  return classes.filter(Boolean).join(" ");
}

function withSuffix(base: string, vertical: boolean, extra?: string): string {
  return [base, vertical ? `${base}--vert` : "", extra ?? ""].filter(Boolean).join(" ");
}

export function Tabs(props: TabsProps): React.ReactElement {
  const children = React.Children.toArray(props.children).filter(React.isValidElement) as React.ReactElement[];
  const tabs = children.map(readTab);
  const value = selectedValue(props.value, tabs);
  const loading = useTabsLoading(tabs.map((tab) => tab.path));
  const parentLoading = useIsLoading();
  const wide = useWideScreen(props.mobile_breakpoint ?? 800);
  const vertical = Boolean(props.vertical);
  const latest = React.useRef(props);
  latest.current = props;

  React.useEffect(() => {
    if (props.value === undefined || props.value === null) sendProps(latest.current, { value });
  }, [props.value, value]);

  const colors = props.colors ?? {};
  const parentStyle = {
    ...(colors.border ? { "--tabs-border": colors.border } : {}),
    ...(colors.primary ? { "--tabs-primary": colors.primary } : {}),
    ...(colors.background ? { "--tabs-background": colors.background } : {}),
    ...props.parent_style,
  } as React.CSSProperties;
  const id = domId(props.id);
  const selectedTab = tabs.find((tab) => tab.value === value);
  const parentClass = [withSuffix("tab-parent", vertical), wide ? "tab-parent--above-breakpoint" : "", props.parent_className ?? ""];
  return (
    <div
      id={id === undefined ? undefined : `${id}-parent`}
      className={parentClass.filter(Boolean).join(" ")}
      style={parentStyle}
      data-dash-is-loading={parentLoading ? "true" : undefined}
    >
      <div id={id} className={withSuffix("tab-container", vertical, props.className)} style={props.style} role="tablist">
        {tabs.map((tab, index) => {
          const selected = tab === selectedTab;
          return (
            <div
              key={tab.value}
              id={domId(tab.props.id)}
              className={headerClass(tab, selected)}
              style={headerStyle(tab, selected)}
              role="tab"
              aria-selected={selected}
              aria-disabled={tab.disabled || undefined}
              data-dash-is-loading={loading[index] ? "true" : "false"}
              onClick={() => {
                if (!tab.disabled && tab.value !== latest.current.value) sendProps(latest.current, { value: tab.value });
              }}
            >
              {tabLabel(tab)}
            </div>
          );
        })}
      </div>
      <div className={withSuffix("tab-content", vertical, props.content_className)} style={props.content_style}>
        {selectedTab ? selectedTab.element : null}
      </div>
    </div>
  );
}

Tabs.dashChildrenUpdate = true;
Tabs.dashPersistence = { persisted_props: ["value"], persistence_type: "local" };
