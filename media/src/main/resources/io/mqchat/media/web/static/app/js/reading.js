// What the user has seen: READ markers for the open conversation and announcements of new messages, each sent once
// after a burst (a queue of hundreds draining at reconnect) rather than once per message: a marker per message would
// spend the user's rate budget, shared with their phone, and a screen reader would read every one.

import { announce } from './dom.js';
import { envelopes, topics } from './protocol.js';
import { describe } from './views.js';

const QUIET_MS = 500;

/** Coalesces READ markers and announcements of one signed-in app. */
export class Reading {
  /** app: {session, store, visible(), draw()}. */
  constructor(app) {
    this.app = app;
    this.markTimer = null;
    this.announceTimer = null;
    this.arrived = [];
  }

  /** A READ marker for the open conversation, sent once things are quiet for a moment. */
  markReadSoon() {
    clearTimeout(this.markTimer);
    this.markTimer = setTimeout(() => this.markRead(), QUIET_MS);
  }

  /** READ for the open conversation, now, when the page is actually seen. */
  markRead() {
    clearTimeout(this.markTimer);
    const { store, session } = this.app;
    const conv = store.openKey && store.conversations.get(store.openKey);
    if (!conv || !this.app.visible() || !session.connected || !store.settingsKnown) return;
    const newest = store.newestFromOthers(conv);
    conv.unread = 0;
    if (!newest || conv.lastReadSent === newest.id) return;
    conv.lastReadSent = newest.id;
    session.publish(topics.read(conv), envelopes.read(newest.id, this.app.store.readReceipts))
      .catch(() => { conv.lastReadSent = null; });
    this.app.draw();
  }

  /** A message from someone else arrived: said through the live region, one line for a burst. */
  arrivedFrom(conv, message) {
    this.arrived.push({ conv, message });
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => this.announce(), QUIET_MS);
  }

  announce() {
    const { store } = this.app;
    const arrived = this.arrived;
    this.arrived = [];
    if (arrived.length === 1) {
      const { conv, message } = arrived[0];
      announce(`New message from ${message.from}${conv.kind === 'g' ? ` in ${store.title(conv)}` : ''}: ${describe(store, message)}`);
    } else if (arrived.length > 1) {
      const chats = new Set(arrived.map(({ conv }) => conv.key)).size;
      announce(`${arrived.length} new messages in ${chats} ${chats === 1 ? 'chat' : 'chats'}`);
    }
  }
}
