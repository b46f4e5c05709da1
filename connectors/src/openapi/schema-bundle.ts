/**
 * Referenced schemas become `$defs` of each operation's input and output schema, so every schema
 * in the manifest is self-contained. References are not inlined: `#/components/schemas/Node`
 * (Swagger 2: `#/definitions/Node`) becomes `#/$defs/Node`, each component is converted once, and
 * an operation carries only the definitions it reaches — a cycle is just a def that refers to
 * itself.
 */
import { convertSchema, type ConvertContext } from './schema-convert';
import { resolvePointer } from './openapi-refs';
import type { Schema, Warn } from './openapi.types';

const COMPONENT_PREFIXES = ['#/components/schemas/', '#/definitions/'];

export class SchemaBundler {
  private readonly names = new Map<string, string>(); // document ref -> def name
  private readonly taken = new Set<string>();
  private readonly defs = new Map<string, { schema: Schema | boolean; refs: Set<string> }>();
  private readonly pending: Array<{ ref: string; name: string }> = [];

  constructor(
    private readonly doc: unknown,
    private readonly options: Omit<ConvertContext, 'ref' | 'warn'> & { warn: Warn },
  ) {}

  /** Converts an inline schema found at `pointer`; returns it with the def names it references. */
  convert(value: unknown, pointer: string, opts: { noDefaults?: boolean } = {}): { schema: Schema | boolean; refs: Set<string> } {
    const refs = new Set<string>();
    const schema = convertSchema(value, this.context(refs), { pointer, noDefaults: opts.noDefaults ?? false });
    this.drain();
    return { schema, refs };
  }

  /** A converted def by its name (from a rewritten `#/$defs/Name`). */
  defNamed(ref: string): Schema | boolean | undefined {
    if (!ref.startsWith('#/$defs/')) return undefined;
    return this.defs.get(decodeURIComponent(ref.slice('#/$defs/'.length)))?.schema;
  }

  /** `schema` with the `$defs` it reaches (transitively). */
  withDefs(schema: Schema, refs: Iterable<string>): Schema {
    const reached: string[] = [];
    const seen = new Set<string>();
    const queue = [...refs];
    while (queue.length) {
      const name = queue.shift()!;
      if (seen.has(name)) continue;
      seen.add(name);
      reached.push(name);
      for (const next of this.defs.get(name)?.refs ?? []) queue.push(next);
    }
    if (!reached.length) return schema;
    reached.sort();
    return { ...schema, $defs: Object.fromEntries(reached.map((n) => [n, this.defs.get(n)!.schema])) };
  }

  private context(refs: Set<string>): ConvertContext {
    return {
      ...this.options,
      ref: (ref) => {
        const name = this.nameOf(ref);
        refs.add(name);
        return `#/$defs/${encodeURIComponent(name)}`;
      },
    };
  }

  private nameOf(ref: string): string {
    let name = this.names.get(ref);
    if (name !== undefined) return name;
    const prefix = COMPONENT_PREFIXES.find((p) => ref.startsWith(p) && !ref.slice(p.length).includes('/'));
    let raw = prefix ? ref.slice(prefix.length) : ref.replace(/^#\/?/, '');
    try {
      raw = decodeURIComponent(raw);
    } catch {
      // keep the raw text
    }
    const base =
      raw
        .replace(/~1/g, '/')
        .replace(/~0/g, '~')
        .replace(/[^A-Za-z0-9_.-]+/g, '_') || 'schema';
    name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}_${n}`;
    this.taken.add(name);
    this.names.set(ref, name);
    this.pending.push({ ref, name });
    return name;
  }

  /** Converts components as they are first referenced (iteratively: deep chains stay off the stack). */
  private drain(): void {
    while (this.pending.length) {
      const { ref, name } = this.pending.shift()!;
      const refs = new Set<string>();
      const raw = resolvePointer(this.doc, ref);
      // A shared component may be reached from anyOf/oneOf, where ajv refuses `default`.
      const schema = convertSchema(raw ?? {}, this.context(refs), { pointer: ref.slice(1), noDefaults: true });
      this.defs.set(name, { schema, refs });
    }
  }
}
