// What the user sends: text, images (uploaded first), typing signals and the disappearing timer, each put on the
// page at once with a pending tick that the PUBACK turns SENT.

import { $, notify } from './dom.js';
import { upload } from './media.js';
import { Outbox } from './outbox.js';
import { envelopes, newId, topics } from './protocol.js';

const TYPING_EVERY_MS = 3000;

/** The composer of one signed-in app. */
export class Composer {
  /** app: {config, session, store, uploads, draw()}. */
  constructor(app) {
    this.app = app;
    this.lastTyping = 0;
    this.outbox = new Outbox(app.store.me);
  }

  /** After a reload: what was sent but never stored by the broker, shown and published again with the same id. */
  resend() {
    for (const { conv, envelope } of this.outbox.all()) this.send(this.app.store.conversation(conv), envelope);
  }

  openConversation() {
    const { store } = this.app;
    return store.openKey && store.conversations.get(store.openKey);
  }

  send(conv, envelope) {
    const { store, session, draw } = this.app;
    const message = { ...envelope, from: store.me, ts: Date.now(), ...(conv.kind === 'u' ? { to: conv.id } : { group: conv.id }) };
    store.add(message, { local: true });
    conv.scrollToEnd = true;
    draw();
    this.outbox.put(conv.key, envelope);
    session.publish(topics.send(conv), envelope)
      .then(() => { const held = store.byId(conv, envelope.id); if (held && held.status === 'pending') held.status = 'sent'; })
      .catch((error) => { const held = store.byId(conv, envelope.id); if (held) held.status = 'failed'; notify(error.message); })
      .finally(() => { this.outbox.remove(envelope.id); draw(); });
  }

  sendText(event) {
    event.preventDefault();
    const conv = this.openConversation();
    const text = $('#text').value;
    if (!conv || !text.trim()) return;
    $('#text').value = '';
    this.lastTyping = 0;
    if (this.app.changes.submitEdit(conv, text)) return;
    this.send(conv, envelopes.text(newId(), text, conv.timer));
  }

  typed() {
    const conv = this.openConversation();
    const now = Date.now();
    if (!conv || !this.app.session.connected || now - this.lastTyping < TYPING_EVERY_MS || !$('#text').value) return;
    this.lastTyping = now;
    this.app.session.publish(topics.typing(conv), envelopes.typing('typing'), 0).catch(() => {});
  }

  async sendImage(file) {
    const { config, session, uploads, draw } = this.app;
    const conv = this.openConversation();
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
      this.send(conv, envelopes.image(newId(), media, conv.timer));
    } catch (error) {
      notify(`The image was not sent: ${error.message}`);
    } finally {
      uploads.splice(uploads.indexOf(progress), 1);
      draw();
    }
  }

  setTimer() {
    const conv = this.openConversation();
    const seconds = Number($('#timer-select').value);
    if (!conv || seconds === conv.timer) return;
    this.send(conv, envelopes.timer(newId('t'), seconds));
    conv.timer = seconds;
  }
}
