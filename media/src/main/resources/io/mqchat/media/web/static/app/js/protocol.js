// The wire protocol of docs/PROTOCOL.md as the web app uses it: topics, envelopes, ids and cursors.

export const VERSION = 1;
/** Session expiry asked for on CONNECT: 30 days, the server's default maximum. */
export const SESSION_EXPIRY_SECONDS = 30 * 24 * 3600;
/** The server's default disappearing timers (chat.disappearing-timers). */
export const TIMERS = [
  { seconds: 0, label: 'Off' },
  { seconds: 86400, label: '24 hours' },
  { seconds: 604800, label: '7 days' },
  { seconds: 7776000, label: '90 days' },
];

export const topics = {
  tree: (me) => `u/${me}/#`,
  presence: (user) => `p/${user}`,
  send: (conv) => `send/${conv.kind}/${conv.id}`,
  read: (conv) => `read/${conv.kind}/${conv.id}`,
  typing: (conv) => `typing/${conv.kind}/${conv.id}`,
  groups: 'req/groups',
  history: 'req/history',
};

/** What a topic of my tree carries: 'inbox', 'receipts', 'errors', 'notices', 'typing', 'responses', or 'presence'. */
export function kindOf(topic) {
  if (topic.startsWith('p/')) return 'presence';
  const parts = topic.split('/');
  return parts.length === 3 && parts[0] === 'u' ? parts[2] : 'unknown';
}

/** 1-64 characters, no / + # $, whitespace or control characters (the server checks the rest). */
export function isPlausibleUserId(id) {
  return typeof id === 'string' && id.length >= 1 && id.length <= 64 && !/[\/+#$\s\p{Cc}\p{Cf}]/u.test(id)
    && id === id.normalize('NFC');
}

let counter = 0;
const RANDOM = Math.random().toString(36).slice(2, 8);

/**
 * A message id that sorts in sending order (time, then a counter), with a random part so that two tabs never
 * collide: the archive breaks ties within one millisecond by id.
 */
export function newId(prefix = 'w') {
  counter = (counter + 1) % 1679616;
  return `${prefix}-${Date.now().toString(36).padStart(9, '0')}-${counter.toString(36).padStart(4, '0')}-${RANDOM}`;
}

/** A message's position in its conversation, as the archive orders it: {ts}/{from}/{id}. */
export function cursorOf(message) {
  return `${message.ts}/${message.from}/${message.id}`;
}

export function compareMessages(a, b) {
  return a.ts - b.ts || (a.from < b.from ? -1 : a.from > b.from ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The parts of a cursor string, or null. */
export function parseCursor(cursor) {
  if (typeof cursor !== 'string') return null;
  const first = cursor.indexOf('/');
  const last = cursor.lastIndexOf('/');
  if (first < 0 || last === first) return null;
  return { ts: Number(cursor.slice(0, first)), from: cursor.slice(first + 1, last), id: cursor.slice(last + 1) };
}

/** The conversation key of a routed message for user me: 'g:{group}' or 'u:{peer}'. */
export function conversationKeyOf(message, me) {
  if (message.group) return `g:${message.group}`;
  return `u:${message.from === me ? message.to : message.from}`;
}

export const envelopes = {
  text: (id, body, ttl) => ({ v: VERSION, type: 'text', id, body, ...(ttl ? { ttl } : {}) }),
  image: (id, media, ttl) => ({ v: VERSION, type: 'image', id, media, ...(ttl ? { ttl } : {}) }),
  timer: (id, seconds) => ({ v: VERSION, type: 'timer', id, timer: seconds }),
  edit: (id, targetId, body) => ({ v: VERSION, type: 'edit', id, target: { id: targetId }, body }),
  delete: (id, target) => ({ v: VERSION, type: 'delete', id, target }),
  reaction: (id, target, emoji) => ({ v: VERSION, type: 'reaction', id, target, ...(emoji ? { emoji } : {}) }),
  read: (upTo, shared = true) => ({ v: VERSION, upTo, ...(shared ? {} : { shared: false }) }),
  typing: (state) => ({ v: VERSION, state }),
};

/** Decodes a JSON payload; null when it is not a JSON object. */
export function decode(payload) {
  try {
    const value = JSON.parse(new TextDecoder().decode(payload));
    return value && typeof value === 'object' && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/** The items of a payload: a batch's items, or the payload alone. */
export function itemsOf(envelope) {
  return envelope.type === 'batch' && Array.isArray(envelope.items) ? envelope.items : [envelope];
}

/** The user (sub) a JWT names, read without verifying it (the broker verifies it). */
export function subjectOf(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0)));
    const sub = JSON.parse(json).sub;
    return typeof sub === 'string' ? sub : null;
  } catch {
    return null;
  }
}
