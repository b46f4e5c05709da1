import { describe, expect, it } from '@jest/globals';
import { componentTypes, fieldTypes, formatIssues, nodeTypes, triggerTypes, validateDefinition, type Component } from '../src/index';
import { fullApp, typeFixtures, type Loose } from './fixture';

/** Validates the fixture after `mutate` and returns the issues as "pointer: message" lines. */
function errorsAfter(mutate: (d: Loose) => void): string[] {
  const d = fullApp();
  mutate(d);
  const r = validateDefinition(d);
  return r.ok ? [] : formatIssues(r.errors).split('\n');
}

describe('validateDefinition: the full fixture', () => {
  it('is valid, applies defaults and does not touch the input', () => {
    const input = fullApp();
    const before = JSON.stringify(input);
    const r = validateDefinition(input);
    if (!r.ok) throw new Error(formatIssues(r.errors));
    expect(JSON.stringify(input)).toBe(before);
    expect(r.definition.entities[0].fields[0]).toEqual({
      id: 'name',
      type: 'text',
      required: true,
      unique: true,
      maxLength: 200,
      hidden: false,
      indexed: false,
      readOnly: false,
    });
    expect(r.definition.entities[2].indexes).toEqual([]);
    expect(r.definition.workflows[0].enabled).toBe(true);
    expect(r.definition.workflows[0].nodes[4].position).toEqual({ x: 0, y: 0 });
  });

  it('every type folder brings a fixture of its type (assembled into the full app)', () => {
    const kinds = { field: fieldTypes, component: componentTypes, node: nodeTypes, trigger: triggerTypes } as const;
    for (const [kind, registry] of Object.entries(kinds)) {
      const types = typeFixtures(kind as keyof typeof kinds).map(({ fixture }) => (kind === 'field' ? fixture.field.type : fixture.type));
      expect(types.sort()).toEqual(registry.types().sort());
    }
  });

  it('uses every field, component, trigger and node type', () => {
    const d = fullApp();
    const components: string[] = [];
    const walk = (list: Component[]) => list.forEach((c: Loose) => (components.push(c.type), walk(c.children ?? [])));
    d.pages.forEach((p: Loose) => walk(p.components));
    const used = (values: string[]) => [...new Set(values)].sort();
    expect(used(d.entities.flatMap((e: Loose) => e.fields.map((f: Loose) => f.type)))).toEqual(fieldTypes.types().sort());
    expect(used(components)).toEqual(componentTypes.types().sort());
    expect(used(d.workflows.map((w: Loose) => w.trigger.type))).toEqual(triggerTypes.types().sort());
    expect(used(d.workflows.flatMap((w: Loose) => (w.nodes ?? []).map((n: Loose) => n.type)))).toEqual(nodeTypes.types().sort());
  });

  it('refuses what is not an object', () => {
    expect(validateDefinition([])).toEqual({ ok: false, errors: [{ pointer: '', message: 'an app definition must be a JSON object' }] });
  });
});

