// The app: signs in, connects, catches up, and turns what the user does into protocol requests.

import { $, announce, el, notify, replaceChildren } from './dom.js';
import { download, upload } from './media.js';
import { TIMERS, envelopes, isPlausibleUserId, newId, subjectOf, topics } from './protocol.js';
import { Session } from './session.js';
import { deviceOf, savedToken, signIn, tokenFromFragment } from './signin.js';
import { Store } from './store.js';
import { describe, renderChatHeader, renderList, renderMessages } from './views.js';

const TYPING_EVERY_MS = 3000;
const PAGE = 50;

let config;
let session;
let store;
let syncedUpTo = 0;
let catchingUp = null;
const uploads = [];
let lastTyping = 0;
let drawQueued = false;

function draw() {
  if (drawQueued) return;
  drawQueued = true;
  requestAnimationFrame(() => {
    drawQueued = false;
    const now = Date.now();
    renderList(store, now, openConversation);
    const conv = store.openKey && store.conversations.get(store.openKey);
    $('#empty').hidden = !!conv;
    $('#chat-view').hidden = !conv;
    document.body.classList.toggle('chat-open', !!conv);
    if (conv) {
      renderChatHeader(store, conv, now);
      renderMessages(store, conv, { onOpenImage: openImage, uploads });
    }
  });
}

function visible() {
  return document.visibilityState === 'visible';
}

async function start() {
  config = await (await fetch('/app/config.json')).json();
  tokenFromFragment();
  const noBroker = config.mqtt ? null : 'The server has no MQTT-over-WebSocket listener (websocket.port is 0).';
  let problem = null;
  for (;;) {
    const token = savedToken.get();
    const user = token && subjectOf(token);
    if (user && !problem && !noBroker) {
      problem = await run(user, token);
      if (problem) savedToken.clear();
    } else {
      const signedIn = await signIn(config, noBroker || problem);
      savedToken.set(signedIn.token);
      problem = null;
    }
  }
}

/** Runs the app for a user until sign-out (resolves null) or the broker refuses the token (resolves a reason). */
function run(user, token) {
  return new Promise((resolve) => {
    store = new Store(user, draw);
    syncedUpTo = 0;
    $('#app').hidden = false;
    $('#me-name').textContent = user;
    $('#me-avatar').textContent = [...user][0].toUpperCase();
    session = new Session({ url: config.mqtt, user, device: deviceOf(user), token });
    session.addEventListener('ready', () => { setConnection('online'); catchUp(); });
    session.addEventListener('offline', () => setConnection('offline'));
    session.addEventListener('envelope', (e) => receive(e.detail));
    session.addEventListener('refused', (e) => {
      session.close();
      $('#app').hidden = true;
      resolve(`The server refused the sign-in: ${e.detail.reason}`);
    });
    $('#sign-out').onclick = () => {
      session.close();
      savedToken.clear();
      $('#app').hidden = true;
      resolve('Signed out.');
    };
    setConnection('connecting');
    session.connect();
    draw();
  });
}

function setConnection(state) {
  const labels = { online: 'Connected', offline: 'Offline: reconnecting…', connecting: 'Connecting…' };
  const badge = $('#connection');
  badge.textContent = labels[state];
  badge.dataset.state = state;
}

/**
 * After every connect: my groups, the conversation list since the last sync (every part of it), then the open
 * conversation's messages after the newest held. The sync time moves on only when all of it arrived.
 */
function catchUp() {
  if (catchingUp) return catchingUp;
  catchingUp = (async () => {
    try {
      const mine = await session.request(topics.groups, { op: 'mine' });
      (mine.groups || []).forEach((g) => store.group(g));
      let since = syncedUpTo;
      let firstTs = null;
      for (;;) {
        const answer = await session.request(topics.history, { op: 'conversations', since });
        firstTs = firstTs ?? answer.ts;
        const list = answer.conversations || [];
        for (const entry of list) {
          const key = entry.with ? `u:${entry.with}` : `g:${entry.group}`;
          const conv = store.summary(entry, store.openKey === key && visible(), answer.ts);
          if (conv.kind === 'u') session.watchPresence(conv.id);
        }
        if (!answer.more || list.length === 0) break;
        since = list.at(-1).updated + 1;
      }
      for (const conv of store.conversations.values()) if (conv.kind === 'u') session.watchPresence(conv.id);
      const open = store.openKey && store.conversations.get(store.openKey);
      if (open) await loadNewer(open);
      syncedUpTo = firstTs;
      markRead();
    } catch (error) {
      notify(`Could not catch up: ${error.message}`);
    } finally {
      catchingUp = null;
      draw();
    }
  })();
  return catchingUp;
}

