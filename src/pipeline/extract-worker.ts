/**
 * Worker-thread entry point: extracts documents sent by the main thread. Loaded from the compiled
 * dist/ folder (worker threads cannot load TypeScript sources directly).
 */
import { parentPort } from 'node:worker_threads';
import { extractDocument, warmExtraction, type ExtractInput } from '../extract/index.js';

export interface ExtractRequest {
  jobId: number;
  input: ExtractInput;
}

if (parentPort) {
  const port = parentPort;
  warmExtraction();
  port.on('message', (request: ExtractRequest) => {
    try {
      port.postMessage({ jobId: request.jobId, extraction: extractDocument(request.input) });
    } catch (error) {
      port.postMessage({
        jobId: request.jobId,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  });
  port.postMessage({ ready: true });
}
