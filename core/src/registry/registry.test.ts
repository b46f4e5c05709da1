import { describe, expect, it } from '@jest/globals';
import { createRegistry } from './registry';

describe('createRegistry', () => {
  it('keeps registration order and finds by type', () => {
    const r = createRegistry('field type', [{ type: 'a' }, { type: 'b' }]);
    expect(r.types()).toEqual(['a', 'b']);
    expect(r.get('b')).toEqual({ type: 'b' });
    expect(r.get('zzz')).toBeUndefined();
  });

  it('throws on a duplicate type', () => {
    const r = createRegistry('field type', [{ type: 'a' }]);
    expect(() => r.register({ type: 'a' })).toThrow('field type "a" is already registered');
    expect(() => createRegistry('node type', [{ type: 'x' }, { type: 'x' }])).toThrow('node type "x" is already registered');
  });
});
