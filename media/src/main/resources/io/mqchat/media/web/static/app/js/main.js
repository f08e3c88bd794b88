// The app: signs in, connects, and routes what arrives and what the user does to the parts that handle it
// (catchup.js, reading.js, composer.js, groups.js).

import { $, el, notify, replaceChildren } from './dom.js';
import { download } from './media.js';
import { TIMERS, isPlausibleUserId, subjectOf } from './protocol.js';
import { Catchup } from './catchup.js';
import { MessageChanges } from './changes.js';
import { Composer } from './composer.js';
import { Groups } from './groups.js';
import { Reading } from './reading.js';
import { Session } from './session.js';
import { deviceOf, savedToken, signIn, tokenFromFragment } from './signin.js';
import { Store } from './store.js';
import { renderChatHeader, renderList, renderMessages } from './views.js';

/** The signed-in app: its connection, state and parts; null while signed out. */
let app = null;
let drawQueued = false;

function draw() {
  if (drawQueued || !app) return;
  drawQueued = true;
  requestAnimationFrame(() => {
    drawQueued = false;
    if (!app) return;
    const { store } = app;
    const now = Date.now();
    renderList(store, now, openConversation);
    const conv = store.openKey && store.conversations.get(store.openKey);
    $('#empty').hidden = !!conv;
    $('#chat-view').hidden = !conv;
    document.body.classList.toggle('chat-open', !!conv);
    if (conv) {
      renderChatHeader(store, conv, now);
      renderMessages(store, conv, { onOpenImage: openImage, uploads: app.uploads, actions: messageActions });
    }
  });
}

function visible() {
  return document.visibilityState === 'visible';
}

async function start() {
  // First, before anything can fail: the token must not stay in the address bar.
  tokenFromFragment();
  const config = await (await fetch('/app/config.json')).json();
  const noBroker = config.mqtt ? null : 'The server has no MQTT-over-WebSocket listener (websocket.port is 0).';
  let problem = null;
  for (;;) {
    const token = savedToken.get();
    const user = token && subjectOf(token);
    if (user && !problem && !noBroker) {
      problem = await run(config, user, token);
      if (problem) savedToken.clear();
    } else {
      const signedIn = await signIn(config, noBroker || problem);
      savedToken.set(signedIn.token);
      problem = null;
    }
  }
}

/** Runs the app for a user until sign-out (resolves a note) or the broker refuses the device (resolves a reason). */
function run(config, user, token) {
  return new Promise((resolve) => {
    const session = new Session({ url: config.mqtt, user, device: deviceOf(user), token });
    app = { config, session, store: new Store(user, draw), uploads: [], draw, visible, openConversation };
    app.catchup = new Catchup(app);
    app.reading = new Reading(app);
    app.markRead = () => app.reading.markRead();
    app.composer = new Composer(app);
    app.changes = new MessageChanges(app);
    app.groups = new Groups(app);
    $('#app').hidden = false;
    $('#me-name').textContent = user;
    $('#me-avatar').textContent = [...user][0].toUpperCase();
    session.addEventListener('ready', () => { setConnection('online'); app.catchup.start(); });
    session.addEventListener('offline', () => { app.store.suspend(); app.store.settingsKnown = false; setConnection('offline'); });
    session.addEventListener('envelope', (e) => receive(e.detail));
    const end = (note) => {
      app = null;
      $('#app').hidden = true;
      resolve(note);
    };
    session.addEventListener('refused', (e) => {
      session.close();
      end(`The server refused the sign-in: ${e.detail.reason}`);
    });
    $('#sign-out').onclick = async () => {
      savedToken.clear();
      app.composer.outbox.clear();
      setConnection('connecting');
      await session.signOut();
      end('Signed out.');
    };
    setConnection('connecting');
    session.connect();
    app.composer.resend();
    draw();
  });
}

function setConnection(state) {
  const labels = { online: 'Connected', offline: 'Offline: reconnecting…', connecting: 'Connecting…' };
  const badge = $('#connection');
  badge.textContent = labels[state];
  badge.dataset.state = state;
}

function receive({ kind, envelope }) {
  const { store } = app;
  switch (kind) {
    case 'inbox': return incoming(envelope);
    case 'receipts':
      if (envelope.type === 'delivered') store.delivered(envelope);
      // Who shares no read receipts sees none; its own devices' reads still sync.
      if (envelope.type === 'read' && (store.readReceipts || envelope.by === store.me)) store.read(envelope);
      return draw();
    case 'typing': store.typing(envelope, Date.now()); draw(); setTimeout(draw, 6500); return undefined;
    case 'presence':
      if (envelope.type === 'presence' && envelope.user) store.presence.set(envelope.user, envelope);
      return draw();
    case 'errors': return refusedRequest(envelope);
    case 'notices': if (envelope.type === 'queue_overflow') app.catchup.start(); return undefined;
    // Another device of the user changed (or asked for) the settings: they hold here too.
    case 'responses':
      if (envelope.op === 'settings' && envelope.ok && envelope.settings) app.changes.learnSettings(envelope.settings);
      return undefined;
    default: return undefined;
  }
}

const CHANGES = new Set(['edit', 'delete', 'reaction']);

