/**
 * Word lists the name rules read, folded (lower case, no accents). Kept as comma lists so a
 * reader can scan them; one entry may hold several words.
 */
const list = (text: string): Set<string> =>
  new Set(
    text
      .split(',')
      .map((entry) => entry.trim().replace(/\s+/g, ' '))
      .filter(Boolean),
  );

/** Titles that precede a person's name and are not part of it (English and Spanish). */
export const TITLES = list(`
  mr, mrs, ms, miss, dr, sr, sra, srta, don, dona, lic, licenciado, licenciada, ing, ingeniero,
  president, president elect, presidente, presidenta, vice president, vicepresidente, gov, governor,
  gobernador, gobernadora, general, gen, gral, col, colonel, coronel, capt, captain, capitan, lt,
  lieutenant, sgt, sergeant, commander, comandante, adm, admiral, almirante, secretary, secretario,
  secretaria, senator, sen, senador, senadora, rep, representative, congressman, congresswoman,
  diputado, diputada, mayor, alcalde, alcaldesa, attorney general, judge, juez, jueza, agent,
  special agent, agente, director, directora, minister, ministro, ministra, ambassador, embajador,
  embajadora, prosecutor, fiscal, sheriff, chief, officer, deputy, prof, professor, profesor,
  father, padre, bishop, obispo
`);

/** Name particles: kept in display, skipped when comparing token sets or building acronyms. */
export const PARTICLES = list(`
  de, la, del, las, los, y, e, da, das, do, dos, di, du, van, von, der, den, le, of, and, the, el,
  for, on, in, at, en
`);

/**
 * Country words an organisation's name may or may not carry ("U.S. Immigration and Customs
 * Enforcement" = "Immigration and Customs Enforcement"), as folded leading word sequences.
 */
export const COUNTRY_PREFIXES = ['u s', 'us', 'united states', 'usa'];

/** Words that name a group as a cartel (see names.ts, cartelCoreKey). */
export const CARTEL_WORDS = list(`cartel, cartels, carteles`);

/** Words that only qualify a cartel ("the Sinaloa drug cartel"), set aside with it. */
export const CARTEL_QUALIFIERS = list(`drug, drugs, trafficking, criminal, narco`);
