// Options in the shorthand forms Dash accepts (renderer §5.2): a list of values, a dict
// `{value: label}`, or a list of `{label, value, disabled?, title?, search?}`.

export type OptionValue = string | number | boolean | null;

export interface NormalizedOption {
  label: unknown;
  value: OptionValue;
  disabled: boolean;
  title?: string;
  search?: string;
  /** Where the label sits inside the `options` prop (for component labels). */
  labelPath: (string | number)[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The options as a list of `{label, value, disabled, ...}`, whatever form they were given in. */
export function normalizeOptions(options: unknown): NormalizedOption[] {
  if (Array.isArray(options)) {
    return options.map((option, index) => {
      if (isRecord(option)) {
        const value = option.value as OptionValue;
        return {
          label: option.label === undefined ? String(value) : option.label,
          value,
          disabled: Boolean(option.disabled),
          title: typeof option.title === "string" ? option.title : undefined,
          search: typeof option.search === "string" ? option.search : undefined,
          labelPath: [index, "label"],
        };
      }
      return { label: String(option), value: option as OptionValue, disabled: false, labelPath: [index] };
    });
  }
  if (isRecord(options)) {
    return Object.keys(options).map((key) => ({
      label: options[key],
      value: key,
      disabled: false,
      labelPath: [key],
    }));
  }
  return [];
}

/** Checklist toggling: unchecking removes the value, checking appends it (click order). */
export function toggleValue(values: unknown, value: OptionValue): OptionValue[] {
  const current = Array.isArray(values) ? (values as OptionValue[]) : [];
  return current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
}

/** Whether `value` is selected in a Checklist value list or equals a RadioItems value. */
export function isSelected(selection: unknown, value: OptionValue, multi: boolean): boolean {
  if (multi) return Array.isArray(selection) && selection.includes(value);
  return selection === value;
}

/** Plain text of a label for `title`/search (components have none). */
export function labelText(label: unknown): string | undefined {
  if (typeof label === "string") return label;
  if (typeof label === "number" || typeof label === "boolean") return String(label);
  return undefined;
}
