import { mount } from '@vue/test-utils';
import { createAbility } from '@xinfang/permissions';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { click, textOf, typeInto } from '@/testing/dom';
import { fakeServer } from '@/testing/fake-server';
import { portalPlugins } from '@/testing/harness';
import ReceiptPage from './ReceiptPage.vue';

const RECEIPT = {
  id: 'p1',
  number: 'SFX-2026-00321',
  version: 4,
  status: 'ANSWERED',
  receivedAt: '2026-01-05',
  acceptedAt: '2026-01-06',
  answeredAt: '2026-01-20',
  closedAt: null,
  satisfaction: null,
  canRate: true,
  deadlines: { acceptBy: '2026-01-20', noticeBy: '2026-01-20', answerBy: '2026-03-09', objectionBy: null, appealRequestBy: '2026-02-19', reviewBy: null, current: null },
};

async function renderAt(path: string) {
  const server = fakeServer({
    PetitionByReceipt: () => ({ data: { petitionByReceipt: RECEIPT } }),
    RateByReceipt: () => ({ data: { rateAnswer: { id: 'p1', version: 5 } } }),
  });
  const { plugins, router } = portalPlugins(createAbility([]), server);
  await router.push(path);
  await router.isReady();
  const wrapper = mount(ReceiptPage, { global: { plugins }, attachTo: document.body });
  return { wrapper, server, router };
}

describe('the public receipt page', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '';
  });

  it('looks up a code typed in lower case without the dash, as the server stores it', async () => {
    const { server } = await renderAt('/receipt');
    await typeInto('receipt-code-input', 'abcde23456');
    await click('receipt-lookup');
    await vi.waitFor(() => expect(server.callsOf('PetitionByReceipt')).toEqual([{ code: 'ABCDE-23456' }]));
    await vi.waitFor(() => expect(textOf('receipt-number')).toBe('SFX-2026-00321'));
    expect(textOf('receipt-stage')).toContain('已答复');
  });

  it('refuses a code that cannot be one without asking the server', async () => {
    const { server } = await renderAt('/receipt');
    await typeInto('receipt-code-input', 'abc-12');
    await click('receipt-lookup');
    await vi.waitFor(() => expect(textOf()).toContain('回执码为 10 位字母和数字'));
    expect(server.callsOf('PetitionByReceipt')).toEqual([]);
  });

  it('fills the code from the address, looks it up, and rates with it', async () => {
    const { server } = await renderAt('/receipt?code=fghjk-23456');
    await vi.waitFor(() => expect(server.callsOf('PetitionByReceipt')).toEqual([{ code: 'FGHJK-23456' }]));
    await vi.waitFor(() => expect(textOf('receipt-rate')).toContain('满意'));
    await click('receipt-rate-SATISFIED');
    await click('receipt-rate-submit');
    await vi.waitFor(() => expect(server.callsOf('RateByReceipt')).toEqual([{ id: 'p1', version: 4, satisfaction: 'SATISFIED', receiptCode: 'FGHJK-23456' }]));
    await vi.waitFor(() => expect(textOf('receipt-thanks')).toContain('感谢您的评价'));
  });
});
