import * as fs from 'fs';
import * as path from 'path';
import { checkProps } from '../lib/core/shape';

// scripts/gen-props.js is the one place props turn into run-time shapes
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generate, names, shapesOf } = require('../scripts/gen-props.js');

describe('props declared once: shapes generated from the interfaces', () => {
  test('each TypeScript type and doc tag maps to its shape', () => {
    // GIVEN the fixture interface
    const file = path.join('test', 'fixtures', 'props-fixture.ts');

    // WHEN
    const shapes = shapesOf([[file, 'FixtureProps']]);

    // THEN every prop, in declaration order, with its bounds
    expect(shapes.FixtureProps).toEqual({
      t: 'object',
      fields: {
        name: { shape: { t: 'string', max: 20 }, required: true },
        count: { shape: { t: 'integer' } },
        ratio: { shape: { t: 'number' } },
        mode: { shape: { t: 'string', max: 253 } },
        kind: { shape: { t: 'enum', values: ['x', 'y'] } },
        options: { shape: { t: 'record', values: { t: 'string', max: 253 }, max: 3, keys: 'jvmKey' } },
        nested: {
          shape: {
            t: 'object',
            fields: {
              on: { shape: { t: 'boolean' }, required: true },
              tags: { shape: { t: 'array', items: { t: 'string', max: 253 }, max: 1000 } },
            },
          },
        },
        raw: { shape: { t: 'json', max: 10000 } },
        things: { shape: { t: 'array', items: { t: 'plain', what: 'ThingOptions { id, ... }' }, max: 5 } },
        either: {
          shape: {
            t: 'union',
            options: [
              { t: 'enum', values: ['none'] },
              {
                t: 'object',
                fields: {
                  type: { shape: { t: 'string', max: 253 }, required: true },
                  a: { shape: { t: 'string', max: 253 } },
                  b: { shape: { t: 'boolean' } },
                },
              },
            ],
          },
        },
        value: { shape: { t: 'scalar' } },
      },
    });
  });

  test('a prop of an interface is checked at run time without a second declaration', () => {
    // GIVEN a JavaScript caller's node pool with a typo, a string count and a float node ID
    const raw = { roles: ['broker'], replica: 3, replicas: '3', nodeIds: [1.5], storage: {} };

    // WHEN
    const { findings } = checkProps(raw, 'NodePoolOptions', { Storage: { test: () => false, what: 'a Storage' } });

    // THEN each mistake is named by its field, as the interface spells it
    expect(findings.map((f) => `${f.rule.id} ${f.field}: ${f.message}`)).toEqual([
      'prop-unknown replica: no such prop; it would be ignored',
      'prop-type replicas: a string, not an integer',
      'prop-type storage: an object, not a Storage',
      'prop-type nodeIds[0]: a number, not an integer',
    ]);
  });

  test('the committed shapes are what the interfaces generate (npm run props)', () => {
    // GIVEN / WHEN the shapes generated from today's interfaces
    const text: string = generate();

    // THEN they are the committed file, byte for byte
    expect(text).toBe(fs.readFileSync(path.join(__dirname, '..', 'lib', 'core', 'props-shapes.json'), 'utf8'));
    expect(names()).toBe(fs.readFileSync(path.join(__dirname, '..', 'lib', 'core', 'props-names.ts'), 'utf8'));
  });
});
