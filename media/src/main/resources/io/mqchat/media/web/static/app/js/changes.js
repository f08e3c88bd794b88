// What the user does to messages already sent, and whether others see what the user read: reactions to any message,
// edits and deletes for everyone of its own, each published like a message (the archive checks it and sends it back
// to every device, this one too, and only then does the store change the message; a refusal comes back as an error,
// which main.js shows); and the read receipts setting, which the archive keeps for all of the user's devices.

import { $, notify } from './dom.js';
import { envelopes, newId, topics } from './protocol.js';

/** The reactions offered on every message, as WhatsApp offers them. */
export const REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🙏'];

/** Message changes of one signed-in app. */
export class MessageChanges {
  /** app: {session, store, draw()}. */
  constructor(app) {
    this.app = app;
    this.editing = null;
  }

  /** Reacts with emoji, or takes my reaction away when it is already that one. */
  react(conv, message, emoji) {
    const mine = message.reactions && message.reactions[this.app.store.me];
    this.publish(conv, envelopes.reaction(newId('r'), { id: message.id, from: message.from }, mine === emoji ? null : emoji));
  }

  /** Puts my message's text into the composer; the next send edits the message instead. */
  startEdit(conv, message) {
    this.editing = { conv: conv.key, id: message.id, body: message.body || '' };
    $('#text').value = message.body || '';
    $('#editing').hidden = false;
    $('#text').focus();
  }

  cancelEdit() {
    this.editing = null;
    $('#editing').hidden = true;
  }

  /** True when the composer's text was an edit of a message of conv, now sent. */
  submitEdit(conv, text) {
    if (!this.editing || this.editing.conv !== conv.key) return false;
    // The same text again is no edit: it would only mark the message edited.
    if (text !== this.editing.body) this.publish(conv, envelopes.edit(newId('e'), this.editing.id, text));
    this.cancelEdit();
    return true;
  }

  deleteForEveryone(conv, message) {
    this.publish(conv, envelopes.delete(newId('d'), { id: message.id, from: message.from }));
  }

  /** Takes the user's settings as the archive says they stand. */
  learnSettings(settings) {
    this.app.store.readReceipts = settings.readReceipts !== false;
    this.app.store.blocked = Array.isArray(settings.blocked) ? settings.blocked : [];
    this.app.store.settingsKnown = true;
    $('#read-receipts').checked = this.app.store.readReceipts;
    $('#read-receipts').dataset.saved = String(this.app.store.readReceipts);
    this.app.draw();
  }

  /** Turns read receipts on or off for all of the user's devices. */
  async setReadReceipts(on) {
    try {
      const answer = await this.app.session.request(topics.history, { op: 'settings', settings: { readReceipts: on } });
      if (answer.settings) this.learnSettings(answer.settings);
    } catch (error) {
      $('#read-receipts').checked = this.app.store.readReceipts;
      notify(`The setting was not changed: ${error.message}`);
    }
  }

  /** Blocks the open 1-1 conversation's peer, or unblocks it, for all of the user's devices. */
  async toggleBlock(conv) {
    const peer = conv.id;
    const change = this.app.store.blocked.includes(peer) ? { unblock: peer } : { block: peer };
    try {
      const answer = await this.app.session.request(topics.history, { op: 'settings', settings: change });
      if (answer.settings) this.learnSettings(answer.settings);
    } catch (error) {
      notify(`Not changed: ${error.message}`);
    }
  }

  publish(conv, envelope) {
    this.app.session.publish(topics.send(conv), envelope).catch((error) => notify(error.message));
  }
}