function historyTarget(conv) {
  return conv.kind === 'u' ? { with: conv.id } : { group: conv.id };
}

async function loadNewer(conv) {
  if (!conv.loaded) {
    await loadNewest(conv);
    return;
  }
  for (;;) {
    const after = store.newestCursorHeld(conv);
    const answer = await session.request(topics.history,
      { op: 'messages', ...historyTarget(conv), ...(after ? { after } : {}), limit: PAGE });
    store.page(conv, answer, 'after');
    if (!answer.more || !after) break;
  }
}

async function loadNewest(conv) {
  const answer = await session.request(topics.history, { op: 'messages', ...historyTarget(conv), limit: PAGE });
  conv.scrollToEnd = true;
  store.page(conv, answer, 'newest');
}

async function loadOlder(conv) {
  const before = store.oldestCursorHeld(conv);
  if (!before) return;
  const answer = await session.request(topics.history, { op: 'messages', ...historyTarget(conv), before, limit: PAGE });
  conv.keepPosition = true;
  store.page(conv, answer, 'before');
  draw();
}

function receive({ kind, envelope }) {
  switch (kind) {
    case 'inbox': return incoming(envelope);
    case 'receipts':
      if (envelope.type === 'delivered') store.delivered(envelope);
      if (envelope.type === 'read') store.read(envelope);
      return draw();
    case 'typing': store.typing(envelope, Date.now()); draw(); setTimeout(draw, 6500); return undefined;
    case 'presence':
      if (envelope.type === 'presence' && envelope.user) store.presence.set(envelope.user, envelope);
      return draw();
    case 'errors': return refusedRequest(envelope);
    case 'notices': if (envelope.type === 'queue_overflow') catchUp(); return undefined;
    default: return undefined;
  }
}

function incoming(message) {
  if (message.type === 'group_event') {
    store.groupEvent(message);
    if (message.event === 'created' || (message.event === 'added' && !store.groups.has(message.group))) {
      session.request(topics.groups, { op: 'info', group: message.group })
        .then((answer) => { store.group(answer.group); draw(); }).catch(() => {});
    }
  }
  if (!store.add(message)) return;
  const conv = store.conversation(message.group ? `g:${message.group}` : `u:${message.from === store.me ? message.to : message.from}`);
  if (conv.kind === 'u') session.watchPresence(conv.id);
  conv.typing.delete(message.from);
  if (message.from !== store.me && message.type !== 'group_event') {
    if (store.openKey === conv.key && visible()) markRead();
    else if (!(message.ts <= conv.unreadAsOf)) conv.unread += 1;
    announce(`New message from ${message.from}${conv.kind === 'g' ? ` in ${store.title(conv)}` : ''}: ${describe(store, message)}`);
  }
  draw();
}

function refusedRequest(error) {
  for (const conv of store.conversations.values()) {
    const message = error.ref && store.byId(conv, error.ref);
    if (message && message.from === store.me) message.status = 'failed';
  }
  notify(error.message || error.code || 'The server refused a request');
  draw();
}

/** READ for the open conversation, when the page is actually seen. */
function markRead() {
  const conv = store.openKey && store.conversations.get(store.openKey);
  if (!conv || !visible() || !session.connected) return;
  const newest = store.newestFromOthers(conv);
  conv.unread = 0;
  if (!newest || conv.lastReadSent === newest.id) return;
  conv.lastReadSent = newest.id;
  session.publish(topics.read(conv), envelopes.read(newest.id)).catch(() => { conv.lastReadSent = null; });
  draw();
}

