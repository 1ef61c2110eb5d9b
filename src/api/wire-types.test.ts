import { expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type * as WebAnalysis from '../web/api/analysis-types.js';
import type * as Web from '../web/api/types.js';
import type {
  EntitiesResponseSchema,
  EntityResponseSchema,
  ExtractionResponseSchema,
  GraphResponseSchema,
  PlacesResponseSchema,
  ReuseResponseSchema,
  TimelineResponseSchema,
} from './analysis-schemas.js';
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
  expectTypeOf<
    z.output<typeof ExtractionResponseSchema>
  >().toEqualTypeOf<WebAnalysis.ExtractionResponse>();
  expectTypeOf<z.output<typeof ReuseResponseSchema>>().toEqualTypeOf<WebAnalysis.ReuseResponse>();
  expectTypeOf<
    z.output<typeof TimelineResponseSchema>
  >().toEqualTypeOf<WebAnalysis.TimelineResponse>();
  expectTypeOf<z.output<typeof PlacesResponseSchema>>().toEqualTypeOf<WebAnalysis.PlacesResponse>();
  expectTypeOf<
    z.output<typeof EntitiesResponseSchema>
  >().toEqualTypeOf<WebAnalysis.EntitiesResponse>();
  expectTypeOf<z.output<typeof EntityResponseSchema>>().toEqualTypeOf<WebAnalysis.EntityResponse>();
  expectTypeOf<z.output<typeof GraphResponseSchema>>().toEqualTypeOf<WebAnalysis.GraphResponse>();
});
