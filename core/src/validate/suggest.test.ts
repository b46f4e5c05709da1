import { describe, expect, it } from '@jest/globals';
import { closest } from './suggest';

describe('closest', () => {
  it.each([
    ['titel', ['title', 'amount'], 'title'],
    ['maxLen', ['minLength', 'maxLength'], 'maxLength'],
    ['txt', ['text', 'table'], 'text'],
    ['crm', ['erp'], undefined],
    ['zzzzzz', ['text'], undefined],
  ])('%s -> %s', (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });
});
