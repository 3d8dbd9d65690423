/**
 * Trends (issue 17, reviewed as issue 16 asks): measured from recent public activity by a
 * scheduled job (`measure.ts`, `job.ts`), shown publicly once moderators approve them
 * (`review.ts`, `public.ts`).
 */
export { measureLinks, refreshTrends, TREND_RULES } from "./measure.ts";
export { trendsRefreshJob } from "./job.ts";
export {
  publishersForReview,
  reviewedPublisher,
  reviewedTrend,
  type ReviewItem,
  reviewQueue,
  reviewTrend,
  tagsOfTrends,
  type TrendKind,
  type TrendRow,
  trendsForReview,
} from "./review.ts";
export {
  type OffsetPage,
  trendingLinks,
  trendingStatuses,
  trendingTags,
} from "./public.ts";
