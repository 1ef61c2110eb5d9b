import { setFlagsFromString } from 'node:v8';

/**
 * How far (in percent) V8 lets a heap grow past what its last full collection left live, while a
 * long batch job runs. V8's own factor reaches 4× under a heap limit of 2 GB or more (the default:
 * 4 GB with 16 GB of memory), and these jobs read the store in batches that live just long enough
 * to reach the old generation: a parse worker keeping about 30 MB live reached 95–125 MB of heap,
 * and entity resolution keeping about 90 MB live reached 430 MB at 100,000 documents. At 1.6× the
 * peak of an ingest with two workers fell by about 100 MB (20,000 e-mails) at the same speed.
 *
 * It is a factor, not a limit: capping a thread's heap (`resourceLimits`) aborted the whole
 * process on a 40 MB HTML page that parses in 3 GB; with this factor that page still parses,
 * more slowly (more full collections of a large heap). V8 flags are per process, so every thread
 * collects more eagerly while any job holds the factor; V8's default comes back when the last one
 * lets go. Node calls changing V8 flags after start-up unsupported: should a release ignore it,
 * a job only takes the memory it took before (a `--heap-growing-percent` given on the command
 * line is overridden here, and reset to V8's default after).
 */
export const HEAP_GROWING_PERCENT = 60;

let holders = 0;

/** Lowers V8's heap growing factor until the returned function is called (once). */
export function holdHeapGrowing(): () => void {
  if (holders++ === 0) setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    // 0 gives V8 back its own factor.
    if (--holders === 0) setFlagsFromString('--heap-growing-percent=0');
  };
}
