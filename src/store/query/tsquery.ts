import type { QueryNode } from './ast.js';

export const TS_CONFIG = 'crosscheck_fold';

/**
 * crosscheck_fold without the English and Spanish stopwords (migrations.ts): a phrase in it keeps
 * its words' distances but not the stopwords themselves, so "Ciudad de México" becomes
 * ciudad <2> mexico. A superset of the phrase's matches, for the ranked index to read.
 */
export const TS_CANDIDATE_CONFIG = 'crosscheck_fold_candidates';

/**
 * Renders a query AST to a PostgreSQL tsquery *expression* with every user word passed as a bound
 * parameter: words and phrases go through phraseto_tsquery (so "U.S." becomes u <-> s exactly as
 * it was indexed); prefixes are built as quoted lexemes with `:*`. Parameters start at $offset+1.
 *
 * With `candidates`, the expression matches a superset of the query's matches that costs the
 * index far less: phrases lose their stopwords. A stopword is in half the documents, and the index
 * reads its every position to place the phrase (150 ms instead of 24 to rank "Ciudad de México" in
 * 100,000 documents). A phrase of stopwords alone stays as it is; so does what a NOT excludes,
 * since excluding less would match more than the query.
 */
export function toTsQuery(node: QueryNode, params: unknown[], candidates = false): string {
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const phrase = (text: string) => {
    const value = bind(text);
    const exact = `phraseto_tsquery('${TS_CONFIG}', ${value})`;
    if (!candidates) return exact;
    const loose = `phraseto_tsquery('${TS_CANDIDATE_CONFIG}', ${value})`;
    return `(CASE WHEN numnode(${loose}) > 0 THEN ${loose} ELSE ${exact} END)`;
  };
  switch (node.type) {
    case 'term':
      if (node.prefix) {
        const words = node.value.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
        const lexemes = words.map((w) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`);
        return `to_tsquery('${TS_CONFIG}', ${bind(`${lexemes.join(' <-> ')}:*`)})`;
      }
      return phrase(node.value);
    case 'phrase':
      return phrase(node.value);
    case 'and':
      return `(${node.children.map((c) => toTsQuery(c, params, candidates)).join(' && ')})`;
    case 'or':
      return `(${node.children.map((c) => toTsQuery(c, params, candidates)).join(' || ')})`;
    case 'not':
      return `(${toTsQuery(node.include, params, candidates)} && !!${toTsQuery(node.exclude, params)})`;
  }
}

/** Whether the query holds a quoted phrase anywhere (a NOT's excluded part included). */
export function hasPhrase(node: QueryNode): boolean {
  switch (node.type) {
    case 'term':
      return false;
    case 'phrase':
      return true;
    case 'and':
    case 'or':
      return node.children.some(hasPhrase);
    case 'not':
      return hasPhrase(node.include) || hasPhrase(node.exclude);
  }
}
