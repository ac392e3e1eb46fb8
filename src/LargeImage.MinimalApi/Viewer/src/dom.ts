// A tiny element factory: the panel is small enough that a framework would outweigh it.

type Attributes = Record<string, string | number | boolean | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children);
  return element;
}

export function field(label: string, control: HTMLElement, ...extra: HTMLElement[]): HTMLLabelElement {
  return h('label', { class: 'li-field' }, h('span', {}, label), control, ...extra);
}
