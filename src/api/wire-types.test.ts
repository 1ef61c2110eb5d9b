import { expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { MeResponseSchema } from './auth/account-routes.js';
import type { QueueResponseSchema } from './routes/queue.js';
import type * as WebAccess from '../web/api/access-types.js';
import type * as WebAnalysis from '../web/api/analysis-types.js';
import type * as WebQueue from '../web/api/queue-types.js';
import type * as Web from '../web/api/types.js';
import type * as WebWorkbench from '../web/api/workbench-types.js';
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
  AssessedClaimSchema,
  ClaimsResponseSchema,
  EntityDecisionResponseSchema,
  MarkResponseSchema,
  RecordedGradeSchema,
  ResolvedEntitiesResponseSchema,
  ResolvedEntityResponseSchema,
  WorkspaceResponseSchema,
  HypothesisSchema,
} from './claim-schemas.js';
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
  expectTypeOf<
    z.output<typeof ClaimsResponseSchema>
  >().toEqualTypeOf<WebWorkbench.ClaimsResponse>();
  expectTypeOf<z.output<typeof AssessedClaimSchema>>().toEqualTypeOf<WebWorkbench.AssessedClaim>();
  expectTypeOf<z.output<typeof RecordedGradeSchema>>().toEqualTypeOf<WebWorkbench.RecordedGrade>();
  expectTypeOf<
    z.output<typeof ResolvedEntitiesResponseSchema>
  >().toEqualTypeOf<WebWorkbench.ResolvedEntitiesResponse>();
  expectTypeOf<
    z.output<typeof ResolvedEntityResponseSchema>
  >().toEqualTypeOf<WebWorkbench.ResolvedEntityResponse>();
  expectTypeOf<
    z.output<typeof EntityDecisionResponseSchema>
  >().toEqualTypeOf<WebWorkbench.EntityDecisionResponse>();
  expectTypeOf<z.output<typeof HypothesisSchema>>().toEqualTypeOf<WebWorkbench.Hypothesis>();
  expectTypeOf<
    z.output<typeof WorkspaceResponseSchema>
  >().toEqualTypeOf<WebWorkbench.HypothesisWorkspace>();
  expectTypeOf<z.output<typeof MarkResponseSchema>>().toEqualTypeOf<WebWorkbench.RecordedMark>();
  expectTypeOf<z.output<typeof MeResponseSchema>>().toEqualTypeOf<WebAccess.MeResponse>();
  expectTypeOf<z.output<typeof QueueResponseSchema>>().toEqualTypeOf<WebQueue.QueueStatus>();
});
