import { UsageError } from '../../core/index.js';
import type { QueryNode } from './ast.js';

/*
 * Hand-written because the query language is ours: users type `"El Chapo" AND (Juarez OR CDJ)
 * NOT cartel*`, and each backend (FTS5, PostgreSQL tsquery) needs it rendered safely in its own
 * syntax. Parsing to an AST first means no user text ever reaches a backend's query grammar
 * unquoted.
 */

type Token =
  | { kind: 'word'; value: string; prefix: boolean; offset: number }
  | { kind: 'phrase'; value: string; offset: number }
  | { kind: 'and' | 'or' | 'not' | 'open' | 'close'; offset: number };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'open' : 'close', offset: i });
      i++;
      continue;
    }
    if (ch === '"' || ch === '“' || ch === '”') {
      const start = i;
      i++;
      let value = '';
      while (i < input.length && input[i] !== '"' && input[i] !== '”' && input[i] !== '“') {
        value += input[i];
        i++;
      }
      if (i >= input.length) {
        throw new UsageError('INVALID_QUERY', `Unclosed quotation mark at character ${start + 1}`, {
          hint: 'Close the phrase with a second " or remove the first one.',
        });
      }
      i++;
      if (value.trim()) tokens.push({ kind: 'phrase', value: value.trim(), offset: start });
      continue;
    }
    if (ch === '-' && tokens.length > 0 && (i === 0 || /\s/.test(input[i - 1] ?? ' '))) {
      tokens.push({ kind: 'not', offset: i });
      i++;
      continue;
    }
    const start = i;
    let word = '';
    while (i < input.length && !/[\s()"“”]/.test(input[i]!)) {
      word += input[i];
      i++;
    }
    if (word === 'AND' || word === 'OR' || word === 'NOT') {
      tokens.push({ kind: word === 'AND' ? 'and' : word === 'OR' ? 'or' : 'not', offset: start });
      continue;
    }
    const prefix = word.endsWith('*');
    const value = word.replace(/\*+$/, '');
    // A word made only of punctuation matches nothing in a unicode61-style index.
    if (/[\p{L}\p{N}]/u.test(value)) tokens.push({ kind: 'word', value, prefix, offset: start });
  }
  return tokens;
}

class Parser {
  private position = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly source: string,
  ) {}

  parse(): QueryNode {
    const node = this.parseOr();
    const extra = this.tokens[this.position];
    if (extra) this.fail(`Unexpected ${describe(extra)}`, extra.offset);
    return node;
  }

  private parseOr(): QueryNode {
    const children = [this.parseAnd()];
    while (this.peek()?.kind === 'or') {
      this.position++;
      children.push(this.parseAnd());
    }
    return children.length === 1 ? children[0]! : { type: 'or', children };
  }

  private parseAnd(): QueryNode {
    const children = [this.parseNot()];
    for (;;) {
      const next = this.peek();
      if (!next || next.kind === 'or' || next.kind === 'close') break;
      if (next.kind === 'and') this.position++;
      children.push(this.parseNot());
    }
    return children.length === 1 ? children[0]! : { type: 'and', children };
  }

  private parseNot(): QueryNode {
    let node = this.parseUnary();
    while (this.peek()?.kind === 'not') {
      this.position++;
      node = { type: 'not', include: node, exclude: this.parseUnary() };
    }
    return node;
  }

  private parseUnary(): QueryNode {
    const token = this.tokens[this.position];
    if (!token) return this.fail('The query ends where a word was expected', this.source.length);
    this.position++;
    switch (token.kind) {
      case 'word':
        return { type: 'term', value: token.value, prefix: token.prefix };
      case 'phrase':
        return { type: 'phrase', value: token.value };
      case 'open': {
        const inner = this.parseOr();
        const close = this.tokens[this.position];
        if (close?.kind !== 'close') return this.fail('Unclosed parenthesis', token.offset);
        this.position++;
        return inner;
      }
      default:
        return this.fail(`Unexpected ${describe(token)}`, token.offset);
    }
  }

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private fail(message: string, offset: number): never {
    throw new UsageError('INVALID_QUERY', `${message} at character ${offset + 1} of the query`, {
      hint: 'Use words, "phrases", AND, OR, NOT (after another term), prefix* and parentheses.',
    });
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'and':
    case 'or':
    case 'not':
      return token.kind.toUpperCase();
    case 'open':
      return '"("';
    case 'close':
      return '")"';
    default:
      return 'word';
  }
}

/** Parses a user's search query; throws a UsageError (code INVALID_QUERY) naming the position. */
export function parseQuery(input: string): QueryNode {
  const tokens = tokenize(input);
  if (tokens.length === 0) {
    throw new UsageError('INVALID_QUERY', 'The search query has no words in it', {
      hint: 'Type at least one word to search for.',
    });
  }
  if (tokens[0]!.kind === 'not') {
    throw new UsageError('INVALID_QUERY', 'A query cannot start with NOT', {
      hint: 'Say what to find first, then what to leave out: `cartel NOT Sinaloa`.',
    });
  }
  return new Parser(tokens, input).parse();
}
