import { resolve } from 'node:path';
import { redactUrl } from './connection.js';

/**
 * Names a store the same way on every machine, without its password: a PostgreSQL URL as given
 * (password masked), a SQLite file by its absolute path. Jobs carry it so that a worker serving
 * another store refuses them instead of filling the wrong case.
 */
export function storeLabel(location: string): string {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    const url = new URL(redactUrl(location));
    url.protocol = 'postgres:';
    if (!url.port) url.port = '5432';
    return url.toString();
  }
  const path = location.replace(/^sqlite:/i, '');
  return path === ':memory:' ? path : resolve(path);
}
