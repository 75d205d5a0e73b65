// Plain data shapes shared by the renderer's modules (no behaviour here).

/** A wildcard inside a dict id pattern, as the dependency JSON writes it: `["MATCH"]`. */
export type WildcardName = "MATCH" | "ALL" | "ALLSMALLER";
export interface Wildcard {
  wild: WildcardName;
}

/** A value inside a dict id (concrete ids only hold scalars). */
export type IdValue = string | number | boolean | Wildcard;
export type DictId = { [key: string]: IdValue };
/** A component id: a plain string or a dict of scalars. */
export type DashId = string | DictId;

/** A layout node: `{namespace, type, props}` as the server encodes a Component. */
export interface LayoutNode {
  namespace: string;
  type: string;
  props: Props;
}
export type Props = { [prop: string]: unknown };

/** One key of a layout path: an object key or an array index. */
export type PathKey = string | number;
export type LayoutPath = PathKey[];

/** One dependency of a callback, with the id parsed (wildcards as `{wild}`). */
export interface Dependency {
  id: DashId;
  /** Property name without any `@hash` suffix. */
  property: string;
  allowOptional: boolean;
}

/** An Output of a callback; keeps the raw property (with `@hash`) for the request body. */
export interface OutputDependency extends Dependency {
  rawProperty: string;
}

/** A callback spec exactly as `_dash-dependencies` sends it (protocol-server §8.2). */
export interface CallbackSpec {
  output: string;
  inputs: RawDependency[];
  state: RawDependency[];
  clientside_function?: { namespace: string; function_name: string } | null;
  prevent_initial_call?: boolean;
  background?: { interval: number } | null;
  running?: { running: Record<string, unknown>; runningOff: Record<string, unknown> } | null;
  dynamic_creator?: boolean | null;
  no_output?: boolean;
  optional?: boolean;
  hidden?: boolean | null;
  persistent?: boolean;
  [other: string]: unknown;
}

export interface RawDependency {
  id: string | Record<string, unknown>;
  property: string;
  allow_optional?: boolean;
}

/** What a request or clientside call returns, as the server encodes it (protocol-server §9.4). */
export interface CallbackResponse {
  multi?: boolean;
  response?: Record<string, Props> | { props: Props };
  sideUpdate?: Record<string, unknown>;
  dist?: unknown[];
  [other: string]: unknown;
}

/** One entry of `state.loading`: an output of an executing callback. */
export interface LoadingEntry {
  path: LayoutPath;
  property: string;
  id: string;
}

/** Where a re-render comes from, passed as `dashRenderType` to components that ask for it. */
export type RenderType = "internal" | "callback" | "clientsideApi" | "parent" | "components";

/** Page hooks given to `new DashRenderer(hooks)` (renderer §2.14). */
export interface RendererHooks {
  layout_pre?: () => void;
  layout_post?: (layout: unknown) => void;
  request_pre?: (payload: unknown) => void;
  request_post?: (payload: unknown, response: unknown) => void;
  callback_resolved?: (spec: CallbackSpec, result: unknown) => void;
  request_refresh_jwt?: (oldToken: string) => Promise<string | undefined> | string | undefined;
}

/** Configuration read from `#_dash-config` (protocol-server §3.3); only the keys we use are typed. */
export interface DashConfig {
  url_base_pathname?: string | null;
  requests_pathname_prefix?: string;
  ui?: boolean;
  props_check?: boolean;
  suppress_callback_exceptions?: boolean;
  validate_callbacks?: boolean;
  /** A layout used only to check callback ids (`app.validation_layout`). */
  validation_layout?: unknown;
  update_title?: string | null;
  children_props?: ChildrenPropsConfig;
  serve_locally?: boolean;
  plotlyjs_url?: string;
  csrf_token_name?: string;
  csrf_header_name?: string;
  [other: string]: unknown;
}

/** `{namespace: {Type: [propPathSpec]}}` */
export type ChildrenPropsConfig = Record<string, Record<string, string[]>>;
