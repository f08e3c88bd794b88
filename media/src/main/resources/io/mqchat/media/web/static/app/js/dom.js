// Builds DOM nodes from data. User text only ever becomes text nodes or attribute values, never markup:
// nothing here (or anywhere in the app) assigns innerHTML.

/**
 * el('li', {class: 'msg', data: {id: 'm1'}, attrs: {'aria-label': 'x'}, on: {click: fn}}, 'text', childNode)
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key === 'data') for (const [k, v] of Object.entries(value)) node.dataset[k] = v;
    else if (key === 'attrs') for (const [k, v] of Object.entries(value)) { if (v !== undefined && v !== null) node.setAttribute(k, v); }
    else if (key === 'on') for (const [k, v] of Object.entries(value)) node.addEventListener(k, v);
    else node[key] = value;
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces every child of node. */
export function replaceChildren(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

export function $(selector) {
  return document.querySelector(selector);
}

/** Says something to screen readers through the page's live region. */
export function announce(text) {
  const region = $('#announcer');
  region.textContent = '';
  // A fresh text node after clearing makes screen readers read repeated texts too.
  setTimeout(() => { region.textContent = text; }, 50);
}

/** A short notice on screen (and for screen readers: the notice area is role=alert). */
export function notify(text) {
  const area = $('#notice');
  area.textContent = text;
  area.hidden = false;
  clearTimeout(notify.timer);
  notify.timer = setTimeout(() => { area.hidden = true; }, 6000);
}

/**
 * Makes container's children the given items, in order, keeping the node of every item whose signature did not
 * change: a redraw then leaves focus, scroll anchors and loaded images alone. items: [{key, signature, build}].
 */
export function reconcile(container, items) {
  const held = new Map();
  for (const node of container.children) if (node.dataset.key) held.set(node.dataset.key, node);
  const wanted = items.map((item) => {
    const node = held.get(item.key);
    if (node && node.dataset.signature === item.signature) return node;
    const fresh = item.build();
    fresh.dataset.key = item.key;
    fresh.dataset.signature = item.signature;
    return fresh;
  });
  wanted.forEach((node, i) => {
    const current = container.children[i];
    if (current !== node) container.insertBefore(node, current || null);
  });
  // What is left after the wanted nodes is what no item asked for any more.
  while (container.children.length > wanted.length) container.lastElementChild.remove();
}