async function openConversation(key) {
  store.openKey = key;
  const conv = store.conversation(key);
  conv.scrollToEnd = true;
  if (conv.kind === 'u') session.watchPresence(conv.id);
  if (conv.kind === 'g' && !store.groups.has(conv.id)) {
    session.request(topics.groups, { op: 'info', group: conv.id }).then((a) => { store.group(a.group); draw(); }).catch(() => {});
  }
  draw();
  $('#text').focus();
  if (!conv.loaded && session.connected) {
    try {
      await loadNewest(conv);
    } catch (error) {
      notify(`Could not load the conversation: ${error.message}`);
    }
  }
  markRead();
  draw();
}

function send(conv, envelope) {
  const message = { ...envelope, from: store.me, ts: Date.now(), ...(conv.kind === 'u' ? { to: conv.id } : { group: conv.id }) };
  store.add(message, { local: true });
  conv.scrollToEnd = true;
  draw();
  session.publish(topics.send(conv), envelope)
    .then(() => { const held = store.byId(conv, envelope.id); if (held && held.status === 'pending') held.status = 'sent'; })
    .catch((error) => { const held = store.byId(conv, envelope.id); if (held) held.status = 'failed'; notify(error.message); })
    .finally(draw);
}

function sendText(event) {
  event.preventDefault();
  const conv = store.conversations.get(store.openKey);
  const text = $('#text').value;
  if (!conv || !text.trim()) return;
  $('#text').value = '';
  lastTyping = 0;
  send(conv, envelopes.text(newId(), text, conv.timer));
}

function typed() {
  const conv = store.conversations.get(store.openKey);
  const now = Date.now();
  if (!conv || !session.connected || now - lastTyping < TYPING_EVERY_MS || !$('#text').value) return;
  lastTyping = now;
  session.publish(topics.typing(conv), envelopes.typing('typing'), 0).catch(() => {});
}

async function sendImage(file) {
  const conv = store.conversations.get(store.openKey);
  if (!conv || !file) return;
  if (file.size > config.maxImageBytes) {
    notify(`That image is over ${Math.floor(config.maxImageBytes / (1024 * 1024))} MiB.`);
    return;
  }
  const progress = { id: newId('u'), conv: conv.key, name: file.name, progress: 0 };
  uploads.push(progress);
  conv.scrollToEnd = true;
  draw();
  try {
    const media = await upload(file, session.token, (fraction) => {
      progress.progress = fraction;
      const bar = document.getElementById(`progress-${progress.id}`);
      if (bar) bar.value = fraction;
    });
    send(conv, envelopes.image(newId(), media, conv.timer));
  } catch (error) {
    notify(`The image was not sent: ${error.message}`);
  } finally {
    uploads.splice(uploads.indexOf(progress), 1);
    draw();
  }
}

async function openImage(message) {
  const dialog = $('#image-dialog');
  const image = $('#full-image');
  image.alt = message.body || `image from ${message.from}`;
  try {
    image.src = await download(message.media.id, session.token);
    dialog.showModal();
  } catch (error) {
    notify(error.message);
  }
}

function setTimer() {
  const conv = store.conversations.get(store.openKey);
  const seconds = Number($('#timer-select').value);
  if (!conv || seconds === conv.timer) return;
  send(conv, envelopes.timer(newId('t'), seconds));
  conv.timer = seconds;
}

function askNewChat() {
  const dialog = $('#new-chat-dialog');
  $('#new-chat-user').value = '';
  dialog.showModal();
}

function startChat(event) {
  event.preventDefault();
  const user = $('#new-chat-user').value.trim().normalize('NFC');
  if (!isPlausibleUserId(user) || user === store.me) {
    notify('Enter another user’s name (1-64 characters, no spaces or / + # $).');
    return;
  }
  $('#new-chat-dialog').close();
  openConversation(`u:${user}`);
}

function members(text) {
  return [...new Set(text.split(/[,\s]+/).map((m) => m.trim().normalize('NFC')).filter(Boolean))];
}

async function createGroup(event) {
  event.preventDefault();
  const name = $('#group-name').value.trim();
  const list = members($('#group-members').value);
  if (!name || list.some((m) => !isPlausibleUserId(m))) {
    notify('Give the group a name and list members by user name, separated by commas.');
    return;
  }
  $('#new-group-dialog').close();
  try {
    const answer = await session.request(topics.groups, { op: 'create', name, members: list });
    store.group(answer.group);
    openConversation(`g:${answer.group.id}`);
  } catch (error) {
    notify(`The group was not created: ${error.message}`);
  }
}

