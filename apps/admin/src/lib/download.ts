/**
 * Hands a file to the browser as a download. The API authenticates with a bearer token held in
 * memory, so a plain link to the API cannot download anything: the file is fetched first, then
 * offered from an object URL.
 */
export function saveFile(file: Blob, fileName: string): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
