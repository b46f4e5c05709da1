import { DEFAULT_LIMITS, evaluate, ExpressionError } from './index';
import { compile } from './expression.compile';
import { hooks } from './expression.guard';

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as ExpressionError,
  );

describe('evaluate', () => {
  it('evaluates against a record', async () => {
    await expect(evaluate("firstName & ' ' & lastName", { input: { firstName: 'Ada', lastName: 'Lovelace' } })).resolves.toBe(
      'Ada Lovelace',
    );
    await expect(evaluate('amount * probability / 100', { input: { amount: 1000, probability: 25 } })).resolves.toBe(250);
  });

  it('gives bindings as $variables', async () => {
    await expect(
      evaluate('$user.email & " on " & $params.id', { bindings: { user: { email: 'a@b.c' }, params: { id: '7' } } }),
    ).resolves.toBe('a@b.c on 7');
  });

  it('returns null for no match and plain arrays, the same for every caller', async () => {
    await expect(evaluate('missing', { input: {} })).resolves.toBeNull();
    await expect(evaluate('missing')).resolves.toBeNull();
    const items = await evaluate('items.n', { input: { items: [{ n: 1 }, { n: 2 }] } });
    expect(items).toEqual([1, 2]);
    expect(Object.getPrototypeOf(items)).toBe(Array.prototype);
    expect((items as { sequence?: boolean }).sequence).toBeUndefined(); // not JSONata's sequence
    await expect(evaluate('[[1, 2], [missing]]', { input: {} })).resolves.toEqual([[1, 2], []]);
  });

  it('stops infinite recursion with a clear error', async () => {
    const looping = '($f := function($x) { $f($x + 1) }; $f(0))';
    const err = await failure(evaluate(looping, { input: {} }));
    expect(err).toBeInstanceOf(ExpressionError);
    expect(err!.failure).toBe('limit');
    expect(err!.message).toMatch(/too deeply|too long|too many steps/);
  });

  it('stops an expression that runs too long, by wall time when the step limit is lifted', async () => {
    const slow = '$sum([1..90000].($sum([1..50])))';
    const err = await failure(evaluate(slow, { limits: { timeoutMs: 20, maxSteps: 1e12, maxSequence: 1_000_000 } }));
    expect(err).toBeInstanceOf(ExpressionError);
    expect(err!.message).toMatch(/ran too long/);
    expect(err!.failure).toBe('limit');
  });

  it('refuses huge sequences', async () => {
    await expect(evaluate('$count([1..5000000])', { input: {} })).rejects.toThrow(/too long|sequence/);
  });

  it('reports parse errors with a position', async () => {
    const err = await failure(evaluate('firstName & '));
    expect(err).toBeInstanceOf(ExpressionError);
    expect(err!.failure).toBe('parse');
    expect(err!.position).toBeGreaterThan(0);
  });

  it('refuses a source longer than the limit', async () => {
    const err = await failure(evaluate('1 + '.repeat(3000) + '1'));
    expect([err?.failure, err?.code]).toEqual(['parse', 'TOO_LONG']);
  });

  it('cannot reach host JavaScript', async () => {
    // $eval evaluates JSONata, not JavaScript: `process` is just a missing path.
    await expect(evaluate('$eval("process.exit(1)")', { input: {} })).resolves.toBeNull();
    await expect(evaluate('constructor', { input: {} })).resolves.toBeNull();
    await expect(evaluate('$.constructor.constructor', { input: {} })).resolves.toBeNull();
    await expect(evaluate('__proto__', { input: {} })).resolves.toBeNull();
  });

  it('a failure is an error, never a null value', async () => {
    await expect(evaluate('$error("no")')).rejects.toMatchObject({ failure: 'evaluation', message: 'no' });
    await expect(evaluate('1 + "a"')).rejects.toBeInstanceOf(ExpressionError);
    await expect(evaluate('null')).resolves.toBeNull();
  });

  it('parses a source once however often it is evaluated', async () => {
    const source = '$sum(values) * 2';
    const first = compile(source, DEFAULT_LIMITS.maxLength, DEFAULT_LIMITS.maxSequence, hooks);
    for (let i = 0; i < 50; i++) await evaluate(source, { input: { values: [i, 1] } });
    expect(compile(source, DEFAULT_LIMITS.maxLength, DEFAULT_LIMITS.maxSequence, hooks)).toBe(first);
    await expect(evaluate(source, { input: { values: [2, 3] } })).resolves.toBe(10);
  });
});
