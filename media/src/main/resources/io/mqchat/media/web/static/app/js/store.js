// What the app knows: conversations, their messages, receipts, presence and typing. Pure state, no DOM and no
// network; every change calls the listener so the views redraw.

import { compareMessages, conversationKeyOf, parseCursor } from './protocol.js';

const TYPING_SHOWN_MS = 6000;
const MAX_CHANGES_REMEMBERED = 1000;
const HISTORY_STATE = ['body', 'media', 'reply', 'mentions', 'reactions', 'edited', 'deleted', 'forwarded'];

/** Applies an edit, delete or reaction to a message held; true when it changed. */
function applyChange(message, change) {
  if (change.type === 'delete') {
    for (const gone of HISTORY_STATE) delete message[gone];
    message.deleted = true;
  } else if (message.deleted) {
    return false;
  } else if (change.type === 'edit') {
    message.body = change.body;
    message.edited = change.ts;
  } else if (change.type === 'reaction') {
    const reactions = { ...(message.reactions || {}) };
    if (change.emoji) reactions[change.from] = change.emoji;
    else delete reactions[change.from];
    message.reactions = reactions;
  } else {
    return false;
  }
  return true;
}

export class Store {
  constructor(me, onChange) {
    this.me = me;
    this.onChange = onChange;
    this.conversations = new Map();
    this.groups = new Map();
    this.presence = new Map();
    this.openKey = null;
    // Read receipts, as the archive keeps them for the user (on until it said otherwise): off, reads are private.
    this.readReceipts = true;
    /** Whom the user blocked, as the archive last said. */
    this.blocked = [];
    // Until the archive answered on this connection, no read marker goes out: the setting may have changed meanwhile.
    this.settingsKnown = false;
  }

  changed() {
    this.onChange();
  }

  conversation(key) {
    let conv = this.conversations.get(key);
    if (!conv) {
      const [kind, id] = [key.slice(0, 1), key.slice(2)];
      conv = {
        key, kind, id, messages: [], index: new Map(), changes: new Set(), unread: 0, timer: 0, loaded: false, older: true,
        lastReadSent: null, typing: new Map(), activity: 0, preview: null, resumeAfter: null, stale: false,
      };
      this.conversations.set(key, conv);
    }
    return conv;
  }

  title(conv) {
    if (conv.kind === 'u') return conv.id;
    const group = this.groups.get(conv.id);
    return group ? group.name : 'Group';
  }

  /** The other members of a group conversation (empty for 1-1); given a message, those who were members when it was sent. */
  othersIn(conv, message = null) {
    const group = conv.kind === 'g' ? this.groups.get(conv.id) : null;
    if (!group) return [];
    if (!message) return group.members.filter((m) => m !== this.me);
    const everyone = new Set(group.members);
    for (const m of conv.messages) if (m.type === 'group_event') (m.members || []).forEach((x) => everyone.add(x));
    return [...everyone].filter((m) => m !== this.me && this.wasMember(conv, m, message));
  }

  /**
   * Whether member belonged to the group when message was sent, from the group's events held around it (as the Java
   * client's GroupMessageStatus judges): the last event about the member before the message decides; with none, the
   * first one after it tells what the member was before; with none at all, the current member list.
   */
  wasMember(conv, member, message) {
    if (conv.kind !== 'g') return true;
    let before;
    for (const m of conv.messages) {
      if (m.type !== 'group_event') continue;
      const named = (m.members || []).includes(member) || (m.event === 'created' && m.by === member);
      const left = m.event === 'left' && m.by === member;
      if (!named && !left) continue;
      const joins = m.event === 'added' || m.event === 'created';
      if (compareMessages(m, message) <= 0) before = joins && !left;
      else return before ?? !(joins && !left);
    }
    if (before !== undefined) return before;
    const group = this.groups.get(conv.id);
    return !!group && group.members.includes(member);
  }

  sorted() {
    return [...this.conversations.values()].sort((a, b) => b.activity - a.activity);
  }

  /**
   * Adds a message (routed, from history, or my own); a message already held (same sender and id) is merged, so
   * re-sends and overlapping history pages never show twice. Returns true when it is new.
   */
  add(message, { local = false, fromHistory = false } = {}) {
    // A group_event names its author in "by"; keyed like a message, it is deduplicated like one.
    if (message && message.type === 'group_event' && !message.from) message = { ...message, from: message.by };
    if (!message || !message.id || !message.from) return false;
    const conv = this.conversation(conversationKeyOf(message, this.me));
    const held = conv.index.get(`${message.from}/${message.id}`);
    if (held) {
      if (fromHistory && !held.local) {
        // The archive's copy holds the message as it now stands: edits, a delete or reactions missed while away.
        for (const field of HISTORY_STATE) delete held[field];
        for (const field of HISTORY_STATE) if (message[field] !== undefined) held[field] = message[field];
        return false;
      }
      if (held.local && !local) {
        // The server's copy carries the server's time, which moves the message to its place in the archive's order.
        conv.messages.splice(conv.messages.indexOf(held), 1);
        Object.assign(held, message, { local: false });
        insertInOrder(conv.messages, held);
      }
      return false;
    }
    const entry = { ...message, local, delivered: new Set(), readBy: new Set(), status: local ? 'pending' : 'sent' };
    conv.index.set(`${entry.from}/${entry.id}`, entry);
    // In order as it comes: a queue of thousands drains without sorting the whole conversation each time.
    insertInOrder(conv.messages, entry);
    conv.activity = Math.max(conv.activity, entry.ts || 0);
    // The newest timer message is the conversation's timer; an older one arriving from history changes nothing.
    if (entry.type === 'timer' && typeof entry.timer === 'number' && conv.messages.at(-1) === entry) conv.timer = entry.timer;
    return true;
  }