describe('validateDefinition: schema errors', () => {
  it('reports wrong types', () => {
    expect(
      errorsAfter((d) => {
        d.name = 5;
        d.entities[0].fields[0].maxLength = 'x';
        d.entities[0].label = 5;
      }),
    ).toEqual(['/name: must be string', '/entities/0/label: must be string or object', '/entities/0/fields/0/maxLength: must be integer']);
  });

  it('reports unknown properties with a suggestion', () => {
    expect(
      errorsAfter((d) => {
        d.entities[0].fields[0].maxLen = 3;
        d.extra = true;
      }),
    ).toEqual(['/extra: unknown property "extra"', '/entities/0/fields/0/maxLen: unknown property "maxLen" (did you mean "maxLength"?)']);
  });

  it('names the kind and the allowed values of an unknown type', () => {
    expect(
      errorsAfter((d) => {
        d.entities[0].fields[0].type = 'strng';
        d.pages[0].components[0].type = 'txt';
      }),
    ).toEqual([
      `/entities/0/fields/0/type: unknown field type "strng" (expected one of ${fieldTypes.types().join(', ')})`,
      `/pages/0/components/0/type: unknown component type "txt" (did you mean "text"?) (expected one of ${componentTypes.types().join(', ')})`,
    ]);
    expect(
      errorsAfter((d) => {
        d.workflows[0].nodes[0].type = 'record.fnd';
      }),
    ).toEqual([
      expect.stringMatching(
        /^\/workflows\/0\/nodes\/0\/type: unknown node type "record.fnd" \(did you mean "record.find"\?\) \(expected one of connector, /,
      ),
    ]);
  });

  it.each(['first name', '$where', 'a.b', '1st', 'x'.repeat(65)])('refuses the field id %j', (id) => {
    const [first, ...rest] = errorsAfter((d) => {
      d.entities[0].fields[0].id = id;
    });
    expect(first).toBe(
      `/entities/0/fields/0/id: ${JSON.stringify(id)} is not a valid identifier (a letter, then letters, digits or _; at most 64 characters)`,
    );
    // In the same answer: what pointed at the field by its old id (reference errors come with schema errors).
    expect(rest.length).toBeGreaterThan(0);
    for (const line of rest) expect(line).toMatch(/unknown field "name" on entity "company"/);
  });

  it('refuses filter operators outside the closed set', () => {
    expect(
      errorsAfter((d) => {
        d.segments[0].filter = { $where: 'sleep(1)', amount: { $function: 'x' } };
      }),
    ).toEqual([
      '/segments/0/filter/$where: unsupported operator "$where" (allowed: $and, $or)',
      '/segments/0/filter/amount/$function: unsupported operator "$function" (allowed: $eq, $ne, $gt, $gte, $lt, $lte, $in, $nin, $exists, $regex, $options, $not)',
    ]);
  });

  it('lists allowed enum values', () => {
    expect(
      errorsAfter((d) => {
        d.entities[0].permissions[0].rows = 'mine';
      }),
    ).toEqual(['/entities/0/permissions/0/rows: must be one of "own", "team", "all"']);
  });

  it('reports missing properties at the object', () => {
    expect(
      errorsAfter((d) => {
        delete d.entities[0].fields[0].id;
        delete d.workflows[0].nodes[0].type;
      }),
    ).toEqual(['/entities/0/fields/0: missing required property "id"', '/workflows/0/nodes/0: missing required property "type"']);
  });

  it('refuses children on a component that takes none and a bad app id', () => {
    expect(
      errorsAfter((d) => {
        d.pages[1].components[1].children = [];
        d.id = 'B2B';
      }),
    ).toEqual([
      '/id: "B2B" is not a valid app id (lowercase letters, digits and -, starting with a letter; 2-63 characters)',
      '/pages/1/components/1/children: unknown property "children"',
    ]);
  });

  it('reports every error together', () => {
    const errors = errorsAfter((d) => {
      d.name = '';
      d.entities[1].fields[0].type = 'strng';
      d.pages[0].route = 'no-slash';
      d.workflows[0].edges[0].foo = 1;
      d.connections[0].connector = 'http';
    });
    expect(errors).toEqual([
      '/name: must NOT have fewer than 1 characters',
      expect.stringMatching(/^\/entities\/1\/fields\/0\/type: unknown field type "strng"/),
      '/connections/0/connector: "http" is not a connector reference ("name@range", like "http@^1.0.0")',
      '/pages/0/route: "no-slash" is not a valid route (like "/", "/deals" or "/deals/:id")',
      '/workflows/0/edges/0/foo: unknown property "foo"',
    ]);
  });
});

describe('validateDefinition: semantic errors', () => {
  it('reports duplicate ids with the first occurrence', () => {
    expect(
      errorsAfter((d) => {
        d.entities[2].fields[1].id = 'title';
        d.pages[1].components[0].id = 'intro';
        d.workflows[0].nodes[1].id = 'findCompany';
        d.roles[2].id = 'rep';
      }),
    ).toEqual(
      expect.arrayContaining([
        '/entities/2/fields/1/id: duplicate field id "title" (first used at /entities/2/fields/0)',
        '/roles/2/id: duplicate role id "rep" (first used at /roles/1)',
        '/pages/1/components/0/id: duplicate component id "intro" (first used at /pages/0/components/0)',
        '/workflows/0/nodes/1/id: duplicate node id "findCompany" (first used at /workflows/0/nodes/0)',
      ]),
    );
  });

  it('reports dangling references', () => {
    expect(
      errorsAfter((d) => {
        d.entities[1].fields[8].to = 'compny';
        d.pages[1].components[1].props.columns[0].field = 'titel';
        d.workflows[0].edges[0].target = 'nowhere';
        d.navigation[0].page = 'home';
        d.entities[0].permissions[0].role = 'intern';
      }),
    ).toEqual([
      '/entities/1/fields/8/to: unknown entity "compny" (did you mean "company"?)',
      '/entities/0/permissions/0/role: unknown role "intern"',
      '/pages/1/components/1/props/columns/0/field: unknown field "titel" on entity "deal" (did you mean "title"?)',
      '/navigation/0/page: unknown page "home"',
      '/workflows/0/edges/0/target: unknown node "nowhere"',
    ]);
  });

  it('checks rollups, owner fields, indexes, sources, connections and form inputs', () => {
    expect(
      errorsAfter((d) => {
        d.entities[0].fields[7].via = 'title';
        d.entities[0].ownerField = 'employees';
        d.entities[1].indexes[0].fields[0] = 'fullName';
        d.pages[0].components[2].source.connection = 'crm';
        d.pages[3].components[0].props.fields.push({ field: 'fullName' });
        d.pages[1].components[0].source.filter = { stge: 'won' };
      }),
    ).toEqual([
      '/entities/0/fields/7/via: "title" must be a relation field of "deal" pointing to "company"',
      '/entities/0/ownerField: ownerField "employees" must be a text or relation field, not number',
      '/entities/1/indexes/0/fields/0: computed field "fullName" is not stored and cannot be indexed',
      '/pages/0/components/2/source/connection: unknown connection "crm" (declare it in connections)',
      '/pages/1/components/0/source/filter/stge: unknown field "stge" on entity "deal" (did you mean "stage"?)',
      '/pages/3/components/0/props/fields/3/field: field "fullName" is a computed field and cannot be written',
    ]);
  });

  it('checks workflow handles and cycles', () => {
    expect(
      errorsAfter((d) => {
        d.workflows[0].edges[1].sourceHandle = 'yes';
        d.workflows[0].edges.push({ id: 'back', source: 'sync', target: 'findCompany' });
      }),
    ).toEqual([
      '/workflows/0/edges/1/sourceHandle: unknown handle "yes" of node "isBig" (expected one of true, false)',
      '/workflows/0/edges/6: edge "back" closes a cycle (use a forEach node to loop)',
    ]);
  });

  it('reports expressions that do not parse, with the position', () => {
    expect(
      errorsAfter((d) => {
        d.entities[1].fields[11].expression.$expr = 'firstName & & lastName';
      }),
    ).toEqual([
      '/entities/1/fields/11/expression/$expr: expression does not parse: The symbol "&" cannot be used as a unary operator (at position 13)',
    ]);
  });

  it('reports computed fields that depend on each other', () => {
    const at = fullApp().entities[1].fields.length; // where "a" lands (type folders' fixtures add fields)
    expect(
      errorsAfter((d) => {
        d.entities[1].fields.push(
          { id: 'a', type: 'computed', expression: { $expr: 'b & "!"' } },
          { id: 'b', type: 'computed', expression: { $expr: 'a' } },
        );
      }),
    ).toEqual([`/entities/1/fields/${at}/expression: computed fields form a cycle: a -> b -> a`]);
  });

  it('checks tabs children and embedded JSON Schemas', () => {
    expect(
      errorsAfter((d) => {
        d.pages[2].components[0].children.pop();
        d.entities[1].fields[9].schema = { type: 'object', properties: { x: { type: 'strnig' } } };
      }),
    ).toEqual([
      '/pages/2/components/0/children: tabs has 2 labels but 1 children (one child per tab)',
      expect.stringMatching(/^\/entities\/1\/fields\/9\/schema: invalid JSON Schema: /),
    ]);
  });
});

describe('validateDefinition: schemaVersion', () => {
  it.each([
    [undefined, 'missing schemaVersion (the current version is 1)'],
    [2, 'schemaVersion 2 is newer than this platform supports (1); upgrade Tessera to open it'],
  ])('refuses %p', (version, message) => {
    expect(
      errorsAfter((d) => {
        d.schemaVersion = version;
      }),
    ).toEqual([`/schemaVersion: ${message}`]);
  });
});
