import { createClock, evaluate, type ExpressionClock } from './index';

describe('the clock', () => {
  it("gives $now() and $millis() the execution's time, the same in every evaluation", async () => {
    const clock = createClock({ now: Date.parse('2026-03-01T09:30:00.000Z') });
    const first = await evaluate('[$now(), $millis()]', { clock });
    await new Promise((r) => setTimeout(r, 15));
    const later = await evaluate('{ "now": $now(), "ms": $millis(), "day": $now("[Y0001]-[M01]-[D01]") }', { clock });
    expect(first).toEqual(['2026-03-01T09:30:00.000Z', Date.parse('2026-03-01T09:30:00.000Z')]);
    expect(later).toEqual({ now: '2026-03-01T09:30:00.000Z', ms: Date.parse('2026-03-01T09:30:00.000Z'), day: '2026-03-01' });
  });

  it('a resumed execution (the clock recreated from its stored state) sees the same time and continues the same random sequence', async () => {
    const clock = createClock({ now: 1_700_000_000_000, seed: 42 });
    const before = await evaluate('[$now(), $random(), $random()]', { clock });
    const stored = JSON.parse(JSON.stringify(clock.state)); // what a durable execution persists
    const next = await evaluate('[$now(), $random(), $shuffle([1,2,3,4,5,6,7,8])]', { clock });

    const resumed = createClock(stored);
    await expect(evaluate('[$now(), $random(), $shuffle([1,2,3,4,5,6,7,8])]', { clock: resumed })).resolves.toEqual(next);
    const replay = createClock({ now: 1_700_000_000_000, seed: 42 });
    await expect(evaluate('[$now(), $random(), $random()]', { clock: replay })).resolves.toEqual(before);
    expect((before as number[])[1]).not.toBe((before as number[])[2]);
    expect((next as [string])[0]).toBe(new Date(1_700_000_000_000).toISOString());
  });

  it('is the only source of time and randomness an expression sees', async () => {
    let reads = 0;
    const clock: ExpressionClock = { now: () => (reads++, 86_400_000), random: () => 0.5 };
    await expect(evaluate('[$now(), $now(), $millis(), $random()]', { clock })).resolves.toEqual([
      '1970-01-02T00:00:00.000Z',
      '1970-01-02T00:00:00.000Z',
      86_400_000,
      0.5,
    ]);
    expect(reads).toBe(1); // read once per evaluation: $now() is one instant within it
    await expect(evaluate('$now()', { clock, bindings: { now: () => 'spoofed' } })).resolves.toBe('1970-01-02T00:00:00.000Z');
  });

  it('defaults to real time', async () => {
    const before = Date.now();
    const ms = (await evaluate('$millis()')) as number;
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });
});
