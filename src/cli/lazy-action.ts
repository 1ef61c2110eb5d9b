import type { Output } from './context.js';

/** A command's implementation: where to print, then what commander passes to an action. */
export type ActionHandler<A extends unknown[]> = (
  output: Output,
  ...args: A
) => Promise<void> | void;

/**
 * The action of a declared command, imported only when that command runs. Declaring every
 * command stays cheap (help and parsing need only the declarations), and each command loads just
 * the stages it uses: `crosscheck search` never loads the queue, the server or the extractors.
 */
export function lazyAction<A extends unknown[]>(
  output: Output,
  load: () => Promise<ActionHandler<A>>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    const action = await load();
    await action(output, ...args);
  };
}
