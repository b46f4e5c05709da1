import { renameField } from './index';

describe('renameField', () => {
  it.each([
    ['amount * probability / 100', 'amount', 'value', 'value * probability / 100'],
    ["firstName & ' ' & lastName", 'lastName', 'surname', "firstName & ' ' & surname"],
    ['`amount` + amount', 'amount', 'value', '`value` + value'],
    ['amount ? $string(amount) : "amount"', 'amount', 'value', 'value ? $string(value) : "amount"'],
    ['$.amount + $sum(lines.amount)', 'amount', 'value', '$.value + $sum(lines.amount)'],
    ['lines[amount > 1].amount', 'amount', 'value', 'lines[amount > 1].amount'],
    ['company.amount & amount.currency', 'amount', 'value', 'company.amount & value.currency'],
    ['{ "amount": amount }', 'amount', 'value', '{ "amount": value }'],
    ['amounts + amount2', 'amount', 'value', 'amounts + amount2'],
    ['lines[$$.amount < qty]', 'amount', 'value', 'lines[$$.value < qty]'],
    ['$map(tags, function($t) { $t & amount })', 'amount', 'value', '$map(tags, function($t) { $t & value })'],
    ['amount + 1', 'amount', 'net amount', '`net amount` + 1'],
    ['amount + 1', 'amount', 'and', '`and` + 1'],
  ])('%s: %s -> %s', (source, from, to, expected) => {
    expect(renameField(source, from, to)).toBe(expected);
  });

  it('leaves an expression that does not parse as it is', () => {
    expect(renameField('amount * (', 'amount', 'value')).toBe('amount * (');
  });
});
