import { evaluateExpression, ExpressionError, compileExpression } from './evaluate';

describe('expressions', () => {
  it('evaluates against a record', async () => {
    await expect(evaluateExpression("firstName & ' ' & lastName", { firstName: 'Ada', lastName: 'Lovelace' })).resolves.toBe(
      'Ada Lovelace',
    );
    await expect(evaluateExpression('amount * probability / 100', { amount: 1000, probability: 25 })).resolves.toBe(250);
  });

  it('returns null for no match and plain arrays', async () => {
    await expect(evaluateExpression('missing', {})).resolves.toBeNull();
    await expect(evaluateExpression('items.n', { items: [{ n: 1 }, { n: 2 }] })).resolves.toEqual([1, 2]);
  });

  it('stops infinite recursion with a clear error', async () => {
    const looping = '($f := function($x) { $f($x + 1) }; $f(0))';
    await expect(evaluateExpression(looping, {})).rejects.toThrow(/too deeply|too long/);
  });

  it('stops an expression that runs too long', async () => {
    const slow = '$sum([1..90000].($sum([1..50])))';
    const err = await evaluateExpression(slow, {}, {}, { timeoutMs: 20, maxDepth: 200, maxSequence: 1_000_000, maxLength: 10000 }).catch(
      (e: unknown) => e as ExpressionError,
    );
    expect(err).toBeInstanceOf(ExpressionError);
    expect((err as ExpressionError).message).toMatch(/ran too long/);
  });

  it('refuses huge sequences', async () => {
    await expect(evaluateExpression('$count([1..5000000])', {})).rejects.toThrow(/too long|sequence/);
  });

  it('reports parse errors with a position', () => {
    let caught: unknown;
    try {
      compileExpression('firstName & ');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ExpressionError);
    expect((caught as ExpressionError).position).toBeGreaterThan(0);
  });

  it('cannot reach host JavaScript', async () => {
    // $eval evaluates JSONata, not JavaScript: `process` is just a missing path.
    await expect(evaluateExpression('$eval("process.exit(1)")', {})).resolves.toBeNull();
    await expect(evaluateExpression('constructor', {})).resolves.toBeNull();
  });
});
