/**
 * What a JSONata expression can read, found from its AST without running it: the record paths
 * (the input: a computed field's or default's record), the variables, and where each record field
 * is named (for renames). Sound for permissions: whatever cannot be followed statically makes
 * `readsAll` true, and a caller must then assume the whole record and every variable are read.
 */
import { parse } from './expression.compile';
import { BUILTIN_FUNCTIONS, CONTEXT_READERS, OPAQUE_FUNCTIONS } from './jsonata-builtins';

/** One place a record field is named in the source: `source.slice(start, end)` is the token (back-quotes included). */
export interface FieldName {
  field: string;
  start: number;
  end: number;
  quoted: boolean;
}

export interface ExpressionAnalysis {
  /** False when the source does not parse (then `readsAll` is true). */
  ok: boolean;
  errors: Array<{ message: string; code: string; position?: number }>;
  /** The reads cannot be determined statically: assume the whole record and every variable. */
  readsAll: boolean;
  /** Why `readsAll` (`$eval`, `* at the record`…), for messages. */
  readsAllBecause: string[];
  /** Record fields read (the first step of every path), in order of first use. */
  fields: string[];
  /** Record paths read, dotted into JSON values (`address.city`); a path also observes its prefixes' shape. */
  paths: string[];
  /** Free variables read, without `$` (`record`, `user`, `params`, bindings). Built-in functions and local variables are not listed. */
  variables: string[];
  /** Every place a record field is named, in source order. */
  names: FieldName[];
}

/** JSONata's AST node, loosely: its published type leaves out `sort`, `filter`, `index`, `apply`… */
type Node = { type?: string; value?: unknown; position?: number; [key: string]: unknown };
/** Where a node's context comes from: '' the record, 'a.b' a value inside it, null not the record. */
type Ctx = string | null;
type Scope = Set<string>;

const join = (ctx: string, name: string) => (ctx ? `${ctx}.${name}` : name);
const isNode = (v: unknown): v is Node => !!v && typeof v === 'object' && !Array.isArray(v);

class Walker {
  readonly paths = new Set<string>();
  readonly variables = new Set<string>();
  readonly names: FieldName[] = [];
  readonly because = new Set<string>();

  constructor(private readonly source: string) {}

  /** The whole of the context's value is read. */
  whole(ctx: Ctx, reason: string): void {
    if (ctx === '') this.because.add(reason);
    else if (ctx !== null) this.paths.add(ctx);
  }

  variable(name: string, scope: Scope, asValue: boolean): void {
    if (scope.has(name)) return;
    if (!BUILTIN_FUNCTIONS.has(name)) return void this.variables.add(name);
    // `$k := $keys` then `$k()` reads the context without naming `$keys` in a call.
    if (asValue && (CONTEXT_READERS.has(name) || OPAQUE_FUNCTIONS.has(name))) this.because.add(`$${name} used as a value`);
  }

  field(node: Node): void {
    const name = String(node.value);
    const end = typeof node.position === 'number' ? node.position : -1;
    if (end < 0) return;
    const quoted = this.source[end - 1] === '`';
    const start = end - name.length - (quoted ? 2 : 0);
    this.names.push({ field: name, start, end, quoted });
  }

  visit(node: unknown, ctx: Ctx, scope: Scope): void {
    if (Array.isArray(node)) return node.forEach((n) => this.visit(n, ctx, scope));
    if (!isNode(node)) return;
    let out: Ctx = null; // the context the node's own predicates and group see
    switch (node.type as string) {
      case 'path':
        return this.path(node, ctx, scope);
      case 'name':
        return this.path({ type: 'path', steps: [node] } as Node, ctx, scope);
      case 'variable':
        if (node.value === '') {
          this.whole(ctx, '$ used as a value');
          out = ctx;
        } else if (node.value === '$') this.because.add('$$ used as a value');
        else this.variable(String(node.value), scope, true);
        break;
      case 'wildcard':
      case 'descendant':
        this.whole(ctx, `${node.type === 'wildcard' ? '*' : '**'} at the record`);
        break;
      case 'parent':
        this.because.add('% (parent)');
        break;
      case 'function':
      case 'partial':
        this.call(node, ctx, scope, 0);
        break;
      case 'apply': // `x ~> $f(y)`: x becomes $f's first argument
        this.visit(node.lhs, ctx, scope);
        if (isNode(node.rhs) && (node.rhs.type === 'function' || node.rhs.type === 'partial')) this.call(node.rhs, ctx, scope, 1);
        else if (
          isNode(node.rhs) &&
          node.rhs.type === 'variable' &&
          BUILTIN_FUNCTIONS.has(String(node.rhs.value)) &&
          !scope.has(String(node.rhs.value))
        ) {
          // `x ~> $string`: called with x, not with the context
          if (OPAQUE_FUNCTIONS.has(String(node.rhs.value))) this.because.add(`$${String(node.rhs.value)}`);
        } else this.visit(node.rhs, ctx, scope);
        break;
      case 'lambda': {
        // JSONata evaluates a lambda's body against the input where it was defined: walk it there.
        const inner = new Set(scope);
        for (const a of (node.arguments as Node[] | undefined) ?? []) inner.add(String(a.value));
        this.visit(node.body, ctx, inner);
        break;
      }
      case 'block': {
        const inner = new Set(scope);
        for (const e of (node.expressions as Node[] | undefined) ?? []) this.visit(e, ctx, inner);
        break;
      }
      case 'bind': {
        const name = String((node.lhs as Node).value);
        if (isNode(node.rhs) && node.rhs.type === 'lambda') scope.add(name); // it may call itself
        this.visit(node.rhs, ctx, scope);
        scope.add(name);
        break;
      }
      case 'transform': // `| pattern | update, delete |` works on whatever it is applied to
        this.visit([node.pattern, node.update, node.delete], null, scope);
        break;
      case 'sort':
        this.visit(
          ((node.terms as Node[] | undefined) ?? []).map((t) => t.expression),
          ctx,
          scope,
        );
        break;
      case 'string':
      case 'number':
      case 'value':
      case 'regex':
      case 'operator':
        break;
      default: // binary, unary ([…], {…}, -x), condition: parts see the same context
        for (const [k, v] of Object.entries(node))
          if (k !== 'type' && k !== 'value' && k !== 'position' && k !== 'predicate' && k !== 'group') this.visit(v, ctx, scope);
    }
    this.extras(node, out, scope);
  }

