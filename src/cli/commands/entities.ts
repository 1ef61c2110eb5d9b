import type { Command } from 'commander';
import type { Output } from '../context.js';
import { lazyAction } from '../lazy-action.js';

const entityActions = () => import('../actions/entities.js');
const decisionActions = () => import('../actions/entity-decisions.js');

export function registerEntities(program: Command, output: Output): void {
  program
    .command('entities')
    .description('List resolved people, organisations and places, most documents first')
    .option('--type <type>', 'person, organization or place')
    .option('--q <text>', 'part of any of the names (accents and case do not matter)')
    .option('--limit <n>', 'most entities', '50')
    .option('--offset <n>', 'entities to skip', '0')
    .option('--json', 'print as JSON')
    .action(lazyAction(output, async () => (await entityActions()).listEntities));

  const entity = program
    .command('entity')
    .description(
      'Show one entity (names, mentions, co-occurring entities), or merge, split or rename',
    );

  entity
    .command('show', { isDefault: true })
    .description(
      'Show an entity: every name with the documents it came from and why, mentions, neighbours',
    )
    .argument('<name>', 'any of its names, or its id')
    .option('--limit <n>', 'most mentions shown', '20')
    .option('--json', 'print as JSON')
    .action(lazyAction(output, async () => (await entityActions()).showEntity));

  entity
    .command('merge')
    .description('Record that two entities are one (applied on every later resolution)')
    .argument('<first>', 'a name or id')
    .argument('<second>', 'a name or id')
    .requiredOption('--reason <text>', 'why: kept with the decision')
    .option('--analyst <name>', 'who decides', process.env.USER ?? 'analyst')
    .action(lazyAction(output, async () => (await decisionActions()).mergeEntities));

  entity
    .command('split')
    .description('Record that a name does not belong to an entity')
    .argument('<entity>', 'the entity (a name or id)')
    .argument('<name>', 'the name to take out of it')
    .requiredOption('--reason <text>', 'why: kept with the decision')
    .option('--analyst <name>', 'who decides', process.env.USER ?? 'analyst')
    .action(lazyAction(output, async () => (await decisionActions()).splitEntity));

  entity
    .command('rename')
    .description('Record the name an entity should be shown under')
    .argument('<entity>', 'the entity (a name or id)')
    .argument('<new-name>', 'the name to show')
    .requiredOption('--reason <text>', 'why: kept with the decision')
    .option('--analyst <name>', 'who decides', process.env.USER ?? 'analyst')
    .action(lazyAction(output, async () => (await decisionActions()).renameEntity));
}
