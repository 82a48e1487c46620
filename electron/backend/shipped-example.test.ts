import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildExample, EXAMPLE_OUT, exampleFileText, HAS_EXAMPLE_DATA } from '../../resources/examples/example';
import { EXAMPLE_DATA_FILE, ExampleDataSchema, readExampleData } from '../../resources/examples/example-data';

describe('the built-in example workspace and its hand-entered data', () => {
  it('validates its hand-entered data file', () => {
    const data = readExampleData();
    expect(Object.keys(data.needs)).toHaveLength(12);
    expect(data.services).toHaveLength(50);
    expect(data.personas).toHaveLength(5);
  });

  it('refuses a data file that names an organisation, need or channel it does not have', () => {
    const raw = JSON.parse(fs.readFileSync(EXAMPLE_DATA_FILE, 'utf8'));
    raw.services[0].providers = [['no-such-org', 'responsible']];
    raw.services[1].channels = ['no-such-channel'];
    raw.personas[0].needs.push(['no-such-need', 3]);
    const result = ExampleDataSchema.safeParse(raw);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/unknown organisation no-such-org/),
        expect.stringMatching(/unknown channel no-such-channel/),
        expect.stringMatching(/unknown need no-such-need/),
      ]),
    );
  });

  it.skipIf(!HAS_EXAMPLE_DATA)(
    'rebuilds from ../shared/data through the app importer to exactly the committed file',
    async () => {
      const rebuilt = await buildExample();
      const committed = fs.readFileSync(EXAMPLE_OUT, 'utf8');
      // Readable differences first, then the bytes.
      const parsed = JSON.parse(committed);
      expect(rebuilt.entities).toEqual(parsed.entities);
      expect(rebuilt.links).toEqual(parsed.links);
      expect(exampleFileText(rebuilt)).toBe(committed);
    },
    120_000,
  );
});
