// Messages sent but not yet stored by the broker (no PUBACK yet), kept in the tab's sessionStorage: MQTT.js holds
// what is typed offline only in memory, so a reload would drop it without a word. After a reload they are shown
// again and published once more with the same id, which apps take once (PROTOCOL.md: at least once on the wire).

/** The outbox of one user in this tab. */
export class Outbox {
  constructor(user) {
    this.key = `mqchat.outbox.${user}`;
  }

  /** What waits, oldest first: [{conv, envelope}]. */
  all() {
    try {
      const items = JSON.parse(sessionStorage.getItem(this.key) || '[]');
      return Array.isArray(items) ? items.filter((i) => i && typeof i.conv === 'string' && i.envelope && i.envelope.id) : [];
    } catch {
      return [];
    }
  }

  put(conv, envelope) {
    this.save([...this.all().filter((i) => i.envelope.id !== envelope.id), { conv, envelope }]);
  }

  remove(id) {
    this.save(this.all().filter((i) => i.envelope.id !== id));
  }

  clear() {
    sessionStorage.removeItem(this.key);
  }

  save(items) {
    if (items.length) sessionStorage.setItem(this.key, JSON.stringify(items));
    else this.clear();
  }
}
