import { bucketOf } from './date-bucket';

describe('bucketOf', () => {
  it('labels dates and datetimes in UTC, sortable as strings', () => {
    expect(bucketOf('2026-03-15', 'day')).toBe('2026-03-15');
    expect(bucketOf('2026-03-15T23:30:00-02:00', 'day')).toBe('2026-03-16');
    expect(bucketOf('2026-03-15', 'month')).toBe('2026-03');
    expect(bucketOf('2026-03-15', 'quarter')).toBe('2026-Q1');
    expect(bucketOf('2026-10-01', 'quarter')).toBe('2026-Q4');
    expect(bucketOf('2026-03-15', 'year')).toBe('2026');
  });

  it('uses ISO weeks (Monday first, week 1 holds the first Thursday)', () => {
    expect(bucketOf('2026-01-01', 'week')).toBe('2026-W01'); // a Thursday
    expect(bucketOf('2027-01-01', 'week')).toBe('2026-W53'); // a Friday: last week of 2026
    expect(bucketOf('2024-12-30', 'week')).toBe('2025-W01'); // a Monday: first week of 2025
    expect(bucketOf('2026-03-15', 'week')).toBe('2026-W11'); // a Sunday
  });

  it('gives null for anything that is not a date', () => {
    expect(bucketOf(null, 'day')).toBeNull();
    expect(bucketOf('soon', 'month')).toBeNull();
    expect(bucketOf(42, 'year')).toBeNull();
  });
});
