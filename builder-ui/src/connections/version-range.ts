/**
 * Which installed version a connection's `name@range` shows in the builder: the highest
 * non-deprecated version the range admits (the runtime resolves the same way and is the
 * authority at publish). The ranges the builder writes (`^1.2.0`, `~1.2.0`, `1.2.0`, `*`) are
 * understood exactly; anything else falls back to the highest version of that name.
 */
import type { ConnectorItem } from './connectors.api';

type Triple = [number, number, number];

const parse = (v: string): Triple | null => {
  const m = /^(\d+)\.(\d+)\.(\d+)/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
};

export const compareVersions = (a: string, b: string): number => {
  const x = parse(a) ?? [0, 0, 0];
  const y = parse(b) ?? [0, 0, 0];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
};

/** Does `version` fall in `range`? `undefined` when the range is not one of the forms above. */
export function admits(range: string, version: string): boolean | undefined {
  const r = range.trim();
  const v = parse(version);
  if (!v) return false;
  if (r === '*' || r === '') return true;
  const op = r[0] === '^' || r[0] === '~' ? r[0] : '';
  const base = parse(op ? r.slice(1) : r);
  if (!base || (op === '' && !/^\d+\.\d+\.\d+$/.test(r))) return undefined;
  if (compareVersions(version, base.join('.')) < 0) return false;
  if (op === '') return compareVersions(version, base.join('.')) === 0;
  if (op === '~') return v[0] === base[0] && v[1] === base[1];
  // ^: the left-most non-zero part stays.
  if (base[0] > 0) return v[0] === base[0];
  if (base[1] > 0) return v[0] === 0 && v[1] === base[1];
  return v[0] === 0 && v[1] === 0 && v[2] === base[2];
}

/** `mock-shop@^1.0.0` → name and range. */
export function splitRef(ref: string | undefined): { name: string; range: string } {
  const at = (ref ?? '').indexOf('@');
  return at < 0 ? { name: ref ?? '', range: '*' } : { name: ref!.slice(0, at), range: ref!.slice(at + 1) };
}

export function pickVersion(items: ConnectorItem[], ref: string | undefined): ConnectorItem | undefined {
  const { name, range } = splitRef(ref);
  const same = items.filter((i) => i.name === name).sort((a, b) => compareVersions(b.version, a.version));
  const fits = same.filter((i) => admits(range, i.version) !== false);
  return fits.find((i) => !i.deprecated) ?? fits[0];
}
