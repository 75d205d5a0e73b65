// Page arithmetic and when the page controls show (dom-contract §7.6).

/** Number of pages for `rows` rows of `size` (at least one). */
export function pageCountFor(rows: number, size: number): number {
  return Math.max(1, Math.ceil(rows / Math.max(1, size)));
}

/** Whether the page controls show. */
export function showsPagination(
  action: "custom" | "native" | "none",
  rows: number,
  size: number,
  pageCount: number | undefined,
): boolean {
  if (action === "native") return rows > size;
  if (action === "custom") return !(typeof pageCount === "number" && pageCount <= 1);
  return false;
}

/** The page a typed page number (1-based text) goes to, or null if it is not a page. */
export function typedPage(text: string, pageCount: number | undefined): number | null {
  const page = Number(text.trim());
  if (!Number.isInteger(page) || page < 1) return null;
  if (typeof pageCount === "number" && page > pageCount) return pageCount - 1;
  return page - 1;
}
