/** A Markdown link to a page section, for runbooks: `[Page title — Section](url#anchor)`, safe to paste. */
export function markdownSectionLink(pageTitle: string, section: string, url: string, anchor: string): string {
  const text = `${pageTitle.trim()} — ${section.trim()}`.replace(/\s+/g, ' ').replace(/[\\[\]]/g, (c) => `\\${c}`);
  const href = `${url.split('#')[0]}#${anchor}`.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${text}](${href})`;
}