function showMembers() {
  const conv = store.conversations.get(store.openKey);
  const group = conv && store.groups.get(conv.id);
  if (!group) return;
  const admin = (group.admins || []).includes(store.me);
  replaceChildren($('#member-list'), group.members.map((member) => el('li', {},
    el('span', { text: member === store.me ? `${member} (you)` : member }),
    (group.admins || []).includes(member) ? el('span', { class: 'role', text: 'admin' }) : null,
    admin && member !== store.me ? el('button', {
      type: 'button', class: 'small', attrs: { 'aria-label': `Remove ${member}` },
      on: { click: () => changeMembers('remove', [member]) },
    }, 'Remove') : null)));
  $('#add-member-form').hidden = !admin;
  $('#members-title').textContent = group.name;
  const dialog = $('#members-dialog');
  if (!dialog.open) dialog.showModal();
}

async function changeMembers(op, list) {
  const conv = store.conversations.get(store.openKey);
  try {
    const answer = await session.request(topics.groups, { op, group: conv.id, members: list });
    if (answer.group) store.group(answer.group);
    else {
      const info = await session.request(topics.groups, { op: 'info', group: conv.id });
      store.group(info.group);
    }
    showMembers();
    draw();
  } catch (error) {
    notify(error.message);
  }
}

function addMember(event) {
  event.preventDefault();
  const list = members($('#add-member').value);
  if (!list.length || list.some((m) => !isPlausibleUserId(m))) return;
  $('#add-member').value = '';
  changeMembers('add', list);
}

function wire() {
  $('#composer').addEventListener('submit', sendText);
  $('#text').addEventListener('input', typed);
  $('#attach').addEventListener('click', () => $('#file').click());
  $('#file').addEventListener('change', () => { sendImage($('#file').files[0]); $('#file').value = ''; });
  $('#older').addEventListener('click', () => loadOlder(store.conversations.get(store.openKey)).catch((e) => notify(e.message)));
  $('#messages-scroll').addEventListener('scroll', () => {
    const conv = store.openKey && store.conversations.get(store.openKey);
    if (conv && conv.older && conv.loaded && $('#messages-scroll').scrollTop === 0 && !conv.loadingOlder) {
      conv.loadingOlder = true;
      loadOlder(conv).catch(() => {}).finally(() => { conv.loadingOlder = false; });
    }
  });
  $('#back').addEventListener('click', () => { store.openKey = null; draw(); });
  replaceChildren($('#timer-select'), TIMERS.map((t) => el('option', { value: String(t.seconds), text: t.label })));
  $('#timer-select').addEventListener('change', setTimer);
  $('#new-chat').addEventListener('click', askNewChat);
  $('#new-chat-form').addEventListener('submit', startChat);
  $('#new-group').addEventListener('click', () => { $('#group-name').value = ''; $('#group-members').value = ''; $('#new-group-dialog').showModal(); });
  $('#new-group-form').addEventListener('submit', createGroup);
  $('#members-button').addEventListener('click', showMembers);
  $('#add-member-form').addEventListener('submit', addMember);
  for (const button of document.querySelectorAll('[data-close]')) {
    button.addEventListener('click', () => button.closest('dialog').close());
  }
  $('#image-dialog').addEventListener('close', () => { URL.revokeObjectURL($('#full-image').src); $('#full-image').removeAttribute('src'); });
  document.addEventListener('visibilitychange', () => {
    if (!visible() || !session) return;
    // The tab came back: reconnect now rather than at the next retry, fetch what was missed, mark it read.
    if (session.connected) catchUp(); else session.wake();
    markRead();
  });
  setInterval(() => { if (store && store.expire(Date.now())) draw(); }, 5000);
  // A token handed over to a page that is already open: start again with it.
  window.addEventListener('hashchange', () => { if (tokenFromFragment()) location.reload(); });
}

wire();
start().catch((error) => notify(`The app could not start: ${error.message}`));
