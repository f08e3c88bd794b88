// Sign-in: a token handed over by the identity provider in the URL fragment (#token=...), a pasted token, or, on a
// server running on its development secret, a development token for any user name (POST /dev/token).

import { $, replaceChildren } from './dom.js';
import { isPlausibleUserId, subjectOf } from './protocol.js';

const TOKEN_KEY = 'mqchat.token';

/** A token from #token=..., removed from the address bar at once so it is not bookmarked or shared. */
export function tokenFromFragment() {
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('token');
  if (token === null) return null;
  history.replaceState(null, '', location.pathname + location.search);
  savedToken.set(token);
  return token;
}

/** The token of this tab (kept across reloads of the tab, gone when it closes). */
export const savedToken = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (token) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** This browser's device id for a user: random, opaque (the user's peers see it in receipts), kept. */
export function deviceOf(user) {
  const key = `mqchat.device.${user}`;
  let device = localStorage.getItem(key);
  if (!device) {
    const bytes = crypto.getRandomValues(new Uint8Array(8));
    device = `web-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    localStorage.setItem(key, device);
  }
  return device;
}

async function devToken(user) {
  const response = await fetch('/dev/token', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user }),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.message || `the server refused (${response.status})`);
  return body.token;
}

/** Shows the sign-in screen; resolves with {user, token} once the user signed in. */
export function signIn(config, problem) {
  const screen = $('#signin');
  screen.hidden = false;
  $('#app').hidden = true;
  $('#dev-signin').hidden = !config.devSignIn;
  const error = $('#signin-error');
  replaceChildren(error, problem || '');
  error.hidden = !problem;
  return new Promise((resolve) => {
    const done = (token) => {
      const user = subjectOf(token);
      if (!user) {
        replaceChildren(error, 'That is not a token (a JWT with a subject).');
        error.hidden = false;
        return;
      }
      screen.hidden = true;
      resolve({ user, token });
    };
    $('#dev-form').onsubmit = async (event) => {
      event.preventDefault();
      const user = $('#dev-user').value.trim().normalize('NFC');
      if (!isPlausibleUserId(user)) {
        replaceChildren(error, 'A user name is 1-64 characters without spaces or / + # $.');
        error.hidden = false;
        return;
      }
      try {
        done(await devToken(user));
      } catch (e) {
        replaceChildren(error, e.message);
        error.hidden = false;
      }
    };
    $('#token-form').onsubmit = (event) => {
      event.preventDefault();
      done($('#token-input').value.trim());
    };
    (config.devSignIn ? $('#dev-user') : $('#token-input')).focus();
  });
}
