import type { TlpLevel } from '../options.js';

/**
 * The TLP marking-definition objects STIX 2.1 predefines (section 7.2.1.4): fixed ids, fixed
 * `created`, to be referenced, never redefined. Consumers recognise them by id.
 */
const TLP_IDS: Record<TlpLevel, string> = {
  white: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
  green: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
  amber: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  red: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
};

export function tlpMarkingId(level: TlpLevel): string {
  return TLP_IDS[level];
}

export function tlpMarkingDefinition(level: TlpLevel) {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP_IDS[level],
    created: '2017-01-20T00:00:00.000Z',
    definition_type: 'tlp',
    name: `TLP:${level.toUpperCase()}`,
    definition: { tlp: level },
  };
}
