// dcc.Upload: a drop zone with a hidden file input; files are read as data URLs (dom-contract §5.8).
import React from "react";
import { isAccepted, sizeAllowed, uploadProps } from "../logic/upload";
import type { ReadFile } from "../logic/upload";
import { domId, sendProps, useIsLoading } from "../page";
import type { RendererProps } from "../page";

export interface UploadProps extends RendererProps {
  id?: unknown;
  children?: React.ReactNode;
  accept?: string;
  disabled?: boolean;
  disable_click?: boolean;
  max_size?: number;
  min_size?: number;
  multiple?: boolean;
  enable_folder_selection?: boolean;
  className?: string;
  className_active?: string;
  className_reject?: string;
  className_disabled?: string;
  style?: React.CSSProperties;
  style_active?: React.CSSProperties;
  style_reject?: React.CSSProperties;
  style_disabled?: React.CSSProperties;
}

const DEFAULT_ACTIVE: React.CSSProperties = { borderStyle: "solid", borderColor: "#6c6", backgroundColor: "#eee" };
const DEFAULT_REJECT: React.CSSProperties = { borderStyle: "solid", borderColor: "#c66", backgroundColor: "#eee" };
const DEFAULT_DISABLED: React.CSSProperties = { opacity: 0.5 };
const HIDDEN_INPUT: React.CSSProperties = {
  position: "absolute", inset: 0, width: "100%", height: "100%", opacity: 0.0001, pointerEvents: "none",
};

type FileWithPath = File & { relativePath?: string };

function readFile(file: FileWithPath): Promise<ReadFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve({
        contents: String(reader.result),
        filename: file.relativePath || file.webkitRelativePath || file.name,
        lastModified: file.lastModified,
      });
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

interface EntryLike {
  isFile: boolean;
  isDirectory: boolean;
  fullPath: string;
  file?: (ok: (file: File) => void, fail: (error: unknown) => void) => void;
  createReader?: () => { readEntries: (ok: (entries: EntryLike[]) => void, fail: (error: unknown) => void) => void };
}

/** Every file of a dropped folder, named by its path relative to the drop. */
async function walkEntry(entry: EntryLike): Promise<FileWithPath[]> {
  if (entry.isFile && entry.file) {
    const file = await new Promise<File>((ok, fail) => entry.file?.(ok, fail));
    return [Object.assign(file, { relativePath: entry.fullPath.replace(/^\//, "") })];
  }
  if (!entry.isDirectory || !entry.createReader) return [];
  const reader = entry.createReader();
  const children: EntryLike[] = [];
  for (;;) {
    const batch = await new Promise<EntryLike[]>((ok, fail) => reader.readEntries(ok, fail));
    if (!batch.length) break;
    children.push(...batch);
  }
  const nested = await Promise.all(children.map(walkEntry));
  return nested.flat();
}

async function droppedFiles(transfer: DataTransfer, folders: boolean): Promise<FileWithPath[]> {
  if (folders && transfer.items && transfer.items.length) {
    const entries = Array.from(transfer.items)
      .map((item) => (item.webkitGetAsEntry ? (item.webkitGetAsEntry() as unknown as EntryLike | null) : null))
      .filter((entry): entry is EntryLike => entry !== null);
    if (entries.length) return (await Promise.all(entries.map(walkEntry))).flat();
  }
  return Array.from(transfer.files);
}

/**
 * Whether dragged items will be refused: several files for a single Upload, or a MIME type that
 * `accept` excludes (only checkable when `accept` names no extensions: names are hidden while dragging).
 */
function dragRejected(items: DataTransferItem[], props: UploadProps): boolean {
  const files = items.filter((item) => item.kind === "file");
  if (!props.multiple && files.length > 1) return true;
  if (!props.accept || props.accept.includes(".")) return false;
  return files.some((item) => item.type && !isAccepted({ name: "", type: item.type }, props.accept));
}

export function Upload(props: UploadProps): React.ReactElement {
  const inputRef = React.useRef<HTMLInputElement>(null);
  const latest = React.useRef(props);
  latest.current = props;
  const loading = useIsLoading();
  const [drag, setDrag] = React.useState<"none" | "active" | "reject">("none");
  const folders = Boolean(props.multiple && props.enable_folder_selection);

  const accept = React.useCallback(async (files: FileWithPath[]) => {
    const p = latest.current;
    const kept = files.filter((f) => isAccepted(f, p.accept) && sizeAllowed(f.size, p.min_size, p.max_size));
    const chosen = p.multiple ? kept : kept.slice(0, 1);
    if (!chosen.length) return;
    try {
      const read = await Promise.all(chosen.map(readFile));
      sendProps(latest.current, uploadProps(read, Boolean(latest.current.multiple)));
    } catch (error) {
      console.error("dcc.Upload could not read the files:", error);
    }
  }, []);

  const onInputChange = (event: React.ChangeEvent<HTMLInputElement>): void => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = "";
    void accept(files);
  };
  const onDragOver = (event: React.DragEvent): void => {
    event.preventDefault();
    if (props.disabled) return;
    setDrag(dragRejected(Array.from(event.dataTransfer.items ?? []), props) ? "reject" : "active");
  };
  const onDrop = (event: React.DragEvent): void => {
    event.preventDefault();
    setDrag("none");
    if (props.disabled) return;
    void droppedFiles(event.dataTransfer, folders).then(accept);
  };
  const onClick = (): void => {
    if (!props.disabled && !props.disable_click) inputRef.current?.click();
  };

  const classes = [props.className];
  let style: React.CSSProperties = { position: "relative", ...props.style };
  const variant = (cls: string | undefined, extra: React.CSSProperties | undefined, fallback: React.CSSProperties): void => {
    if (cls) classes.push(cls);
    else style = { ...style, ...(extra ?? fallback) };
  };
  if (drag === "active") variant(props.className_active, props.style_active, DEFAULT_ACTIVE);
  if (drag === "reject") variant(props.className_reject, props.style_reject, DEFAULT_REJECT);
  if (props.disabled) variant(props.className_disabled, props.style_disabled, DEFAULT_DISABLED);
  const folderAttributes = folders ? { webkitdirectory: "", directory: "", mozdirectory: "" } : {};
  return (
    <div id={domId(props.id)} data-dash-is-loading={loading ? "true" : undefined}>
      <div
        className={classes.filter(Boolean).join(" ")}
        style={style}
        aria-disabled={props.disabled ? "true" : "false"}
        onClick={onClick}
        onDragEnter={onDragOver}
        onDragOver={onDragOver}
        onDragLeave={() => setDrag("none")}
        onDrop={onDrop}
      >
        {props.children}
        <input
          ref={inputRef}
          type="file"
          autoComplete="off"
          tabIndex={-1}
          multiple={Boolean(props.multiple)}
          accept={props.accept}
          disabled={Boolean(props.disabled)}
          style={HIDDEN_INPUT}
          onChange={onInputChange}
          onClick={(event) => event.stopPropagation()}
          {...folderAttributes}
        />
      </div>
    </div>
  );
}
