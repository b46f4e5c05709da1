/** A small valid draft the store and form tests start from. */
import type { Draft } from './draft.types';

export function sampleDraft(): Draft {
  return {
    schemaVersion: 1,
    id: 'shop',
    name: 'Shop',
    entities: [
      {
        id: 'order',
        label: 'Order',
        display: 'number',
        fields: [
          { id: 'number', type: 'text', label: 'Number', required: true },
          { id: 'total', type: 'money', label: 'Total', currency: 'USD' },
        ],
      },
    ],
    pages: [{ id: 'home', title: 'Home', route: '/', components: [] }],
  };
}
