import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ApiClient, PipelineStage } from '@inbox-crm/shared/client';
import { apiAs, closePane, openConsole } from './pane-harness.js';

const server = inject('paneServer');
const admin = { email: server.adminEmail, password: server.password };
let api: ApiClient;
let stages: PipelineStage[];
const WORD = `Brambleton${Date.now().toString(36)}`;

beforeAll(async () => {
  api = await apiAs(server.url, admin);
  stages = await api.pipelineStages();
  // 21 in the first stage: one more than a column shows at first.
  for (let n = 1; n <= 21; n += 1) {
    await api.createOpportunity({
      name: `${WORD} ${String(n).padStart(2, '0')}`,
      stageId: stages[0]!.id,
      amountMinor: 100_000,
      currency: n === 21 ? 'USD' : 'EUR',
      closeDate: `2027-01-${String(n).padStart(2, '0')}`,
    });
  }
  await api.createOpportunity({ name: `${WORD} later`, stageId: stages[1]!.id });
});

afterEach(closePane);

describe('the pipeline board', () => {
  it('when it opens, then each stage is a column with its count and amounts per currency, and more come on request', async () => {
    await openConsole(server.url, `/app/pipeline?q=${WORD}`, admin);
    const first = await screen.findByRole('region', { name: stages[0]!.name });
    expect(within(first).getByText('21 deals · €20,000.00 · $1,000.00')).toBeTruthy();
    const cards = () => within(first).getAllByRole('button', { name: /^Move / });
    expect(cards()).toHaveLength(20);
    expect(cards()[0]!.getAttribute('aria-label')).toBe(`Move ${WORD} 01`);
    const second = screen.getByRole('region', { name: stages[1]!.name });
    expect(within(second).getByText('1 deal')).toBeTruthy();
    expect(screen.getAllByRole('region')).toHaveLength(stages.length);

    await userEvent.click(within(first).getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(cards()).toHaveLength(21));
    expect(within(first).queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Show as a list' }).getAttribute('href')).toBe(
      `/app/opportunities?q=${WORD}`,
    );
  });
});
