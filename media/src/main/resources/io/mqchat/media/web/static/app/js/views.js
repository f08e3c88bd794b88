// Draws the conversation list and the open chat from the store. Every user-provided text goes through el() as
// text, never as markup.

import { REACTIONS } from './changes.js';
import { $, el, reconcile } from './dom.js';
import { TIMERS } from './protocol.js';

const TICKS = { pending: '◷', failed: '!', sent: '✓', delivered: '✓✓', read: '✓✓' };
const TICK_LABELS = { pending: 'sending', failed: 'not sent', sent: 'sent', delivered: 'delivered', read: 'read' };

export function timeOf(ts) {
  if (!ts) return '';
  const date = new Date(ts);
  const today = new Date();
  return date.toDateString() === today.toDateString()
    ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString([], { day: 'numeric', month: 'short' });
}

export function timerLabel(seconds) {
  const known = TIMERS.find((t) => t.seconds === seconds);
  return known ? known.label : `${seconds} s`;
}

function initial(name) {
  return [...(name || '?')][0].toUpperCase();
}

/** One line of text that stands for a message in previews and announcements. */
export function describe(store, message) {
  if (!message) return '';
  const who = message.from === store.me ? 'You' : message.from;
  if (message.deleted) return message.from === store.me ? 'You deleted this message' : 'This message was deleted';
  switch (message.type) {
    case 'text': return message.body;
    case 'image': return message.body ? `Photo: ${message.body}` : 'Photo';
    case 'timer': return message.timer ? `${who} set disappearing messages to ${timerLabel(message.timer)}`
      : `${who} turned off disappearing messages`;
    case 'group_event': return groupEventText(store, message);
    default: return '';
  }
}

function groupEventText(store, event) {
  const who = event.by === store.me ? 'You' : event.by;
  const members = (event.members || []).join(', ');
  switch (event.event) {
    case 'created': return `${who} created the group “${event.name || ''}”`;
    case 'added': return `${who} added ${members}`;
    case 'removed': return `${who} removed ${members}`;
    case 'left': return `${who} left`;
    case 'renamed': return `${who} renamed the group to “${event.name || ''}”`;
    default: return `${who} changed the group`;
  }
}

export function renderList(store, now, onOpen) {
  const items = store.sorted().map((conv) => {
    const last = store.lastOf(conv);
    const typing = store.typers(conv, now).length > 0;
    const title = store.title(conv);
    const preview = typing ? 'typing…' : describe(store, last);
    const open = conv.key === store.openKey;
    const when = last ? timeOf(last.ts) : '';
    return {
      key: conv.key,
      signature: JSON.stringify([title, preview, when, open, conv.unread, conv.timer]),
      build: () => el('li', { data: { conv: conv.key } },
        el('button', {
          class: `conversation${open ? ' open' : ''}`,
          // No aria-label: it would replace the content, and the last message and its time would never be read out.
          attrs: { 'aria-current': open ? 'true' : null },
          on: { click: () => onOpen(conv.key) },
        },
        el('span', { class: `avatar${conv.kind === 'g' ? ' group' : ''}`, attrs: { 'aria-hidden': 'true' } }, initial(title)),
        el('span', { class: 'summary' },
          el('span', { class: 'row' },
            el('span', { class: 'title', text: title }),
            el('span', { class: 'when', text: when })),
          el('span', { class: 'row' },
            el('span', { class: `preview${typing ? ' typing' : ''}`, text: preview }),
            conv.timer ? el('span', { class: 'timer-badge', attrs: { title: `Disappearing: ${timerLabel(conv.timer)}` } },
              el('span', { attrs: { 'aria-hidden': 'true' } }, '◷'),
              el('span', { class: 'visually-hidden', text: `disappearing messages: ${timerLabel(conv.timer)}` })) : null,
            conv.unread ? el('span', { class: 'unread', data: { count: String(conv.unread) } }, String(conv.unread),
              el('span', { class: 'visually-hidden', text: ' unread' })) : null)))),
    };
  });
  if (items.length === 0) {
    items.push({ key: 'hint', signature: '', build: () => el('li', { class: 'hint', text: 'No conversations yet. Start one with “New chat”.' }) });
  }
  reconcile($('#conversations'), items);
}