  /**
   * An edit, delete or reaction the archive applied: {type, id, from, to | group, ts, target: {id, from}, body?,
   * emoji?}. Changes the message it names, when held (history shows the result of one for a message not held).
   * A change delivered again changes nothing more. Returns true when a held message changed.
   */
  change(change) {
    if (!change || !change.target || !change.id || !change.from) return false;
    // A change never opens a conversation of its own: it is about a message, which brings its conversation.
    const conv = this.conversations.get(conversationKeyOf(change, this.me));
    if (!conv) return false;
    const key = `${change.from}/${change.id}`;
    if (conv.changes.has(key)) return false;
    conv.changes.add(key);
    // Only the latest are remembered: a change delivered again comes soon after the first, if at all.
    if (conv.changes.size > MAX_CHANGES_REMEMBERED) conv.changes.delete(conv.changes.values().next().value);
    const named = (m) => m && m.from === change.target.from && m.id === change.target.id;
    const preview = named(conv.preview) && applyChange(conv.preview, change);
    const message = conv.index.get(`${change.target.from}/${change.target.id}`);
    return (message ? applyChange(message, change) : false) || preview;
  }

  /** My message with this id (the id of a receipt or an error names one of mine). */
  byId(conv, id) {
    return conv.index.get(`${this.me}/${id}`);
  }

  /** A DELIVERED receipt: {id, by, device, peer | group}. */
  delivered(receipt) {
    const conv = this.conversations.get(receipt.group ? `g:${receipt.group}` : `u:${receipt.peer}`);
    const message = conv && this.byId(conv, receipt.id);
    if (!message || message.from !== this.me) return;
    message.delivered.add(conv.kind === 'g' ? receipt.by : receipt.device || receipt.by);
  }

  /** A READ receipt: someone (or I, on another device) read a conversation up to a message. */
  read(receipt) {
    const key = receipt.group ? `g:${receipt.group}` : `u:${receipt.peer}`;
    const conv = this.conversations.get(key);
    if (!conv) return;
    if (receipt.by === this.me) {
      conv.unread = 0;
      return;
    }
    this.markRead(conv, receipt.by, receipt.upTo, null);
  }

  /**
   * My messages up to the reader's marker were read by reader. The marker names a message not from the reader (by
   * id); when that one is not held, a cursor (ts/from/id, from the conversation list) places it; without one nothing
   * is marked, rather than guessing from clocks.
   */
  markRead(conv, reader, upTo, cursor) {
    let index = -1;
    for (let i = conv.messages.length - 1; i >= 0 && index < 0; i--) {
      const m = conv.messages[i];
      if (m.id === upTo && m.from !== reader) index = i;
      else if (cursor && !m.local && compareMessages(m, cursor) <= 0) index = i;
    }
    for (let i = 0; i <= index; i++) {
      const m = conv.messages[i];
      if (m.from === this.me && this.wasMember(conv, reader, m)) m.readBy.add(reader);
    }
  }

  /**
   * One entry of the conversation list (history op "conversations"), as of the answer's server time asOf: its unread
   * count already holds every message routed before then, so only later ones count on top of it.
   */
  summary(entry, isOpenAndVisible, asOf) {
    const conv = this.conversation(entry.group ? `g:${entry.group}` : `u:${entry.with}`);
    // The last message is only a preview: put among the messages, it would hide a gap before it from "after" paging.
    if (entry.last && entry.last.id) {
      conv.preview = entry.last;
      if (conv.loaded && !conv.index.has(`${entry.last.from}/${entry.last.id}`)) conv.stale = true;
    }
    conv.timer = typeof entry.timer === 'number' ? entry.timer : conv.timer;
    if (!isOpenAndVisible) {
      conv.unread = entry.unread || 0;
      conv.unreadAsOf = asOf;
    }
    conv.activity = Math.max(conv.activity, entry.last ? entry.last.ts : 0);
    const peerRead = parseCursor(entry.peerRead);
    if (peerRead && conv.kind === 'u') {
      conv.peerRead = peerRead;
      this.markRead(conv, conv.id, peerRead.id, peerRead);
    }
    return conv;
  }

