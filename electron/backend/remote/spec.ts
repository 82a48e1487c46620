/**
 * The AuroraAI recommender spec (bundled in resources/auroraai) as answer validators. The spec
 * refers to three documents it does not include (attributes.json, municipality_code.json and
 * PTV's v11 swagger); the stand-ins below follow the spec's examples and PTV's published area
 * shape, and are kept as loose as those allow, so that only what the spec itself says is enforced.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { METERS } from '../../../shared/model';
import { resourcesDir } from '../resources';

export type SpecSchema = 'RecommendServiceInput' | 'RecommendServiceOutput' | 'TextSearchInput' | 'TextSearchOutput';

let cached: Record<SpecSchema, ValidateFunction> | undefined;

/** Validators of the spec bundled with the app (read once). */
export function specValidators(): Record<SpecSchema, ValidateFunction> {
  cached ??= validatorsFor(path.join(resourcesDir(), 'auroraai', 'recommender-openapi.json'));
  return cached;
}

/** Validators of the spec at `specFile` (the tests use the published copy in ../shared/data). */
export function validatorsFor(specFile: string): Record<SpecSchema, ValidateFunction> {
  const spec = JSON.parse(fs.readFileSync(specFile, 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const base = 'https://auroraai.invalid/spec/';
  ajv.addSchema({ ...spec, $id: `${base}openapi.json` });
  ajv.addSchema({
    $id: `${base}attributes.json`,
    type: 'object',
    properties: {
      age: { type: 'integer' },
      municipality_code: { $ref: 'municipality_code.json' },
      life_situation_meters: {
        type: 'object',
        properties: Object.fromEntries(METERS.map((m) => [m, { type: 'array', items: { type: 'integer', minimum: 0, maximum: 10 } }])),
        additionalProperties: false,
      },
    },
  });
  ajv.addSchema({ $id: `${base}municipality_code.json`, type: 'string', pattern: '^[0-9]{3}$' });
  ajv.addSchema({
    $id: 'https://api.palvelutietovaranto.suomi.fi/swagger/v11/swagger.json',
    components: {
      schemas: {
        VmOpenApiArea: {
          type: 'object',
          required: ['type', 'code'],
          properties: {
            type: { type: 'string' },
            code: { type: 'string' },
            name: { type: 'array', items: { type: 'object', required: ['language', 'value'], properties: { language: { type: 'string' }, value: { type: 'string' } } } },
            municipalities: { type: 'array' },
          },
        },
      },
    },
  });
  const get = (name: SpecSchema) => {
    const v = ajv.getSchema(`${base}openapi.json#/components/schemas/${name}`);
    if (!v) throw new Error(`The bundled AuroraAI spec has no schema ${name}.`);
    return v;
  };
  return {
    RecommendServiceInput: get('RecommendServiceInput'),
    RecommendServiceOutput: get('RecommendServiceOutput'),
    TextSearchInput: get('TextSearchInput'),
    TextSearchOutput: get('TextSearchOutput'),
  };
}

/** The first few spec violations in words ("/recommended_services/0: must have required property 'service_id'"). */
export function describeViolations(errors: ErrorObject[] | null | undefined, max = 3): string {
  const list = (errors ?? []).slice(0, max).map((e) => `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}`);
  const more = (errors?.length ?? 0) - list.length;
  return list.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}
