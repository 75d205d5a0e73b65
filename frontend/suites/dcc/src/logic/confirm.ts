// The answer of a confirm dialog as the props ConfirmDialog(Provider) sends.

export function confirmAnswerProps(
  accepted: boolean,
  counters: { submit_n_clicks?: unknown; cancel_n_clicks?: unknown },
  at: number,
): Record<string, unknown> {
  const prefix = accepted ? "submit" : "cancel";
  const current = accepted ? counters.submit_n_clicks : counters.cancel_n_clicks;
  const count = typeof current === "number" ? current : 0;
  return { [`${prefix}_n_clicks`]: count + 1, [`${prefix}_n_clicks_timestamp`]: at, displayed: false };
}
