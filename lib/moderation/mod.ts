/**
 * Moderation and administration (issue 16): roles and permissions, the reports workflow, the
 * audit log and admin notifications. The public face: nothing outside lib/moderation imports
 * its other files.
 */
export {
  type Actor,
  ALL_PERMISSIONS,
  BUILT_IN_ROLE_IDS,
  can,
  canActOn,
  canEnterAdmin,
  EVERYONE_ROLE_ID,
  type Permission,
  PERMISSION_FLAGS,
  permissionNames,
  requirePermission,
  type Role,
} from "./permissions.ts";
export {
  loadActor,
  roleByName,
  roleForOperatorCreatedAccount,
  roleOf,
  roleOfAccount,
  rolesOfAccounts,
  setRole,
} from "./roles.ts";
export { notifyReportFiled, notifySignUp, staffMailsFor } from "./notify.ts";
export {
  accountsOfReports,
  addNote,
  assignToSelf,
  countUnresolvedReports,
  getReport,
  listReports,
  MAX_NOTE_LENGTH,
  reopen,
  type ReportCase,
  reportCase,
  reportedStatuses,
  type ReportFilter,
  type ReportNoteRow,
  resolve,
  unassign,
  updateReportCategory,
} from "./reports.ts";
export {
  type AccountFilter,
  countLocalUsers,
  getModeratedAccount,
  listModeratedAccounts,
  type ModeratedAccount,
  moderatedAccountCase,
  moderatedAccounts,
} from "./accounts.ts";
export {
  ACCOUNT_ACTION_TYPES,
  type AccountActionInput,
  type AccountActionType,
  type ActionDeps,
  type AppealRow,
  approveSignUp,
  deleteAccountData,
  liftLimit,
  rejectSignUp,
  type Reversal,
  takeAccountAction,
  type WarningRow,
} from "./account-actions.ts";
export {
  appeal,
  decideAppeal,
  listAppeals,
  MAX_APPEAL_LENGTH,
  ownWarning,
  warningsOfAccount,
} from "./appeals.ts";
export { followRemoteSuspension } from "./remote-suspension.ts";
export {
  type AuditLogFilter,
  type AuditLogRow,
  readAuditLog,
} from "./audit-log.ts";
// For subsystems whose moderator actions belong in the audit log (trends review, suggestions).
export { recordAction } from "./audit-log.ts";
export {
  DASHBOARD_DAYS,
  type DashboardCounts,
  dashboardCounts,
} from "./dashboard.ts";
export {
  cachedPolicy,
  candidatesOf,
  FederationPolicy,
  federationPolicy,
  normalizeDomain,
  refusesActor,
} from "./federation-policy.ts";
export {
  type DomainAllowRow,
  type DomainBlockFields,
  type DomainBlockRow,
  SEVERITIES,
  type Severity,
} from "./federation-policy-db.ts";
export {
  checkDomain,
  createDomainAllow,
  createDomainBlock,
  deleteDomainAllow,
  deleteDomainBlock,
  type DomainBlockInput,
  getDomainAllow,
  getDomainBlock,
  listDomainAllows,
  listDomainBlocks,
  publicDomainBlocks,
  updateDomainBlock,
} from "./domain-blocks.ts";
export {
  SEVER_DOMAIN_JOB,
  severanceEvents,
  severDomain,
  severDomainJob,
  severedAccounts,
  severedAccountsCsv,
  severedRelationshipsOf,
} from "./suspend.ts";
export type { SeveredDirection } from "./suspend-db.ts";
export {
  getHashtag,
  listHashtags,
  type ModeratedTagRow,
  type TagChanges,
  updateHashtag,
} from "./hashtags.ts";
export {
  applyDomainBlockImport,
  exportDomainBlocks,
  type ImportError,
  type ImportLine,
  type ImportPreview,
  importRefused,
  previewDomainBlockImport,
} from "./domain-csv.ts";
export { findDomainBlockByDomain } from "./domain-blocks.ts";
export {
  approveDrafts,
  blocklistRefreshJob,
  type DraftRow,
  getSubscription,
  listSubscriptions,
  refreshSubscription,
  rejectDrafts,
  setSubscriptionAutoApply,
  subscribe,
  type SubscriptionRow,
  unsubscribe,
} from "./blocklist-subscriptions.ts";
export {
  purgeDateOf,
  purgeExpiredSuspensions,
  SUSPENSION_GRACE_DAYS,
  suspensionPurgeJob,
} from "./suspension-purge.ts";
export {
  type Cohort,
  type Dimension,
  DIMENSION_KEYS,
  dimensions,
  humanBytes,
  type KeyArgument,
  type Measure,
  MEASURE_KEYS,
  measures,
  parsePeriod,
  retentionCohorts,
} from "./metrics.ts";
export { recordActivity } from "./activity.ts";
export {
  assignRole,
  createRole,
  deleteRole,
  getRole,
  listRoles,
  type RoleInput,
  updateRole,
} from "./role-admin.ts";
export { purgeDomain } from "./domain-purge.ts";
export {
  createWarningPreset,
  deleteWarningPreset,
  listWarningPresets,
  updateWarningPreset,
  type WarningPresetRow,
} from "./warning-presets.ts";
export {
  type CanonicalEmailBlockRow,
  type EmailDomainBlockRow,
  IP_BLOCK_SEVERITIES,
  type IpBlockRow,
  type IpBlockSeverity,
} from "./sign-up-blocks-db.ts";
export {
  createEmailDomainBlock,
  createIpBlock,
  deleteEmailDomainBlock,
  deleteIpBlock,
  emailDomainBlockHistory,
  getEmailDomainBlock,
  getIpBlock,
  type IpBlockInput,
  listEmailDomainBlocks,
  listIpBlocks,
  updateIpBlock,
} from "./sign-up-blocks.ts";
export {
  createCanonicalEmailBlock,
  deleteCanonicalEmailBlock,
  getCanonicalEmailBlock,
  listCanonicalEmailBlocks,
  testCanonicalEmail,
} from "./canonical-email-blocks.ts";
export { canonicalEmail, canonicalEmailHash } from "./canonical-email.ts";
export {
  checkSignUp,
  type MxResolver,
  signUpNeedsApproval,
  systemMxResolver,
} from "./sign-up-gate.ts";
export {
  allInvites,
  createInvite,
  expireInvite,
  findUsableInvite,
  getInvite,
  INVITE_EXPIRIES,
  INVITE_MAX_USES,
  type InviteInput,
  type InviteRow,
  isInviteUsable,
  ownInvites,
} from "./invites.ts";
export { claimInvite, invitersOfAccounts } from "./invites-db.ts";
export {
  MAX_NEW_ACCOUNT_DAYS,
  newAccountLimitDays,
  setNewAccountLimitDays,
} from "./spam-limits.ts";
export { AccessGate, IP_BLOCKS_CHANNEL } from "./access-gate.ts";
