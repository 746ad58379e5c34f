export { limits } from './limits.js';
export { createMessageId, type RandomBytes } from './message-id.js';
export { backoffDelay, defaultBackoff, type BackoffOptions } from './backoff.js';
export { parseRetryAfter } from './retry-after.js';
export { retryDecision, type RetryDecision } from './retry-decision.js';
export { byteLength } from './byte-length.js';
export { takeBatch, splitBatches, envelopeOverheadBytes, type Sized, type BatchLimits } from './take-batch.js';
export { flushDelay, defaultFlushRules, type FlushRules } from './should-flush.js';
export { clockOffset, correctTimestamp, maxFutureSkewMs, type TimestampSource } from './correct-timestamp.js';
export { inspectJson, forbiddenKeys, type ShapeProblem, type JsonInspection } from './json-shape.js';
export {
  message,
  trackMessage,
  identifyMessage,
  groupMessage,
  pageMessage,
  batchEnvelope,
  jsonSchemaOverride,
  type Message,
  type MessageInput,
  type MessageType,
  type TrackMessage,
  type IdentifyMessage,
  type GroupMessage,
  type PageMessage,
  type BatchEnvelope,
} from './message.js';
export { eventKey, featureUsedEvent, pageEventKey } from './event-key.js';
export {
  conditionKinds,
  conditionKind,
  maxConditionDepth,
  type Condition,
  type ConditionKind,
  type Scope,
  type Comparison,
  type Within,
  type TraitOp,
  type TraitValue,
  type EventCondition,
  type TraitCondition,
  type MilestoneCondition,
  type ChecklistCondition,
  type DaysSinceStartCondition,
  type PageCondition,
  type AllCondition,
  type AnyCondition,
  type NotCondition,
} from './condition/condition.js';
export { conditionSchema } from './condition/condition-schema.js';
export { windowStart, daysSince, noFacts, type ConditionFacts } from './condition/condition-facts.js';
export { evaluateCondition } from './condition/evaluate-condition.js';
export { explainCondition, type Explanation } from './condition/explain-condition.js';
export type { Feature } from './config/feature.js';
export { featureEventKeys } from './config/feature-event-keys.js';
export { pickTraits, traitsInUse, type TraitsInUse } from './config/traits-in-use.js';
export { walkCondition } from './condition/walk-condition.js';
export type { Milestone } from './config/milestone.js';
export type { Checklist, ChecklistItem } from './config/checklist.js';
export { announcementSchema, type Announcement, type AnnouncementAction } from './config/announcement.js';
export type { Guide, GuideStep } from './config/guide.js';
export type { Trigger } from './config/trigger.js';
export { pickTrigger, triggerVerdict, type TriggerCandidate, type TriggerMoment, type TriggerVerdict } from './trigger/pick-trigger.js';
export type { Gate } from './config/gate.js';
export type { Nudge } from './config/nudge.js';
export type { SuccessPlan, SuccessPlanGoal } from './config/success-plan.js';
export type { HealthConfig } from './config/health.js';
export { waymarkConfigSchema, type WaymarkConfig, type WaymarkConfigInput } from './config/config-schema.js';
export { validateConfig, maxConfigBytes, type ConfigValidation } from './config/validate-config.js';
export type { ConfigError } from './config/config-error.js';
export { defineConfig } from './config/define-config.js';
export { configJsonSchema } from './config/config-json-schema.js';
export { emptySnapshot, snapshotHorizonHours, type StateSnapshot, type ScopeState, type EventCounter } from './state/state-snapshot.js';
export { snapshotFacts } from './state/snapshot-facts.js';
export { recordEvent } from './state/record-event.js';
export { deriveFacts, type ProgressDefinitions } from './progress/derive-facts.js';
export { checklistProgress, type ChecklistProgress } from './progress/checklist-progress.js';
export { milestonesReached, type MilestoneReached } from './progress/milestones-reached.js';
export { settleProgress, type ProgressChanges } from './progress/settle-progress.js';
export { progressChanges } from './progress/progress-changes.js';
export { progressTimeline, type ProgressTimes, type TimelineInput, type TimelineScope } from './progress/progress-timeline.js';
export { onboardingEvents, type OnboardingEvent } from './guide/onboarding-events.js';
export { matchUrlPattern } from './guide/match-url-pattern.js';
export { searchGuides } from './guide/search-guides.js';
export { guideEntry } from './guide/guide-entry.js';
export { pageFacts, type PageFacts } from './page/page-facts.js';
export { matchPage } from './page/match-page.js';
export { parseTemplate, type TemplatePart, type TemplateSlot, type TemplateValue } from './template/parse-template.js';
export { fillTemplate, type TemplateMilestones } from './template/fill-template.js';
export { gateState, type GateState, type GateOverrides } from './gate/gate-state.js';
export { detectStuck, type StuckDecision, type StuckReason } from './stuck/detect-stuck.js';
export { defaultStuckRules, type StuckRules } from './stuck/stuck-rules.js';
export type { StuckSignals, ActivityInterval, ClickSample } from './stuck/stuck-signals.js';
export { activeMs } from './stuck/active-ms.js';
export { findRageClicks } from './stuck/find-rage-clicks.js';
export { mayNudge, type NudgeContext, type NudgeVerdict, type NudgeCapReason } from './nudge/may-nudge.js';
export { nudgeForItem } from './nudge/nudge-for-item.js';
export { arbitrate, type Screen, type ScreenHold, type ScreenWants } from './screen/arbitrate.js';
export { defaultNudgeCaps, type NudgeCaps } from './nudge/nudge-caps.js';
export type { NudgeRecord, NudgeHistory } from './nudge/nudge-history.js';
export { accountDay } from './analytics/account-day.js';
export { accountStart } from './analytics/account-start.js';
export { firstUseDays, type FirstUseDays } from './analytics/first-use-days.js';
export { localDay, localDayStart } from './analytics/local-day.js';
export { onboardingPhase, type OnboardingPhase } from './analytics/onboarding-phase.js';
export { milestoneStatus, type MilestoneStatus, type MilestoneTiming } from './analytics/milestone-status.js';
export { goalStatus, goalRiskDays, goalRiskShare, type GoalStatus } from './analytics/goal-status.js';
export type { DailyActiveUsers } from './analytics/daily-active-users.js';
export { seatActivation } from './analytics/seat-activation.js';
export { seatCount } from './analytics/seat-count.js';
export { activeUsers, type ActiveUsers } from './analytics/active-users.js';
export { breadth } from './analytics/breadth.js';
export { depth } from './analytics/depth.js';
export { timeToFirstValue } from './analytics/time-to-first-value.js';
export { milestoneAttainment, type MilestoneAttainment } from './analytics/milestone-attainment.js';
export { checklistCompletion, type ChecklistCompletion } from './analytics/checklist-completion.js';
export { ratio } from './analytics/ratio.js';
export { guideGoal } from './analytics/guide-goal.js';
export { guideFunnel, type GuideFunnel, type GuideFunnelCounts, type GuideFunnelStep } from './analytics/guide-funnel.js';
export { nudgeEffectiveness, type NudgeEffectiveness, type ShownNudge } from './analytics/nudge-effectiveness.js';
export { defaultHealthWeights, type HealthComponent, type HealthWeights } from './analytics/health-weights.js';
export { defaultHealthBands, type HealthBands } from './analytics/health-bands.js';
export { healthBand, type HealthBand } from './analytics/health-band.js';
export { healthScore, type HealthScore, type HealthComponents, type HealthPart } from './analytics/health-score.js';
export { healthComponents, usageAgainstBaseline, type HealthInputs } from './analytics/health-components.js';
export { healthChange, type HealthPoint } from './analytics/health-change.js';
export { defaultFlagRules, type FlagRules } from './analytics/flag-rules.js';
export { riskFlagKinds, type Flag, type FlagKind, type FlagFacts } from './analytics/flag.js';
export { flagReason } from './analytics/flag-reason.js';
export { componentReason } from './analytics/component-reason.js';
export {
  accountTimeline,
  type AccountTimeline,
  type AccountSeries,
  type AccountTimelineOptions,
  type TimelineDay,
  type TimelineMilestone,
  type DayFlag,
  type FlagSpan,
} from './analytics/account-timeline.js';
export { recentSeats, type RecentSeats } from './analytics/recent-seats.js';
export { timeInProduct, sessionGapMs } from './analytics/time-in-product.js';
export { weekdayBaseline } from './analytics/weekday-baseline.js';
export { poissonAtMost } from './analytics/poisson-at-most.js';
export { lifecycleStage, type LifecycleStage, type StageFacts } from './analytics/lifecycle-stage.js';
// The HTTP contract: a zod schema per request and response of the collector, and the route registry.
export {
  accountParamsSchema,
  accountMetricsSchema,
  accountSeriesSchema,
  accountDetailSchema,
  type AccountMetrics,
  type AccountDailySeries,
  type AccountDetail,
} from './api/account-detail.js';
export {
  flagKindSchema,
  healthComponentSchema,
  lifecycleStageSchema,
  healthBandSchema,
  healthDriverSchema,
  accountFlagSchema,
  clearedFlagSchema,
  type AccountFlag,
  type ClearedFlag,
  type HealthDriver,
} from './api/account-flag.js';
export { accountUsersQuerySchema, accountUserSchema, accountUsersSchema, type AccountUser } from './api/account-users.js';
export {
  appSchema,
  eventsQuerySchema,
  storedEventSchema,
  eventsSchema,
  usageQuerySchema,
  usageSchema,
  userStateParamsSchema,
  type App,
  type StoredEvent,
  type Usage,
} from './api/admin-app.js';
export {
  configVersionQuerySchema,
  pushConfigQuerySchema,
  restoreConfigBodySchema,
  configVersionSchema,
  storedConfigSchema,
  configVersionsSchema,
  configPushedSchema,
  configRestoredSchema,
  type ConfigVersion,
  type StoredConfig,
  type ConfigVersionList,
  type ConfigPushed,
  type ConfigRestored,
} from './api/admin-config.js';
export { configProblemSchema, apiErrorSchema, type ApiErrorBody } from './api/api-error.js';
export type { ApiSecurity, ApiResponse, ApiRoute } from './api/api-route.js';
export { apiRoutes } from './api/api-routes.js';
export { csmRoleSchema, loginBodySchema, csmSessionSchema, type CsmSession, type LoginBody } from './api/auth.js';
export { batchBodySchema, messageResultSchema, batchResultSchema, type MessageResult, type BatchResult } from './api/batch.js';
export { cohortsQuerySchema, cohortSchema, cohortsSchema, type Cohort } from './api/cohorts.js';
export { browserKeyQuerySchema, configHeadersSchema, configBodySchema, type ConfigBody } from './api/config.js';
export {
  csmUserSchema,
  createCsmUserBodySchema,
  csmUsersSchema,
  csmUserAnswerSchema,
  csmUserCreatedSchema,
  csmUserAppParamsSchema,
  csmUserParamsSchema,
  type CsmUser,
  type CsmUserCreate,
} from './api/csm-users.js';
export { digestQuerySchema, digestSchema, type Digest } from './api/digest.js';
export {
  experiencesQuerySchema,
  guideExperienceSchema,
  announcementExperienceSchema,
  experiencesSchema,
  type Experiences,
  type GuideExperience,
  type AnnouncementExperience,
} from './api/experiences.js';
export { funnelsQuerySchema, guideFunnelSchema, checklistFunnelSchema, funnelsSchema, type Funnels } from './api/funnels.js';
export {
  overrideStateSchema,
  overrideBodySchema,
  gateOverrideSchema,
  gateOverrideChangeSchema,
  gateOverridesSchema,
  overrideChangedSchema,
  type OverrideState,
  type GateOverride,
  type GateOverrideChange,
  type GateOverrideList,
  type OverrideBody,
} from './api/gate-overrides.js';
export { gatesQuerySchema, explanationSchema, userGateSchema, userGatesSchema, type UserGate } from './api/gates.js';
export { healthSchema, unhealthySchema } from './api/health.js';
export {
  planBodySchema,
  planGoalSchema,
  goalViewSchema,
  successPlanSchema,
  type PlanGoal,
  type GoalView,
  type SuccessPlanView,
  type PlanBody,
} from './api/plans.js';
export {
  portfolioFilterSchema,
  portfolioCsvQuerySchema,
  nextGoalSchema,
  portfolioAccountSchema,
  portfolioPageSchema,
  type PortfolioFilter,
  type PortfolioAccount,
  type PortfolioPage,
} from './api/portfolio.js';
export { stateQuerySchema, stateSnapshotSchema, nudgeRecordSchema, guideStateSchema, userStateSchema, type GuideState, type UserState } from './api/state.js';
export { stuckQuerySchema, stuckUserSchema, stuckUsersSchema, type StuckUser } from './api/stuck-users.js';
export {
  webhookEventTypes,
  createWebhookBodySchema,
  webhookParamsSchema,
  deliveriesQuerySchema,
  webhookSubscriptionSchema,
  webhookDeliverySchema,
  webhookSubscriptionsSchema,
  webhookCreatedSchema,
  webhookDeliveriesSchema,
  webhookTestSchema,
  type WebhookSubscription,
  type WebhookDelivery,
} from './api/webhooks.js';
