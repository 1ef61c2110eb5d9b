/** Saves a blob under a file name through a temporary Blob URL, as a download would. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The browser has started the download by the next tick; the URL only holds memory after it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
