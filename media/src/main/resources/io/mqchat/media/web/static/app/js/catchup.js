// History sync (docs/PROTOCOL.md, "History sync"): after every connect, my groups and the conversation list since
// the last sync, then the open conversation's messages after the newest held before the connection dropped; other
// conversations that may have missed messages are marked stale and fetched when opened.

import { notify } from './dom.js';
import { topics } from './protocol.js';

const PAGE = 50;
const RETRY_FIRST_MS = 2000;
const RETRY_MAX_MS = 60000;

/** The catch-up of one signed-in app: at most one per connection, a new connection starts a new one. */
export class Catchup {
  /** app: {session, store, visible(), markRead(), draw()}. */
  constructor(app) {
    this.app = app;
    this.syncedUpTo = 0;
    this.running = null;
    this.retry = null;
    this.retryDelay = RETRY_FIRST_MS;
  }

  /** Catches up on the current connection; a call while one runs on that same connection joins it. */
  start() {
    const { session } = this.app;
    const generation = session.generation;
    if (this.running && this.running.generation === generation) return this.running.done;
    clearTimeout(this.retry);
    const done = this.run(generation);
    this.running = { generation, done };
    return done;
  }

  async run(generation) {
    const { session, store } = this.app;
    try {
      try {
        const mine = await session.request(topics.groups, { op: 'mine' });
        (mine.groups || []).forEach((g) => store.group(g));
      } catch (error) {
        // Groups are known again from their events and on opening one; the messages matter more.
        notify(`Could not list your groups: ${error.message}`);
      }
      try {
        // Before any read marker goes out: read receipts may be off, set so on another device.
        const answer = await session.request(topics.history, { op: 'settings' });
        if (answer.settings) this.app.changes.learnSettings(answer.settings);
      } catch {
        // Kept as they were last known; the next catch-up asks again.
        store.settingsKnown = true;
      }
      const firstTs = await this.conversations();
      const open = store.openKey && store.conversations.get(store.openKey);
      if (open) await this.loadNewer(open);
      if (session.generation !== generation) return;
      this.syncedUpTo = firstTs;
      this.retryDelay = RETRY_FIRST_MS;
      this.app.markRead();
    } catch (error) {
      if (session.generation !== generation) return;
      notify(`Could not catch up (trying again): ${error.message}`);
      this.retry = setTimeout(() => { if (session.connected && session.generation === generation) this.start(); }, this.retryDelay);
      this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
    } finally {
      if (this.running && this.running.generation === generation) this.running = null;
      this.app.draw();
    }
  }

  /** Every part of the conversation list since the last sync; resolves the first answer's server time. */
  async conversations() {
    const { session, store } = this.app;
    let since = this.syncedUpTo;
    let firstTs = null;
    for (;;) {
      const answer = await session.request(topics.history, { op: 'conversations', since });
      firstTs = firstTs ?? answer.ts;
      const list = answer.conversations || [];
      for (const entry of list) {
        const key = entry.with ? `u:${entry.with}` : `g:${entry.group}`;
        const conv = store.summary(entry, store.openKey === key && this.app.visible(), answer.ts);
        if (conv.kind === 'u') session.watchPresence(conv.id);
      }
      if (!answer.more || list.length === 0) return firstTs;
      since = list.at(-1).updated + 1;
    }
  }

  /** Makes a conversation whole: the newest page if never loaded, else every page after where it stood. */
  async loadNewer(conv) {
    const after = conv.resumeAfter;
    if (!conv.loaded || !after) {
      await this.loadNewest(conv);
    } else {
      let cursor = after;
      for (;;) {
        const answer = await this.page(conv, { after: cursor });
        this.app.store.page(conv, answer, 'after');
        if (!answer.more || !answer.next) break;
        cursor = answer.next;
      }
    }
    conv.stale = false;
    conv.resumeAfter = null;
  }

  async loadNewest(conv) {
    const answer = await this.page(conv, {});
    conv.scrollToEnd = true;
    this.app.store.page(conv, answer, 'newest');
    conv.stale = false;
    conv.resumeAfter = null;
  }

  async loadOlder(conv) {
    const before = this.app.store.oldestCursorHeld(conv);
    if (!before) return;
    const answer = await this.page(conv, { before });
    conv.keepPosition = true;
    this.app.store.page(conv, answer, 'before');
    this.app.draw();
  }

  page(conv, where) {
    const target = conv.kind === 'u' ? { with: conv.id } : { group: conv.id };
    return this.app.session.request(topics.history, { op: 'messages', ...target, ...where, limit: PAGE });
  }
}
