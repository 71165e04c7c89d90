/** Small DOM helpers for the host page's own views (plain DOM, no framework). */

export type Attributes = Record<string, string> & { className?: string };

/** An element with attributes (set as attributes, `className` as the class) and optional text. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'className') node.className = value;
    else node.setAttribute(name, value);
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
