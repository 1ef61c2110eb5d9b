import { TLP_LEVELS, type TlpLevel } from '../../core/index.js';

/**
 * The TLP 2.0 marking-definition objects OASIS publishes for STIX 2.1 (cti-stix-common-objects,
 * extension-definition-specifications/tlp-2.0): fixed ids, fixed `created`, the level in a
 * property extension. Consumers (OpenCTI, MISP) recognise them by id, so they are referenced
 * verbatim, never minted. STIX 2.1 itself predefines only TLP 1.0 (no AMBER+STRICT, WHITE for
 * CLEAR), which cannot carry Crosscheck's five levels.
 */
const TLP_2_EXTENSION = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

const TLP_2_IDS: Record<TlpLevel, string> = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

export function tlpMarkingId(level: TlpLevel): string {
  return TLP_2_IDS[level];
}

/** The level a marking-definition id stands for (TLP 2.0 or the STIX-predefined TLP 1.0). */
export function tlpOfMarkingId(id: string): TlpLevel | null {
  const tlp1: Record<string, TlpLevel> = {
    'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': 'CLEAR',
    'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': 'GREEN',
    'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': 'AMBER',
    'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': 'RED',
  };
  return TLP_LEVELS.find((level) => TLP_2_IDS[level] === id) ?? tlp1[id] ?? null;
}

export function tlpMarkingDefinition(level: TlpLevel) {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP_2_IDS[level],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${level}`,
    extensions: {
      [TLP_2_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: level.toLowerCase() },
    },
  };
}
