// One device's MQTT connection to the broker over WebSocket (docs/PROTOCOL.md, "Connecting" and "Topics"):
// client id {user}:{device}, MQTT 5, a persistent session, one QoS 1 subscription to the user's tree, and
// request/response matched by ref. Uses the vendored MQTT.js browser bundle (global `mqtt`).

import { SESSION_EXPIRY_SECONDS, decode, itemsOf, kindOf, newId, topics } from './protocol.js';

const REQUEST_TIMEOUT_MS = 20000;

/** CONNACK reason codes after which retrying the same connection cannot help, with what to tell the user. */
const REFUSALS = {
  0x86: 'the token was not accepted',
  0x87: 'the token was not accepted',
  0x97: 'this user has too many devices signed in; sign out on one of them (limits.devices-per-user)',
};
const USE_ANOTHER_SERVER = 0x9c;

/**
 * Events: 'ready' ({generation}: connected and subscribed, time to catch up; each connection has a new generation),
 * 'offline', 'envelope' ({kind, envelope, topic}), 'refused' ({reason}: the broker will not let this device in).
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
    this.generation = 0;
    // Users whose presence the app follows, and those subscribed in the broker's session of this device.
    this.watched = new Set();
    this.subscribed = new Set();
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
    this.client.on('connect', (connack) => this.subscribe(connack));
    this.client.on('message', (topic, payload) => this.receive(topic, payload));
    this.client.on('close', () => this.wentOffline());
    this.client.on('offline', () => this.wentOffline());
    this.client.on('packetreceive', (packet) => this.redirected(packet));
    this.client.on('error', (error) => {
      const reason = error && REFUSALS[error.code];
      if (reason) {
        this.client.end(true);
        this.emit('refused', { reason });
      }
    });
    this.client.on('disconnect', (packet) => {
      if (packet && packet.reasonCode === 0xa0) this.emit('refused', { reason: 'your sign-in expired' });
    });
  }

  /**
   * A cluster node that is not this user's home answers 0x9C with the home's host:port (PROTOCOL.md, "Several
   * nodes"): go there, same transport, instead of retrying here forever.
   */
  redirected(packet) {
    if (!packet || (packet.cmd !== 'connack' && packet.cmd !== 'disconnect') || packet.reasonCode !== USE_ANOTHER_SERVER) return;
    const reference = packet.properties && packet.properties.serverReference;
    const match = typeof reference === 'string' && /^([^\s:/]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/.exec(reference);
    if (!match) return;
    const url = new URL(this.url);
    url.hostname = match[1];
    url.port = match[2];
    this.url = url.toString();
    this.client.end(true, () => this.connect());
  }

  /** Reconnects at once (the tab came back) instead of waiting for the next retry, unless one is under way. */
  wake() {
    if (this.client && !this.client.connected && !this.client.disconnecting && !this.client.reconnecting) this.client.reconnect();
  }

  close() {
    if (this.client) this.client.end(true);
    this.failPending(new Error('signed out'));
  }

  /**
   * Signs this device out for good: ends the connection, then connects once with clean start and session expiry 0
   * so that the broker drops the session, its queue and its place among the user's devices (PROTOCOL.md,
   * "Connecting"). Resolves when done or when the broker could not be reached (the session then expires by itself).
   */
  signOut() {
    this.close();
    return new Promise((resolve) => {
      // eslint-disable-next-line no-undef
      const once = mqtt.connect(this.url, {
        protocolVersion: 5, clientId: `${this.user}:${this.device}`, username: this.user, password: this.token,
        clean: true, properties: { sessionExpiryInterval: 0 }, reconnectPeriod: 0, connectTimeout: 5000,
      });
      const done = () => { once.end(true); resolve(); };
      once.on('connect', done);
      once.on('error', done);
      once.on('close', done);
    });
  }

  get connected() {
    return !!this.client && this.client.connected;
  }

  subscribe(connack) {
    // A session the broker kept still holds the presence subscriptions; a new one holds none.
    if (!connack || !connack.sessionPresent) this.subscribed.clear();
    // History requests only after the subscription is confirmed: on a new session the archive could answer first.
    this.client.subscribe(topics.tree(this.user), { qos: 1 }, (error) => {
      if (error) {
        this.emit('refused', { reason: `cannot subscribe to your messages: ${error.message}` });
        return;
      }
      this.ready = true;
      this.generation += 1;
      for (const user of this.watched) this.watchPresence(user);
      this.emit('ready', { generation: this.generation });
    });
  }

  /**
   * Presence of a user (retained: the current state arrives at once). Subscribes once per session: each SUBSCRIBE
   * would send the retained state again.
   */
  watchPresence(user) {
    this.watched.add(user);
    if (!this.connected || this.subscribed.has(user)) return;
    this.subscribed.add(user);
    this.client.subscribe(topics.presence(user), { qos: 0 }, (error) => { if (error) this.subscribed.delete(user); });
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
    // Requests sent on the lost connection are answered on it or never: fail them now rather than at their timeout.
    this.failPending(new Error('the connection was lost'));
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
