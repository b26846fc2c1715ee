// Hands a file to the browser's downloads: a text (Markdown, JSON, YAML) or an image's data URL.
export function download(name: string, content: string, type = 'text/plain'): void {
  const href = content.startsWith('data:') ? content : URL.createObjectURL(new Blob([content], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  if (!content.startsWith('data:')) setTimeout(() => URL.revokeObjectURL(href), 1000);
}