  /** Predicates (`x[…]`), stages and a group (`x{…}`) see the items of the node's result. */
  extras(node: Node, ctx: Ctx, scope: Scope): void {
    for (const key of ['predicate', 'stages'] as const) {
      for (const stage of (node[key] as Node[] | undefined) ?? []) {
        if (stage.type === 'filter') this.visit(stage.expr, ctx, scope);
        else if (stage.type === 'index') scope.add(String(stage.value));
      }
    }
    const group = node.group as { lhs?: unknown } | undefined;
    if (group) this.visit(group.lhs, ctx, scope);
  }

  call(node: Node, ctx: Ctx, scope: Scope, chained: number): void {
    const proc = node.procedure as Node | undefined;
    const args = (node.arguments as Node[] | undefined) ?? [];
    if (proc?.type === 'variable' && typeof proc.value === 'string' && proc.value !== '' && proc.value !== '$') {
      const name = proc.value;
      if (scope.has(name) || !BUILTIN_FUNCTIONS.has(name)) this.variable(name, scope, false);
      else if (OPAQUE_FUNCTIONS.has(name)) this.because.add(`$${name}`);
      else if ((CONTEXT_READERS.get(name) ?? 0) > args.length + chained) this.whole(ctx, `$${name}() on the record`);
      else if (ctx) this.paths.add(ctx); // inside a value other built-ins may default to it too: count it read
      this.extras(proc, null, scope);
    } else this.visit(proc, ctx, scope);
    this.visit(args, ctx, scope);
  }

  /** Steps after the first see the items the step before produced. */
  path(node: Node, ctx: Ctx, scope: Scope): void {
    let c: Ctx = ctx;
    const steps = (node.steps as Node[] | undefined) ?? [];
    steps.forEach((step, i) => {
      c = this.step(step, c, scope, i, i === steps.length - 1);
    });
    if (c === '') this.because.add('$ used as a value');
    else if (c) this.paths.add(c);
    this.extras(node, c, scope);
  }

  step(step: Node, c: Ctx, scope: Scope, index: number, last: boolean): Ctx {
    if (step.type === 'name') {
      if (c === null) {
        this.extras(step, null, scope);
        return null;
      }
      if (c === '') this.field(step);
      const p = join(c, String(step.value));
      this.extras(step, p, scope);
      if (typeof step.index === 'string') scope.add(step.index);
      if (typeof step.focus === 'string') {
        // `a@$x`: the items go into $x and the next step sees the step's input again.
        scope.add(step.focus);
        this.paths.add(p);
        return last ? p : c;
      }
      return p;
    }
    if (step.type === 'variable' && (step.value === '' || step.value === '$')) {
      const out = step.value === '' ? c : '';
      this.extras(step, out, scope);
      return out;
    }
    if (step.type === 'sort') {
      this.visit(step, c, scope);
      return c;
    }
    // Anything else (a block, a call, a constructor, a wildcard) observes the value it runs on.
    if (index > 0 && c) this.paths.add(c);
    this.visit(step, c, scope);
    return null;
  }
}

const cache = new Map<string, ExpressionAnalysis>();
const CACHE_MAX = 2000;

export function analyze(source: string): ExpressionAnalysis {
  const hit = cache.get(source);
  if (hit) return hit;
  const ast = parse(source);
  let out: ExpressionAnalysis;
  if (ast instanceof Error) {
    const error = { message: ast.message, code: ast.code, ...(ast.position !== undefined ? { position: ast.position } : {}) };
    out = {
      ok: false,
      errors: [error],
      readsAll: true,
      readsAllBecause: ['does not parse'],
      fields: [],
      paths: [],
      variables: [],
      names: [],
    };
  } else {
    const w = new Walker(source);
    w.visit(ast as unknown as Node, '', new Set());
    const paths = [...w.paths];
    // Every record path starts at a named field, so the names are the fields (a dotted name stays whole).
    w.names.sort((a, b) => a.start - b.start);
    const fields = [...new Set(w.names.map((n) => n.field))];
    out = {
      ok: true,
      errors: [],
      readsAll: w.because.size > 0,
      readsAllBecause: [...w.because],
      fields,
      paths,
      variables: [...w.variables],
      names: w.names,
    };
  }
  Object.freeze(out);
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(source, out);
  return out;
}
