/** Queries a user of this corpus would type: names, places, phrases, booleans, prefixes. */
export const QUERIES = [
  'Juarez',
  'Culiacán',
  'cartel',
  '"Ciudad Juárez"',
  'DEA AND Sinaloa',
  'Zetas OR Golfo',
  'shipment NOT cocaine',
  'negoci*',
  'secretaria',
  'informant',
  '"Fast and Furious"',
  'Chihuahua AND (agents OR agentes)',
];
