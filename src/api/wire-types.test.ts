import { expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type * as Web from '../web/api/types.js';
import type {
  DocumentResponseSchema,
  JobSchema,
  LoggedFailureSchema,
  RunSchema,
  SearchResponseSchema,
  StatsResponseSchema,
} from './schemas.js';

/*
 * The web UI declares the wire format itself (it must not import server code); these checks,
 * run by `tsc` over the tests, fail the build the moment the two drift apart.
 */
it('the web client expects exactly what the API sends', () => {
  expectTypeOf<z.output<typeof SearchResponseSchema>>().toEqualTypeOf<Web.SearchResponse>();
  expectTypeOf<z.output<typeof DocumentResponseSchema>>().toEqualTypeOf<Web.DocumentResponse>();
  expectTypeOf<z.output<typeof StatsResponseSchema>>().toEqualTypeOf<Web.StoreStats>();
  expectTypeOf<z.output<typeof LoggedFailureSchema>>().toEqualTypeOf<Web.LoggedFailure>();
  expectTypeOf<z.output<typeof RunSchema>>().toEqualTypeOf<Web.IngestRun>();
  expectTypeOf<z.output<typeof JobSchema>>().toEqualTypeOf<Web.IngestJob>();
});
