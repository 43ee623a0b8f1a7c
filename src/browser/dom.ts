/**
 * The DOM helpers the page scripts share. Text goes in as text nodes only: record fields and pasted
 * text are never parsed as HTML.
 */

/** `document.createElement` with attributes and children (strings become text nodes). */
export function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes?: Record<string, string>, ...children: (Node | string)[]): HTMLElementTagNameMap[K];
export function element(tag: string, attributes?: Record<string, string>, ...children: (Node | string)[]): HTMLElement;
export function element(tag: string, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Says in words that a feature cannot work here, with a link to what works instead, and shows it. */
export function showUnavailable(where: HTMLElement, message: string, link: { text: string; href: string }): void {
  where.replaceChildren(`${message} `, element('a', { href: link.href }, link.text));
  where.hidden = false;
}
