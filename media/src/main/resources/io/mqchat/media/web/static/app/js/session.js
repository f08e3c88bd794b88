// One device's MQTT connection to the broker over WebSocket (docs/PROTOCOL.md, "Connecting" and "Topics"):
// client id {user}:{device}, MQTT 5, a persistent session, one QoS 1 subscription to the user's tree, and
// request/response matched by ref. Uses the vendored MQTT.js browser bundle (global `mqtt`).

import { SESSION_EXPIRY_SECONDS, decode, itemsOf, kindOf, newId, topics } from './protocol.js';

const REQUEST_TIMEOUT_MS = 20000;

/**
 * Events: 'ready' (connected and subscribed: time to catch up), 'offline', 'envelope' ({kind, envelope, topic}),
 * 'refused' ({reason}: the broker will not let this token in).
 */
export class Session extends EventTarget {
  constructor({ url, user, device, token }) {
    super();
    this.user = user;
    this.device = device;
    this.token = token;
    this.url = url.replace('{user}', encodeURIComponent(user));
    this.pending = new Map();
    this.client = null;
    this.ready = false;
  }

  connect() {
    // eslint-disable-next-line no-undef
    this.client = mqtt.connect(this.url, {
      protocolVersion: 5,
      clientId: `${this.user}:${this.device}`,
      username: this.user,
      password: this.token,
      clean: false,
      properties: { sessionExpiryInterval: SESSION_EXPIRY_SECONDS },
      keepalive: 30,
      reconnectPeriod: 2000,
      connectTimeout: 10000,
      resubscribe: false,
    });
    this.client.on('connect', () => this.subscribe());
    this.client.on('message', (topic, payload) => this.receive(topic, payload));
    this.client.on('close', () => this.wentOffline());
    this.client.on('offline', () => this.wentOffline());
    this.client.on('error', (error) => {
      // CONNACK 0x86/0x87: a bad or foreign token; retrying cannot help.
      if (error && (error.code === 134 || error.code === 135)) {
        this.client.end(true);
        this.emit('refused', { reason: error.message });
      }
    });
    this.client.on('disconnect', (packet) => {
      if (packet && packet.reasonCode === 0xa0) this.emit('refused', { reason: 'your sign-in expired' });
    });
  }

  /** Reconnects at once (the tab came back) instead of waiting for the next retry. */
  wake() {
    if (this.client && !this.client.connected && !this.client.disconnecting) this.client.reconnect();
  }

  close() {
    if (this.client) this.client.end(true);
    this.failPending(new Error('signed out'));
  }

  get connected() {
    return !!this.client && this.client.connected;
  }

  subscribe() {
    // History requests only after the subscription is confirmed: on a new session the archive could answer first.
    this.client.subscribe(topics.tree(this.user), { qos: 1 }, (error) => {
      if (error) {
        this.emit('refused', { reason: `cannot subscribe to your messages: ${error.message}` });
        return;
      }
      this.ready = true;
      this.emit('ready', {});
    });
  }

  /** Presence of a user (retained: the current state arrives at once). */
  watchPresence(user) {
    if (this.connected) this.client.subscribe(topics.presence(user), { qos: 0 });
  }

  /** Publishes a JSON envelope; resolves on the PUBACK (SENT), rejects on a refusal. QoS 0 resolves at once. */
  publish(topic, envelope, qos = 1) {
    return new Promise((resolve, reject) => {
      if (!this.client) { reject(new Error('not connected')); return; }
      this.client.publish(topic, JSON.stringify(envelope), { qos }, (error) => (error ? reject(error) : resolve()));
    });
  }

  /** A request with a ref, answered on u/{me}/responses with the same ref. */
  request(topic, body) {
    const ref = newId('r');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(ref);
        reject(new Error('the server did not answer in time'));
      }, REQUEST_TIMEOUT_MS);
      this.pending.set(ref, { resolve, reject, timer });
      this.publish(topic, { v: 1, ...body, ref }).catch((error) => {
        clearTimeout(timer);
        this.pending.delete(ref);
        reject(error);
      });
    });
  }

  receive(topic, payload) {
    const envelope = decode(payload);
    if (!envelope) return;
    const kind = kindOf(topic);
    for (const item of itemsOf(envelope)) {
      if (!item || typeof item !== 'object') continue;
      if ((kind === 'responses' || kind === 'errors') && item.ref && this.pending.has(item.ref)) {
        const { resolve, reject, timer } = this.pending.get(item.ref);
        clearTimeout(timer);
        this.pending.delete(item.ref);
        if (kind === 'errors' || item.ok === false) reject(Object.assign(new Error(item.message || item.code), { code: item.code }));
        else resolve(item);
        continue;
      }
      this.emit('envelope', { kind, envelope: item, topic });
    }
  }

  wentOffline() {
    if (!this.ready) return;
    this.ready = false;
    this.emit('offline', {});
  }

  failPending(error) {
    for (const { reject, timer } of this.pending.values()) {
      clearTimeout(timer);
      reject(error);
    }
    this.pending.clear();
  }

  emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
