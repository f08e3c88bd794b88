// Group dialogs: create a group, show its members, add and remove them (req/groups, docs/PROTOCOL.md "Groups").

import { $, el, notify, replaceChildren } from './dom.js';
import { isPlausibleUserId, topics } from './protocol.js';

function members(text) {
  return [...new Set(text.split(/[,\s]+/).map((m) => m.trim().normalize('NFC')).filter(Boolean))];
}

/** The group dialogs of one signed-in app. */
export class Groups {
  /** app: {session, store, draw(), openConversation(key)}. */
  constructor(app) {
    this.app = app;
  }

  async create(event) {
    event.preventDefault();
    const name = $('#group-name').value.trim();
    const list = members($('#group-members').value);
    if (!name || list.some((m) => !isPlausibleUserId(m))) {
      notify('Give the group a name and list members by user name, separated by commas.');
      return;
    }
    $('#new-group-dialog').close();
    try {
      const answer = await this.app.session.request(topics.groups, { op: 'create', name, members: list });
      this.app.store.group(answer.group);
      this.app.openConversation(`g:${answer.group.id}`);
    } catch (error) {
      notify(`The group was not created: ${error.message}`);
    }
  }

  showMembers() {
    const { store } = this.app;
    const conv = store.conversations.get(store.openKey);
    const group = conv && store.groups.get(conv.id);
    if (!group) return;
    const admin = (group.admins || []).includes(store.me);
    replaceChildren($('#member-list'), group.members.map((member) => el('li', {},
      el('span', { text: member === store.me ? `${member} (you)` : member }),
      (group.admins || []).includes(member) ? el('span', { class: 'role', text: 'admin' }) : null,
      admin && member !== store.me ? el('button', {
        type: 'button', class: 'small', attrs: { 'aria-label': `Remove ${member}` },
        on: { click: () => this.change('remove', [member]) },
      }, 'Remove') : null)));
    $('#add-member-form').hidden = !admin;
    $('#members-title').textContent = group.name;
    const dialog = $('#members-dialog');
    if (!dialog.open) dialog.showModal();
  }

  async change(op, list) {
    const { session, store } = this.app;
    const conv = store.conversations.get(store.openKey);
    try {
      const answer = await session.request(topics.groups, { op, group: conv.id, members: list });
      if (answer.group) store.group(answer.group);
      else {
        const info = await session.request(topics.groups, { op: 'info', group: conv.id });
        store.group(info.group);
      }
      this.showMembers();
      this.app.draw();
    } catch (error) {
      notify(error.message);
    }
  }

  add(event) {
    event.preventDefault();
    const list = members($('#add-member').value);
    if (!list.length || list.some((m) => !isPlausibleUserId(m))) return;
    $('#add-member').value = '';
    this.change('add', list);
  }

  /** Fetches a group's name and members when they are not known yet. */
  learn(id) {
    const { session, store } = this.app;
    session.request(topics.groups, { op: 'info', group: id }).then((a) => { store.group(a.group); this.app.draw(); }).catch(() => {});
  }
}
