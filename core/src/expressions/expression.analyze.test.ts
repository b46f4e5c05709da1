import { analyze } from './index';

const reads = (source: string) => {
  const a = analyze(source);
  return a.readsAll ? 'all' : [...a.fields].sort();
};

describe('analyze: what an expression reads', () => {
  it('lists the record fields of ordinary expressions', () => {
    expect(reads('amount * margin / 100')).toEqual(['amount', 'margin']);
    expect(reads('$.margin')).toEqual(['margin']);
    expect(reads('$$.margin')).toEqual(['margin']);
    expect(reads('$count(tags[$ = "vip"])')).toEqual(['tags']); // `$` is the tag here
    expect(reads('$sum(lines.(qty * price))')).toEqual(['lines']);
    expect(reads('$map(tags, function($t) { $t & margin })')).toEqual(['margin', 'tags']);
    expect(reads('first & " " & `last name`')).toEqual(['first', 'last name']);
    expect(reads('$string(amount) & $uppercase(name)')).toEqual(['amount', 'name']);
    expect(reads('x ~> $lookup("a")')).toEqual(['x']);
    expect(reads('amount ~> $string')).toEqual(['amount']);
    expect(reads('lines[$$.limit < qty].price')).toEqual(['limit', 'lines']);
    expect(reads('"literal"')).toEqual([]);
  });

  it('gives nested paths dotted into JSON values', () => {
    expect(analyze('address.city & ", " & address.zip').paths.sort()).toEqual(['address.city', 'address.zip']);
    expect(analyze('$sum(lines.(qty * price))').paths.sort()).toEqual(['lines', 'lines.price', 'lines.qty']);
    expect(analyze('lines[qty > 1].price').paths.sort()).toEqual(['lines.price', 'lines.qty']);
    expect(analyze('meta.tags[$ = "x"]').paths).toEqual(['meta.tags']);
    expect(analyze('$lookup(meta, "k" & "ey")').paths).toEqual(['meta']); // a dynamic key reads the whole value
    expect(analyze('address.*').paths).toEqual(['address']);
    expect(analyze('$count(lines.(1))').paths).toEqual(['lines']); // how many lines there are is read too
    expect(analyze('lines@$l.margin').paths.sort()).toEqual(['lines', 'margin']); // after `@`, the next step sees the record again
    expect(analyze('lines@$l').readsAll).toBe(false);
  });

  it('lists the variables it reads, not built-ins or its own', () => {
    const a = analyze('$user.email = $record.owner and $now() > $params.since and ($x := 1; $f := function($y) { $y + $x }; $f(2)) > 0');
    expect([...a.variables].sort()).toEqual(['params', 'record', 'user']);
    expect(a.fields).toEqual([]);
    expect(a.readsAll).toBe(false);
    expect(analyze('$myFn(amount)').variables).toEqual(['myFn']);
  });

  it('says "everything" whenever the reads cannot be determined statically', () => {
    for (const e of [
      '$eval("f" & "ee")',
      '$eval("amount", address)',
      '$keys($)',
      '$lookup($, "mar" & "gin")',
      '$lookup("margin")', // the record is the implicit first argument
      '$sift(function($v, $k) { $k = "fee" })',
      '$each(function($v) { $v })',
      '$spread()',
      '$string()',
      '$string($)',
      '($r := $; $r.margin)',
      '($k := $keys; $k())',
      '"amount" ~> $eval',
      '*',
      '**.x',
      '$.*',
      '$$',
      '$',
      'x ? $ : 1',
      'address.%.margin',
      'function($x) { $ }($1)',
      '$map([1], function($i) { $lookup($$, "fee") })',
      'not (valid',
    ]) {
      expect([e, reads(e)]).toEqual([e, 'all']);
      if (e !== 'not (valid') expect([e, analyze(e).ok]).toEqual([e, true]); // "all" for its reads, not for a parse error
    }
  });

  it('reports parse errors with their position', () => {
    const a = analyze('amount * (');
    expect(a.ok).toBe(false);
    expect(a.readsAll).toBe(true);
    expect(a.errors[0]).toMatchObject({ code: expect.any(String), message: expect.any(String), position: expect.any(Number) });
  });

  it('gives where each record field is named', () => {
    const source = 'amount + `the amount` + $.amount + lines[amount > 1].amount';
    const names = analyze(source).names;
    expect(names.map((n) => [n.field, source.slice(n.start, n.end), n.quoted])).toEqual([
      ['amount', 'amount', false],
      ['the amount', '`the amount`', true],
      ['amount', 'amount', false],
      ['lines', 'lines', false],
    ]);
  });
});
