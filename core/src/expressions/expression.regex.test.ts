import { evaluate } from './expression.evaluate';
import { ExpressionError } from './expression.error';

/** Regexes in expressions run in RE2 (common/safe-regex.ts) and keep JSONata's documented results. */
describe('regular expressions in expressions', () => {
  it("give JSONata's results for $match, $replace, $split and $contains", async () => {
    expect(await evaluate('$replace("John Smith", /(\\w+)\\s(\\w+)/, "$2, $1")')).toBe('Smith, John');
    expect(await evaluate('$match("ab12cd345", /\\d+/).match')).toEqual(['12', '345']);
    expect(await evaluate('$match("ab12cd345", /\\d+/).index')).toEqual([2, 6]);
    expect(await evaluate('$match("key: value", /(\\w+): (\\w+)/).groups')).toEqual(['key', 'value']);
    expect(await evaluate('$split("a1b22c", /\\d+/)')).toEqual(['a', 'b', 'c']);
    expect(await evaluate('$contains("Hello", /^hel/i)')).toBe(true);
    expect(await evaluate('"a-b-c" ~> $replace(/-/, "+")')).toBe('a+b+c');
  });

  it('answer in linear time where a backtracking engine never would, $eval included', async () => {
    // In a backtracking engine each further "a" doubles the time: 5,000 of them never finish.
    expect(await evaluate('$contains($pad("", 5000, "a") & "!", /^(a+)+$/)')).toBe(false);
    expect(await evaluate('$eval("$contains(s, /^(a|aa)+$/)", { "s": $pad("", 5000, "a") & "b" })')).toBe(false);
  });

  it('refuse, while parsing, what RE2 cannot run: backreferences and lookaround', async () => {
    const err = (await evaluate('$contains(name, /(a)\\1/)', { input: { name: 'aa' } }).catch((e) => e)) as ExpressionError;
    expect(err).toBeInstanceOf(ExpressionError);
    expect(err).toMatchObject({ failure: 'parse', code: 'REGEX' });
    expect(err.message).toMatch(/backreferences .* not supported/);
    await expect(evaluate('$match(name, /a(?=b)/)')).rejects.toThrow(/lookahead and lookbehind/);
  });
});
