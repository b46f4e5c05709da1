import { describe, expect, it } from '@jest/globals';
import { resolvePath } from './ref-paths';

describe('resolvePath', () => {
  it('follows keys, array items and object keys', () => {
    const props = { columns: [{ field: 'a' }, { field: 'b' }], values: { x: 1, y: 2 }, one: 'z' };
    expect(resolvePath(props, 'columns.*.field', '/p')).toEqual([
      { pointer: '/p/columns/0/field', value: 'a' },
      { pointer: '/p/columns/1/field', value: 'b' },
    ]);
    expect(resolvePath(props, 'values.{}', '/c').map((l) => l.value)).toEqual(['x', 'y']);
    expect(resolvePath(props, 'one', '')).toEqual([{ pointer: '/one', value: 'z' }]);
    expect(resolvePath(props, 'missing.*', '')).toEqual([]);
  });
});