  /** A page of history, oldest first. */
  page(conv, answer, direction) {
    const prev = parseCursor(answer.prev);
    if (direction === 'newest' && answer.more && prev) {
      // Live messages held from before this page would leave a gap that scrolling back (before the oldest) skips.
      conv.messages = conv.messages.filter((m) => m.local || m.type === 'group_event' || compareMessages(m, prev) >= 0);
      conv.index = new Map(conv.messages.map((m) => [`${m.from}/${m.id}`, m]));
    }
    for (const message of answer.messages || []) this.add(message, { fromHistory: true });
    if (direction === 'before' || direction === 'newest') conv.older = !!answer.more;
    conv.loaded = true;
    if (conv.peerRead) this.markRead(conv, conv.id, conv.peerRead.id, conv.peerRead);
  }

  /** Before going offline: where paging "after" must start once back, whatever arrives live meanwhile. */
  suspend() {
    for (const conv of this.conversations.values()) {
      if (!conv.loaded) continue;
      if (!conv.stale) conv.resumeAfter = this.newestCursorHeld(conv);
      conv.stale = true;
    }
  }

  /** The message a list entry shows: the newest of what is held and the list's preview. */
  lastOf(conv) {
    const held = conv.messages.at(-1);
    if (!conv.preview || !conv.preview.ts) return held;
    return held && compareMessages(held, conv.preview) >= 0 ? held : conv.preview;
  }

  /** The tick of one of my messages: 'pending', 'failed', 'sent', 'delivered' or 'read'. */
  state(conv, message) {
    if (message.status === 'pending' || message.status === 'failed') return message.status;
    if (conv.kind === 'u') {
      if (message.readBy.has(conv.id)) return 'read';
      return message.delivered.size > 0 ? 'delivered' : 'sent';
    }
    const others = this.othersIn(conv, message);
    if (others.length === 0) return 'sent';
    if (others.every((m) => message.readBy.has(m))) return 'read';
    return others.every((m) => message.delivered.has(m) || message.readBy.has(m)) ? 'delivered' : 'sent';
  }

  /** Per member of a group: 'read', 'delivered' or 'sent' for one of my messages. */
  memberStates(conv, message) {
    return this.othersIn(conv, message).map((member) => ({
      member,
      state: message.readBy.has(member) ? 'read' : message.delivered.has(member) ? 'delivered' : 'sent',
    }));
  }

  /** The newest message from someone else, which a READ marker names. */
  newestFromOthers(conv) {
    for (let i = conv.messages.length - 1; i >= 0; i--) {
      const m = conv.messages[i];
      if (m.from !== this.me && !m.local && m.type !== 'group_event') return m;
    }
    return null;
  }

  /** The newest message whose position the server made (a page "after" starts there). */
  newestCursorHeld(conv) {
    for (let i = conv.messages.length - 1; i >= 0; i--) {
      const m = conv.messages[i];
      if (!m.local && m.type !== 'group_event') return `${m.ts}/${m.from}/${m.id}`;
    }
    return null;
  }

  oldestCursorHeld(conv) {
    const m = conv.messages.find((x) => !x.local && x.type !== 'group_event');
    return m ? `${m.ts}/${m.from}/${m.id}` : null;
  }

  typing(signal, now) {
    const key = signal.group ? `g:${signal.group}` : `u:${signal.from}`;
    // A typing signal from someone I have no conversation with does not make one.
    const conv = this.conversations.get(key);
    if (!conv || signal.from === this.me) return;
    if (signal.state === 'paused') conv.typing.delete(signal.from);
    else conv.typing.set(signal.from, now + TYPING_SHOWN_MS);
  }

  typers(conv, now) {
    return [...conv.typing.entries()].filter(([, until]) => until > now).map(([who]) => who);
  }

  /** Deletes what disappeared: messages past ts + ttl. Returns true when something went. */
  expire(now) {
    let gone = false;
    const over = (m) => m.ttl && m.ts && m.ts + m.ttl * 1000 <= now;
    for (const conv of this.conversations.values()) {
      if (conv.preview && over(conv.preview)) {
        conv.preview = null;
        gone = true;
      }
      const kept = conv.messages.filter((m) => !over(m));
      if (kept.length === conv.messages.length) continue;
      gone = true;
      conv.messages = kept;
      conv.index = new Map(kept.map((m) => [`${m.from}/${m.id}`, m]));
    }
    return gone;
  }

  group(info) {
    if (info && info.id) this.groups.set(info.id, info);
  }

  /** A group_event: keeps the member list up to date. */
  groupEvent(event) {
    const group = this.groups.get(event.group);
    if (!group) return;
    const members = new Set(group.members);
    if (event.event === 'added') event.members.forEach((m) => members.add(m));
    if (event.event === 'removed') event.members.forEach((m) => members.delete(m));
    if (event.event === 'left') members.delete(event.by);
    if (event.event === 'renamed' && event.name) group.name = event.name;
    group.members = [...members];
  }
}

/** Inserts a message at its place in the archive's order (binary search: held messages are sorted). */
function insertInOrder(messages, entry) {
  let low = 0;
  let high = messages.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (compareMessages(messages[mid], entry) <= 0) low = mid + 1;
    else high = mid;
  }
  messages.splice(low, 0, entry);
}
