import { createBudget, evaluate, ExpressionError } from './index';

// Wall time is only the last resort; these tests are about the deterministic bounds, so give time
// enough that a loaded machine cannot turn a step or size limit into a timeout.
const SLOW_OK = 60_000;

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as ExpressionError,
  );

describe('limits per evaluation', () => {
  it('counts steps: an expression doing more work than maxSteps stops, one below passes', async () => {
    const source = '$sum([1..200].($ * 2))';
    await expect(evaluate(source, { limits: { maxSteps: 5000, timeoutMs: SLOW_OK } })).resolves.toBe(40200);
    const err = await failure(evaluate(source, { limits: { maxSteps: 100, timeoutMs: SLOW_OK } }));
    expect([err?.failure, err?.code]).toEqual(['limit', 'STEPS']);
    expect(err?.message).toMatch(/too many steps \(limit 100\)/);
  });

  it("counts the steps of $eval'd code too", async () => {
    const err = await failure(evaluate('$eval("$sum([1..5000].($ * 2))")', { limits: { maxSteps: 1000, timeoutMs: SLOW_OK } }));
    expect(err?.code).toBe('STEPS');
  });

  it('bounds depth', async () => {
    const err = await failure(
      evaluate('($f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(100))', { limits: { maxDepth: 50, timeoutMs: SLOW_OK } }),
    );
    expect([err?.code, err?.message]).toEqual(['DEPTH', 'expression recursed too deeply (limit 50)']);
    await expect(evaluate('($f := function($n) { $n = 0 ? 0 : 1 + $f($n - 1) }; $f(10))')).resolves.toBe(10);
  });

  it('bounds strings built by doubling, padding, joining and replacing', async () => {
    const limits = { maxString: 1000, timeoutMs: SLOW_OK };
    for (const source of [
      '$reduce([1..20], function($acc, $x) { $acc & $acc }, "ab")',
      '$pad("", 5000)',
      '$pad("", 500, "0123456789")',
      '$join([1..50].("0123456789" & "0123456789" & "0123456789"))',
      '$replace("aaaaaaaaaa", "a", "0123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789")',
    ]) {
      const err = await failure(evaluate(source, { limits }));
      expect([source, err?.code]).toEqual([source, 'STRING']);
    }
    await expect(evaluate('$pad("x", 5, "-")', { limits })).resolves.toBe('x----');
    await expect(evaluate('$replace("a-b-c", "-", "+")', { limits })).resolves.toBe('a+b+c');
  });

  it('bounds sequences and arrays', async () => {
    await expect(evaluate('[1..2000]', { limits: { maxSequence: 1000, timeoutMs: SLOW_OK } })).rejects.toThrow(/sequence/);
    await expect(
      evaluate('$split($join([1..600].("ab")), "")', { limits: { maxSequence: 1000, timeoutMs: SLOW_OK } }),
    ).rejects.toMatchObject({ code: 'SEQUENCE' });
    await expect(evaluate('$count([1..500])', { limits: { maxSequence: 1000, timeoutMs: SLOW_OK } })).resolves.toBe(500);
  });

  it('refuses limits that would lift a bound', async () => {
    await expect(evaluate('1', { limits: { maxSteps: 0 } })).rejects.toThrow(RangeError);
    await expect(evaluate('1', { limits: { timeoutMs: Number.NaN } })).rejects.toThrow(RangeError);
  });
});

describe('a budget per execution', () => {
  it('bounds the total work of many evaluations: the one that overdraws fails, the next is refused', async () => {
    const budget = createBudget({ steps: 1000 });
    const source = '$sum([1..40].($ * 2))'; // ~130 steps, far below the per-evaluation limit
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const err = await failure(evaluate(source, { budget, limits: { timeoutMs: SLOW_OK } }));
      outcomes.push(err ? err.failure : 'ok');
    }
    expect(outcomes.filter((o) => o === 'ok').length).toBeGreaterThan(3);
    expect(outcomes.slice(-3)).toEqual(['budget', 'budget', 'budget']);
    expect(outcomes.indexOf('budget')).toBe(outcomes.lastIndexOf('ok') + 1); // once spent, it stays spent
    expect(budget.exhausted).toBe(true);
    // Refused before it starts: even the cheapest expression.
    await expect(evaluate('1', { budget })).rejects.toMatchObject({ failure: 'budget', code: 'BUDGET' });
    // Another execution has its own budget.
    await expect(evaluate(source, { budget: createBudget({ steps: 1000 }), limits: { timeoutMs: SLOW_OK } })).resolves.toBe(1640);
  });

  it('counts what each evaluation spent', async () => {
    const budget = createBudget({ steps: 1_000_000 });
    await evaluate('a + b', { input: { a: 1, b: 2 }, budget });
    const once = budget.used;
    expect(once).toBeGreaterThan(0);
    await evaluate('a + b', { input: { a: 1, b: 2 }, budget });
    expect(budget.used).toBe(2 * once);
    expect(budget.remaining).toBe(1_000_000 - 2 * once);
  });

  it('stops one runaway evaluation at its own limit before it spends the whole budget', async () => {
    const budget = createBudget({ steps: 1_000_000 });
    await expect(evaluate('$sum([1..90000].($ * 2))', { budget, limits: { maxSteps: 10_000, timeoutMs: SLOW_OK } })).rejects.toMatchObject({
      code: 'STEPS',
    });
    expect(budget.used).toBeLessThanOrEqual(10_001);
    await expect(evaluate('1 + 1', { budget })).resolves.toBe(2);
  });
});
