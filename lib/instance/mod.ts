/**
 * The instance's own content (issue 16, "Instance settings and content"): server settings
 * read per request, rules, terms of service, announcements. The public face: nothing outside
 * lib/instance imports its other files.
 */
export {
  DEFAULT_SHORT_DESCRIPTION,
  type DomainBlocksShown,
  type InstanceSettings,
  instanceSettings,
  registrationMode,
  registrationPolicy,
  type SettingsInput,
  showsModeratedServers,
  updateSettings,
} from "./settings.ts";
export {
  createRule,
  deleteRule,
  getRule,
  listRules,
  moveRule,
  type RuleRow,
  rulesByIds,
  unknownRuleIds,
  updateRule,
} from "./rules.ts";
export {
  currentTerms,
  publishTerms,
  termsHistory,
  termsOfDate,
  type TermsVersion,
} from "./terms.ts";
export {
  type AnnouncementInput,
  type AnnouncementRow,
  announcementsFor,
  createAnnouncement,
  deleteAnnouncement,
  dismissAnnouncement,
  findPublishedAnnouncement,
  getAnnouncement,
  listAnnouncements,
  PUBLISH_ANNOUNCEMENT_JOB,
  publishAnnouncementJob,
  type ReactionCount,
  reactionsOf,
  reactToAnnouncement,
  setAnnouncementPublished,
  updateAnnouncement,
} from "./announcements.ts";
export {
  extendedDescriptionOf,
  privacyPolicyOf,
  type RenderedText,
  renderInstanceText,
} from "./text.ts";