/** The line under the chat's title: typing, presence or members. */
export function statusLine(store, conv, now) {
  const typers = store.typers(conv, now);
  if (typers.length) return conv.kind === 'u' ? 'typing…' : `${typers.join(', ')} ${typers.length > 1 ? 'are' : 'is'} typing…`;
  if (conv.kind === 'g') {
    const group = store.groups.get(conv.id);
    return group ? group.members.map((m) => (m === store.me ? 'you' : m)).join(', ') : '';
  }
  // A blocked user's presence no longer comes: what was last shown of it would go stale.
  if (store.blocked.includes(conv.id)) return '';
  const presence = store.presence.get(conv.id);
  if (!presence || presence.hidden) return '';
  if (presence.online) return 'online';
  return presence.lastSeen ? `last seen ${timeOf(presence.lastSeen)}` : '';
}

export function renderChatHeader(store, conv, now) {
  const title = store.title(conv);
  $('#chat-title').textContent = title;
  $('#chat-avatar').textContent = initial(title);
  $('#chat-avatar').classList.toggle('group', conv.kind === 'g');
  const status = statusLine(store, conv, now);
  const line = $('#chat-status');
  if (line.textContent !== status) line.textContent = status;
  line.className = store.typers(conv, now).length ? 'typing' : status === 'online' ? 'online' : '';
  $('#timer-select').value = String(conv.timer || 0);
  $('#members-button').hidden = conv.kind !== 'g';
  const block = $('#block-button');
  block.hidden = conv.kind !== 'u' || conv.id === store.me || !store.settingsKnown;
  block.textContent = store.blocked.includes(conv.id) ? 'Unblock' : 'Block';
  $('#older').hidden = !conv.older || !conv.loaded;
}

export function renderMessages(store, conv, { onOpenImage, uploads, actions }) {
  const list = $('#messages');
  const scroller = $('#messages-scroll');
  const atBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 40;
  const items = conv.messages.map((m) => ({
    key: `m/${m.from}/${m.id}`,
    signature: signatureOf(store, conv, m),
    build: () => messageItem(store, conv, m, onOpenImage, actions),
  }));
  for (const upload of uploads.filter((u) => u.conv === conv.key)) {
    items.push({
      key: `u/${upload.id}`,
      signature: '',
      build: () => el('li', { class: 'msg mine uploading' },
        el('div', { class: 'bubble' },
          el('label', { text: `Sending ${upload.name}`, attrs: { for: `progress-${upload.id}` } }),
          el('progress', { id: `progress-${upload.id}`, max: 1, value: upload.progress }))),
    });
  }
  const previousHeight = scroller.scrollHeight;
  const previousTop = scroller.scrollTop;
  if (list.dataset.conv !== conv.key) {
    list.replaceChildren();
    list.dataset.conv = conv.key;
  }
  reconcile(list, items);
  // Stay at the bottom when there; when older messages came in above, keep what was on screen in place.
  if (atBottom || conv.scrollToEnd) scroller.scrollTop = scroller.scrollHeight;
  else if (conv.keepPosition) scroller.scrollTop = previousTop + (scroller.scrollHeight - previousHeight);
  conv.scrollToEnd = false;
  conv.keepPosition = false;
}

/** What a message's drawing depends on: it is drawn again only when this changes. */
function signatureOf(store, conv, m) {
  const changed = [m.body, m.edited, m.deleted, JSON.stringify(m.reactions || {})].join(' ');
  if (m.from !== store.me) return `${m.local ? 'local' : 'theirs'} ${changed}`;
  const members = conv.kind === 'g' ? store.memberStates(conv, m).map(({ member, state }) => `${member}:${state}`) : [];
  return [store.state(conv, m), m.ts, changed, ...members].join(' ');
}

