import { CrosscheckError } from '../../core/index.js';
import { IngestJobQueue, type IngestJob, type IngestRunner } from '../ingest-jobs.js';
import { currentAccess } from './access.js';

/**
 * The upload routes take one job queue. In multi-user mode each collection gets its own (so
 * one case's uploads, file names included, are never listed to another's members), and this
 * stand-in forwards to the queue of the request's collection, the same way requestScopedStore
 * does for the store. A subclass, because the routes are typed against the class.
 */
export class CollectionJobQueues extends IngestJobQueue {
  private readonly queues = new Map<string, IngestJobQueue>();

  constructor(private readonly runnerFor: (collection: string) => IngestRunner) {
    super(() => Promise.reject(new Error('CollectionJobQueues runs jobs per collection')));
  }

  private current(): IngestJobQueue {
    const slug = currentAccess()?.collection?.slug;
    if (!slug) {
      throw new CrosscheckError('STORE_FAILURE', 'No collection was chosen for this request');
    }
    let queue = this.queues.get(slug);
    if (!queue) {
      queue = new IngestJobQueue(this.runnerFor(slug));
      this.queues.set(slug, queue);
    }
    return queue;
  }

  override newId(): string {
    return this.current().newId();
  }

  override enqueue(id: string, path: string, fileName: string, sizeBytes: number): IngestJob {
    return this.current().enqueue(id, path, fileName, sizeBytes);
  }

  override get(id: string): IngestJob | null {
    return this.current().get(id);
  }

  override list(): IngestJob[] {
    return this.current().list();
  }

  override async idle(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.idle()));
  }
}