function incoming(message) {
  const { store, session } = app;
  if (CHANGES.has(message.type)) {
    // A change to a message is no message: it neither shows as one nor counts as unread.
    if (store.change(message)) draw();
    return;
  }
  if (message.type === 'group_event') {
    store.groupEvent(message);
    if (message.event === 'created' || (message.event === 'added' && !store.groups.has(message.group))) app.groups.learn(message.group);
  }
  if (!store.add(message)) return;
  const conv = store.conversation(message.group ? `g:${message.group}` : `u:${message.from === store.me ? message.to : message.from}`);
  if (conv.kind === 'u') session.watchPresence(conv.id);
  conv.typing.delete(message.from);
  if (message.from !== store.me && message.type !== 'group_event') {
    if (store.openKey === conv.key && visible()) app.reading.markReadSoon();
    else if (!(message.ts <= conv.unreadAsOf)) conv.unread += 1;
    app.reading.arrivedFrom(conv, message);
  }
  draw();
}

function refusedRequest(error) {
  const { store } = app;
  for (const conv of store.conversations.values()) {
    const message = error.ref && store.byId(conv, error.ref);
    if (message) message.status = 'failed';
  }
  notify(error.message || error.code || 'The server refused a request');
  draw();
}

async function openConversation(key) {
  const { store, session } = app;
  if (store.openKey !== key && app.changes.editing) { app.changes.cancelEdit(); $('#text').value = ''; }
  store.openKey = key;
  const conv = store.conversation(key);
  conv.scrollToEnd = true;
  if (conv.kind === 'u') session.watchPresence(conv.id);
  if (conv.kind === 'g' && !store.groups.has(conv.id)) app.groups.learn(conv.id);
  draw();
  $('#text').focus();
  // Never loaded, or loaded but possibly missing what came while offline: fetch it now.
  if ((!conv.loaded || conv.stale) && session.connected) {
    try {
      await app.catchup.loadNewer(conv);
    } catch (error) {
      notify(`Could not load the conversation: ${error.message}`);
    }
  }
  app.reading.markRead();
  draw();
}

/** What the message menu does, handed to the views. */
const messageActions = {
  react: (conv, message, emoji) => app.changes.react(conv, message, emoji),
  edit: (conv, message) => app.changes.startEdit(conv, message),
  remove: (conv, message) => app.changes.deleteForEveryone(conv, message),
};

async function openImage(message) {
  const image = $('#full-image');
  image.alt = message.body || `image from ${message.from}`;
  try {
    image.src = await download(message.media.id, app.session.token);
    $('#image-dialog').showModal();
  } catch (error) {
    notify(error.message);
  }
}

function startChat(event) {
  event.preventDefault();
  const user = $('#new-chat-user').value.trim().normalize('NFC');
  if (!isPlausibleUserId(user) || user === app.store.me) {
    notify('Enter another user’s name (1-64 characters, no spaces or / + # $).');
    return;
  }
  $('#new-chat-dialog').close();
  openConversation(`u:${user}`);
}

function wire() {
  const on = (selector, type, handler) => $(selector).addEventListener(type, (event) => { if (app) handler(event); });
  on('#composer', 'submit', (e) => app.composer.sendText(e));
  on('#cancel-edit', 'click', () => { app.changes.cancelEdit(); $('#text').value = ''; });
  on('#read-receipts', 'change', () => app.changes.setReadReceipts($('#read-receipts').checked));
  on('#text', 'input', () => app.composer.typed());
  on('#attach', 'click', () => $('#file').click());
  on('#file', 'change', () => { app.composer.sendImage($('#file').files[0]); $('#file').value = ''; });
  on('#older', 'click', () => app.catchup.loadOlder(app.store.conversations.get(app.store.openKey)).catch((e) => notify(e.message)));
  on('#messages-scroll', 'scroll', () => {
    const conv = app.store.openKey && app.store.conversations.get(app.store.openKey);
    if (conv && conv.older && conv.loaded && $('#messages-scroll').scrollTop === 0 && !conv.loadingOlder) {
      conv.loadingOlder = true;
      app.catchup.loadOlder(conv).catch(() => {}).finally(() => { conv.loadingOlder = false; });
    }
  });
  on('#back', 'click', () => { app.store.openKey = null; draw(); });
  replaceChildren($('#timer-select'), TIMERS.map((t) => el('option', { value: String(t.seconds), text: t.label })));
  on('#timer-select', 'change', () => app.composer.setTimer());
  on('#new-chat', 'click', () => { $('#new-chat-user').value = ''; $('#new-chat-dialog').showModal(); });
  on('#new-chat-form', 'submit', startChat);
  on('#new-group', 'click', () => { $('#group-name').value = ''; $('#group-members').value = ''; $('#new-group-dialog').showModal(); });
  on('#new-group-form', 'submit', (e) => app.groups.create(e));
  on('#members-button', 'click', () => app.groups.showMembers());
  on('#block-button', 'click', () => {
    const conv = app.store.openKey && app.store.conversations.get(app.store.openKey);
    if (conv && conv.kind === 'u') app.changes.toggleBlock(conv);
  });
  on('#add-member-form', 'submit', (e) => app.groups.add(e));
  for (const button of document.querySelectorAll('[data-close]')) {
    button.addEventListener('click', () => button.closest('dialog').close());
  }
  $('#image-dialog').addEventListener('close', () => { URL.revokeObjectURL($('#full-image').src); $('#full-image').removeAttribute('src'); });
  document.addEventListener('visibilitychange', () => {
    if (!visible() || !app) return;
    // The tab came back: reconnect now rather than at the next retry, fetch what was missed, mark it read.
    if (app.session.connected) app.catchup.start(); else app.session.wake();
    app.reading.markRead();
  });
  setInterval(() => { if (app && app.store.expire(Date.now())) draw(); }, 5000);
  // A token handed over to a page that is already open: start again with it.
  window.addEventListener('hashchange', () => { if (tokenFromFragment()) location.reload(); });
}

wire();
start().catch((error) => notify(`The app could not start: ${error.message}`));
