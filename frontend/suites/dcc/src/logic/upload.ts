// dcc.Upload rules (renderer §5.4): which files are accepted and what props the read files give.

/** Whether a file matches `accept` (MIME types, `type/*` patterns or `.ext`, comma separated). */
export function isAccepted(file: { name: string; type: string }, accept: string | undefined | null): boolean {
  if (!accept) return true;
  const name = file.name.toLowerCase();
  const mime = (file.type || "").toLowerCase();
  return accept
    .split(",")
    .map((part) => part.trim().toLowerCase())
    .filter(Boolean)
    .some((rule) => {
      if (rule.startsWith(".")) return name.endsWith(rule);
      if (rule.endsWith("/*")) return mime.startsWith(rule.slice(0, -1));
      return mime === rule;
    });
}

/** Whether a file size fits `min_size` / `max_size` (-1: no maximum). */
export function sizeAllowed(size: number, minSize: number | undefined, maxSize: number | undefined): boolean {
  if (typeof minSize === "number" && size < minSize) return false;
  return !(typeof maxSize === "number" && maxSize >= 0 && size > maxSize);
}

export interface ReadFile {
  contents: string;
  filename: string;
  lastModified: number;
}

/** The props for the files read: lists with `multiple`, else the first file's values. */
export function uploadProps(files: ReadFile[], multiple: boolean): Record<string, unknown> {
  const contents = files.map((f) => f.contents);
  const filename = files.map((f) => f.filename);
  const lastModified = files.map((f) => f.lastModified / 1000);
  if (multiple) return { contents, filename, last_modified: lastModified };
  return { contents: contents[0], filename: filename[0], last_modified: lastModified[0] };
}
