import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/**
 * The official OASIS STIX 2.1 JSON schemas (draft 2020-12), read in place from the shared vendor
 * folder and compiled with ajv; `$ref`s resolve through each file's `$id`. Test support only:
 * the schemas are non-normative, and the exporter does not need them at run time.
 */
const SCHEMA_BASE =
  'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';

// ajv-formats is CommonJS with a default export; under NodeNext its callable sits on `.default`.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

export function loadStixSchemas(vendorDir: string) {
  const root = resolve(vendorDir, 'schemas');
  // The schemas use `definitions` and open-vocabulary notes that ajv's strict mode rejects, and
  // patterns such as `\-` that are invalid under the `u` flag ajv adds by default.
  const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  for (const folder of ['common', 'observables', 'sdos', 'sros']) {
    for (const file of readdirSync(join(root, folder)).filter((f) => f.endsWith('.json'))) {
      ajv.addSchema(JSON.parse(readFileSync(join(root, folder, file), 'utf8')));
    }
  }
  const cache = new Map<string, ValidateFunction>();
  const validator = (path: string): ValidateFunction => {
    let validate = cache.get(path);
    if (!validate) {
      validate = ajv.getSchema(`${SCHEMA_BASE}${path}`);
      if (!validate) throw new Error(`No STIX schema ${path}`);
      cache.set(path, validate);
    }
    return validate;
  };
  const objectSchema: Record<string, string> = {
    identity: 'sdos/identity.json',
    location: 'sdos/location.json',
    report: 'sdos/report.json',
    note: 'sdos/note.json',
    opinion: 'sdos/opinion.json',
    relationship: 'sros/relationship.json',
    sighting: 'sros/sighting.json',
    'marking-definition': 'common/marking-definition.json',
  };
  /** Errors of one object against its type's schema, as readable strings (empty when valid). */
  const checkObject = (object: { type: string }): string[] => {
    const path = objectSchema[object.type];
    if (!path) return [`no schema mapped for type ${object.type}`];
    const validate = validator(path);
    const { type } = object;
    return validate(object)
      ? []
      : (validate.errors ?? []).map((e) => `${type} ${e.instancePath} ${e.message}`);
  };
  /**
   * The OASIS bundle.json (at the vendored commit) leaves note, opinion, location, grouping,
   * incident and malware-analysis out of its list of types, and its fallback for custom objects
   * (`oneOf` core / cyber-observable-core) matches both branches for them, so it rejects every
   * valid object of those types. The bundle is therefore checked with the types it lists; the
   * others are checked against their own schemas by `checkObject`.
   */
  const bundleSchema = JSON.parse(readFileSync(join(root, 'common', 'bundle.json'), 'utf8')) as {
    properties: { objects: { items: { anyOf: [{ oneOf: Array<{ $ref: string }> }] } } };
  };
  const listed = new Set(
    bundleSchema.properties.objects.items.anyOf[0].oneOf.map((s) =>
      s.$ref.replace(/^.*\//, '').replace(/\.json$/, ''),
    ),
  );
  const checkBundle = (bundle: { objects: Array<{ type: string }> }): string[] => {
    const validate = validator('common/bundle.json');
    const envelope = { ...bundle, objects: bundle.objects.filter((o) => listed.has(o.type)) };
    return validate(envelope)
      ? []
      : (validate.errors ?? []).slice(0, 10).map((e) => `bundle ${e.instancePath} ${e.message}`);
  };
  return { checkObject, checkBundle };
}