function messageItem(store, conv, m, onOpenImage, actions) {
  if (m.type === 'timer' || m.type === 'group_event') {
    return el('li', { class: 'msg system', data: { msgId: m.id } }, el('span', { text: describe(store, m) }));
  }
  const mine = m.from === store.me;
  const state = mine ? store.state(conv, m) : null;
  const content = [];
  if (conv.kind === 'g' && !mine) content.push(el('span', { class: 'sender', text: m.from }));
  if (m.deleted) {
    content.push(el('span', { class: 'text deleted', text: describe(store, m) }));
  } else if (m.type === 'image' && m.media) {
    const thumbnail = typeof m.media.thumbnail === 'string' ? `data:image/jpeg;base64,${m.media.thumbnail}` : null;
    content.push(el('button', {
      class: 'thumbnail', attrs: { 'aria-label': `Open image from ${mine ? 'you' : m.from}` },
      on: { click: () => onOpenImage(m) },
    }, thumbnail ? el('img', { src: thumbnail, alt: m.body || 'image', width: m.media.width, height: m.media.height })
      : el('span', { text: 'image' })));
    if (m.body) content.push(el('span', { class: 'text', text: m.body }));
  } else {
    content.push(el('span', { class: 'text', text: m.body || '' }));
  }
  content.push(el('span', { class: 'meta' },
    m.ttl ? el('span', { attrs: { title: `Disappears after ${timerLabel(m.ttl)}` }, text: '◷ ' }) : null,
    m.edited && !m.deleted ? el('span', { class: 'edited', text: 'edited' }) : null,
    el('span', { class: 'when', text: m.local && !m.ts ? '' : timeOf(m.ts) }),
    // A span's aria-label is not read out: the state is said by visually hidden text instead.
    mine ? el('span', { class: `tick ${state}`, data: { state }, attrs: { title: TICK_LABELS[state] } },
      el('span', { attrs: { 'aria-hidden': 'true' } }, TICKS[state]),
      el('span', { class: 'visually-hidden', text: TICK_LABELS[state] })) : null));
  const reactions = Object.entries(m.reactions || {});
  if (reactions.length) {
    // Grouped by emoji, as messengers show them; who reacted is the title.
    const byEmoji = new Map();
    for (const [user, emoji] of reactions) byEmoji.set(emoji, [...(byEmoji.get(emoji) || []), user]);
    content.push(el('span', { class: 'reactions' }, [...byEmoji].map(([emoji, users]) => el('span', {
      class: 'reaction', data: { emoji }, attrs: { title: users.map((u) => (u === store.me ? 'You' : u)).join(', ') },
      text: users.length > 1 ? `${emoji} ${users.length}` : emoji,
    }))));
  }
  if (mine && conv.kind === 'g') {
    const members = store.memberStates(conv, m);
    if (members.length) {
      content.push(el('span', { class: 'members' }, members.map(({ member, state: s }) => el('span', {
        class: `member ${s}`, data: { member, state: s },
      }, `${member}: ${TICK_LABELS[s]} `))));
    }
  }
  // A message the broker has not stored yet (pending, or refused) cannot be changed: nothing can name it yet.
  const stored = !m.local || m.status === 'sent';
  if (stored && !m.deleted && actions) content.push(actionsMenu(store, conv, m, mine, actions));
  return el('li', { class: `msg${mine ? ' mine' : ''}`, data: { msgId: m.id, from: m.from } }, el('div', { class: 'bubble' }, content));
}

/** A message's menu: react, and for my own messages edit (text) and delete for everyone. */
function actionsMenu(store, conv, m, mine, actions) {
  const myReaction = m.reactions && m.reactions[store.me];
  const buttons = REACTIONS.map((emoji) => el('button', {
    type: 'button', class: `react${myReaction === emoji ? ' chosen' : ''}`, data: { emoji },
    attrs: { 'aria-label': myReaction === emoji ? `Take back ${emoji}` : `React with ${emoji}`, 'aria-pressed': String(myReaction === emoji) },
    on: { click: (e) => { e.target.closest('details').open = false; actions.react(conv, m, emoji); } },
  }, emoji));
  if (mine && m.type === 'text') {
    buttons.push(el('button', { type: 'button', class: 'edit', on: { click: (e) => { e.target.closest('details').open = false; actions.edit(conv, m); } } }, 'Edit'));
  }
  if (mine && m.type !== 'timer') {
    buttons.push(el('button', { type: 'button', class: 'delete', on: { click: (e) => { e.target.closest('details').open = false; actions.remove(conv, m); } } }, 'Delete for everyone'));
  }
  return el('details', { class: 'msg-actions' },
    el('summary', { attrs: { 'aria-label': 'Message actions', title: 'React, edit or delete' } }, '⋯'),
    el('div', { class: 'menu' }, buttons));
}
