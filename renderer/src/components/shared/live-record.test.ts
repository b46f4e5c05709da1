import { liveRecord } from './live-record';

const change = (record: Record<string, unknown>, omitted?: string[]) => ({
  kind: 'change' as const,
  type: 'updated' as const,
  entity: 'account',
  id: 'a1',
  version: 2,
  record: { id: 'a1', version: 2, ...record },
  omitted,
});

describe('liveRecord', () => {
  it('keeps the shown value of fields the server left out for this reader, and takes the rest from the event', () => {
    const shown = { id: 'a1', version: 1, name: 'Acme', dealTotal: 100, phone: '123' };
    expect(liveRecord(shown, change({ name: 'Acme Corp' }, ['dealTotal']))).toEqual({
      id: 'a1',
      version: 2,
      name: 'Acme Corp',
      dealTotal: 100,
    });
  });

  it("is the event's record when nothing was left out (a cleared field stays cleared)", () => {
    const shown = { id: 'a1', version: 1, name: 'Acme', phone: '123' };
    expect(liveRecord(shown, change({ name: 'Acme' }))).toEqual({ id: 'a1', version: 2, name: 'Acme' });
  });
});
