// dcc.Download: no DOM; every new `data` object is saved as a file in the browser (renderer §5.4).
import React from "react";

export interface DownloadData {
  filename?: string;
  content?: string;
  base64?: boolean;
  type?: string;
}

export interface DownloadProps {
  data?: DownloadData | null;
  base64?: boolean;
  type?: string;
}

/** The bytes of a download: base64-decoded when asked, else the text itself. */
export function downloadBlob(data: DownloadData, defaults: { base64?: boolean; type?: string }): Blob {
  const type = data.type ?? defaults.type ?? "text/plain";
  const content = data.content ?? "";
  if (data.base64 ?? defaults.base64) {
    const binary = atob(content);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new Blob([bytes], { type });
  }
  return new Blob([content], { type });
}

function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.style.display = "none";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function Download(props: DownloadProps): null {
  const { data } = props;
  React.useEffect(() => {
    if (!data || typeof data !== "object") return;
    saveBlob(downloadBlob(data, props), data.filename ?? "download");
  }, [data]);
  return null;
}
