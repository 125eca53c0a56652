import { mount } from '@vue/test-utils';
import { createAbility, type AppAbility } from '@xinfang/permissions';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConferenceQuery, ConferenceRowFragment, ConferenceTaskLineFragment } from '@/gql/graphql';
import { byTestId, click, textOf } from '@/testing/dom';
import { fakeServer, type FakeHandlers } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import ConferencePage from './ConferencePage.vue';
import ConferencesPage from './ConferencesPage.vue';
import { blankConference, blankItem, blankTask, conferenceField, conferenceInput } from './conference-form';
import { taskSummary } from './conference-filter';

const CONFERENCE = { id: 'c1', heldOn: '2026-11-10', title: '2026年第四季度疑难信访事项集中会办' };
const task = (over: Partial<ConferenceTaskLineFragment>): ConferenceTaskLineFragment => ({
  id: 't1',
  version: 1,
  description: '核实补偿标准',
  dueOn: '2026-11-30',
  doneOn: null,
  doneNote: null,
  warning: 'RED',
  canComplete: true,
  ownerUnit: { id: 'land', name: '县自然资源局', kind: 'DEPARTMENT' },
  petition: { id: 'p1', number: 'SFX-2024-00042' },
  conference: CONFERENCE,
  ...over,
});
const DETAIL: ConferenceQuery['conference'] = {
  ...CONFERENCE,
  venue: '县委常委会议室',
  attendees: '县委书记、县自然资源局局长',
  chair: { id: 'l1', displayName: '县委书记' },
  attendingUnits: [{ id: 'land', name: '县自然资源局', kind: 'DEPARTMENT' }],
  items: [
    {
      id: 'i1',
      position: 1,
      decision: '由县自然资源局牵头核实',
      petition: { id: 'p1', number: 'SFX-2024-00042', subject: '宅基地确权纠纷' },
      tasks: [task({}), task({ id: 't2', description: '答复信访人', doneOn: '2026-11-20', warning: 'NONE', canComplete: false })],
    },
  ],
};

async function render(component: typeof ConferencePage | typeof ConferencesPage, path: string, handlers: FakeHandlers, ability: AppAbility = createAbility([{ action: 'read', subject: 'Conference' }])) {
  const server = fakeServer(handlers);
  const { plugins, router } = portalPlugins(ability, server);
  await router.push(path);
  await router.isReady();
  mount(component, { global: { plugins }, attachTo: document.body });
  return { server, router };
}

describe('the conference form as it is sent', () => {
  it('trims the texts, leaves empty optional ones out, and places the server’s fields', () => {
    const draft = blankConference('2026-11-10');
    Object.assign(draft, { title: ' 集中会办 ', chairUserId: 'l1', attendingUnitIds: ['land'] });
    draft.items[0]!.petitionId = 'p1';
    draft.items[0]!.decision = ' 牵头核实 ';
    draft.items[0]!.tasks.push({ ...blankTask('2026-11-30'), ownerUnitId: 'land', description: ' 核实 ' });
    draft.items.push({ ...blankItem(), petitionId: 'p2', decision: '答复' });
    expect(conferenceInput(draft)).toEqual({
      heldOn: '2026-11-10',
      title: '集中会办',
      chairUserId: 'l1',
      venue: null,
      attendingUnitIds: ['land'],
      attendees: null,
      items: [
        { petitionId: 'p1', decision: '牵头核实', tasks: [{ ownerUnitId: 'land', description: '核实', dueOn: '2026-11-30' }] },
        { petitionId: 'p2', decision: '答复', tasks: [] },
      ],
    });
    expect(conferenceField('items[0].tasks[1].dueOn')).toBe('items.0.tasks.1.dueOn');
    expect(conferenceField('items')).toBeNull();
    expect(conferenceField('heldOn')).toBe('heldOn');
  });

  it('counts a conference’s tasks done and overdue', () => {
    const row: Pick<ConferenceRowFragment, 'items'> = {
      items: [{ id: 'i', petition: null, tasks: [{ id: 'a', doneOn: null, warning: 'RED' }, { id: 'b', doneOn: '2026-11-01', warning: 'NONE' }, { id: 'c', doneOn: null, warning: 'YELLOW' }] }],
    };
    expect(taskSummary(row)).toEqual({ all: 3, done: 1, overdue: 1 });
  });
});

describe('集中会办', { timeout: 20_000 }, () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('lists the conferences with their petitions and how far their tasks are; 记录会办 only for those who record them', async () => {
    const row: ConferenceRowFragment = {
      ...CONFERENCE,
      venue: '县委常委会议室',
      chair: { id: 'l1', displayName: '县委书记' },
      items: [{ id: 'i1', petition: { id: 'p1', number: 'SFX-2024-00042' }, tasks: [{ id: 't1', doneOn: null, warning: 'RED' }, { id: 't2', doneOn: '2026-11-20', warning: 'NONE' }] }],
    };
    const list = { Conferences: () => ({ data: { conferences: { totalCount: 1, edges: [{ node: row }], pageInfo: { hasNextPage: false, endCursor: null } } } }) };
    const { server } = await render(ConferencesPage, '/conferences', list);
    await vi.waitFor(() => expect(byTestId('conference-title')).not.toBeNull());
    expect(server.callsOf('Conferences')[0]).toEqual({ filter: {}, first: 20, after: null });
    expect(byTestId('conference-title')?.getAttribute('href')).toBe('/conferences/c1');
    expect(textOf('conference-tasks')).toContain('1/2 已完成');
    expect(textOf('conference-tasks')).toContain('1 项逾期');
    expect(byTestId('conferences-record')).toBeNull();

    document.body.innerHTML = '';
    await render(ConferencesPage, '/conferences', list, createAbility([{ action: ['read', 'create'], subject: 'Conference' }]));
    await vi.waitFor(() => expect(byTestId('conferences-record')).not.toBeNull());
  });

  it('shows a conference’s decisions and tasks, each done, due or overdue, and marks one done with its version', async () => {
    const { server } = await render(ConferencePage, '/conferences/c1', {
      Conference: () => ({ data: { conference: DETAIL } }),
      CompleteConferenceTask: () => ({ data: { completeConferenceTask: task({ doneOn: '2026-12-01', version: 2 }) } }),
    });
    await vi.waitFor(() => expect(textOf('conference-heading')).toBe('2026年第四季度疑难信访事项集中会办'));
    expect(textOf('conference-chair')).toBe('县委书记');
    expect(textOf('conference-item-decision')).toBe('由县自然资源局牵头核实');
    expect(byTestId('conference-item-petition')?.getAttribute('href')).toBe('/petitions/p1');
    expect(textOf('task-state-RED').trim()).toBe('红色预警');
    expect(textOf('task-state-DONE').trim()).toBe('已完成（2026-11-20）');
    // Only the open task the caller may complete has the button.
    expect(document.querySelectorAll('[data-testid="task-complete"]')).toHaveLength(1);
    await click('task-complete');
    await vi.waitFor(() => expect(byTestId('complete-task-form')).not.toBeNull());
    expect(textOf('complete-task-description')).toBe('核实补偿标准');
    await click('complete-task-submit');
    await vi.waitFor(() => expect(server.callsOf('CompleteConferenceTask')).toEqual([{ id: 't1', version: 1, note: null }]));
    await vi.waitFor(() => expect(server.callsOf('Conference')).toHaveLength(2));
  });
});
