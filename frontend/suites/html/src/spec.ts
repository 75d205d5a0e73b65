// Shape of `elements.json`, the single description of every html element and its attributes.

export interface AttributeSpec {
  readonly type: string;
  readonly description?: string;
  /** The value is a URL cleaned before it reaches the DOM. */
  readonly sanitize?: boolean;
  /** True/False only: a Dash prop, not an HTML attribute. */
  readonly plain_boolean?: boolean;
  /** Prefix attribute such as `data-*`. */
  readonly wildcard?: boolean;
  readonly default?: unknown;
}

export type AttributeTable = Readonly<Record<string, AttributeSpec>>;

export interface ElementSpec {
  /** The HTML tag rendered (`object` for ObjectEl). */
  readonly tag: string;
  readonly description?: string;
  readonly attributes?: AttributeTable;
}

export interface ElementsFile {
  readonly common: AttributeTable;
  readonly elements: Readonly<Record<string, ElementSpec>>;
}
