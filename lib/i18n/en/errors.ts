/**
 * Refusals shown in the account forms, in English. Most are the domain's own messages, word
 * for word (the API answers with those, in English): lib/web/form-errors.ts finds the entry
 * whose English matches a `DomainError`'s message — `{name}` matching any text, filled into
 * the other language's string — and a message with no entry stays as the domain wrote it.
 * The rest are the pages' own (a form that expired, passwords that don't match).
 */
export const errors = {
  // The pages' own.
  csrfFailed: "Your form expired or came from another site. Please try again.",
  passwordsDiffer: "Password confirmation doesn't match",
  tooManySignIns:
    "Too many sign-in attempts. Please wait a few minutes and try again.",
  tooManyAttempts: "Too many attempts. Please wait a few minutes.",
  signInTookTooLong: "This sign-in took too long. Please sign in again.",
  chooseCsv: "Choose a CSV file to import.",
  csvTooLarge: "The file is too large (at most 4 MB).",
  /** `{reason}`: why the file was refused (itself translated where known). */
  nothingImported: "Nothing was imported. {reason}",

  // Signing in and up (lib/domain/accounts.ts, registration.ts, usernames.ts, passwords.ts).
  invalidLogin: "Invalid email or password",
  accountDisabled: "This account is disabled",
  awaitingApproval: "Your account is waiting for approval by a moderator",
  registrationsClosed: "Registrations are closed on this server",
  usernameBlank: "Username can't be blank",
  usernameTooLong: "Username is too long (maximum is {max} characters)",
  usernameCharacters:
    "Username must contain only letters, numbers and underscores",
  usernameUnderscore: "Username can't start with an underscore",
  usernameReserved: "Username is reserved",
  usernameTaken: "Username has already been taken",
  emailInvalid: "Email is invalid",
  emailTaken: "Email has already been taken",
  passwordTooShort: "Password is too short (minimum is {min} characters)",
  passwordTooLong: "Password is too long",
  reasonBlank: "Reason can't be blank",
  inviteInvalid: "This invite is no longer valid",
  birthDateBlank: "Date of birth can't be blank",
  birthDateInvalid: "Date of birth is invalid",
  birthDateTooYoung: "Date of birth is below the age limit",
  agreementRequired: "Agreement must be accepted",

  // Two-factor and security keys.
  twoFactorCodeInvalid: "Invalid two-factor code",
  twoFactorAlreadyOn: "Two-factor authentication is already on",
  twoFactorOff: "Two-factor authentication is off",
  passwordWrongTwoFactor: "The password is wrong",
  startSetUpFirst: "Start the set-up first",
  codeMismatch: "That code is not the one your app shows now",
  twoFactorFirst: "Turn on two-factor authentication with an app first",
  keyNameBlank: "Give the key a name",
  keyNameTooLong: "The name is too long (at most {max} characters)",
  keyNameTaken: "You already have a key with that name",
  tookTooLong: "That took too long. Please try again.",
  keyAnswerUnverified: "The key's answer could not be verified",
  keyNotAccepted: "The security key was not accepted",
  noKeyAnswer: "The browser sent no security key answer",
  noSuchKey: "No such security key",

  // E-mail address and password.
  currentPasswordWrong: "Current password is wrong",
  sameEmail: "This is already your e-mail address",
  alreadyConfirmed:
    "This method is only available while the e-mail is awaiting confirmation",
  confirmationLinkBroken:
    "This confirmation link is invalid, was used already or has expired.",
  resetLinkBroken:
    "This password reset link is invalid, was used already or has expired. Please ask for a new one.",

  // Profile and preferences (lib/domain/profiles.ts).
  displayNameTooLong: "Display name is too long (maximum is {max} characters)",
  noteTooLong: "Note is too long (maximum is {max} characters)",
  tooManyFields: "Fields is too long (maximum is {max} entries)",
  fieldsTooLong: "Fields are too long (maximum is {max} characters each)",
  privacyInvalid: "Default privacy is not included in the list",
  themeInvalid: "Theme is not included in the list",
  localeUnavailable: "That interface language is not available",
  languageInvalid: "Default language is not a language code",

  // Moving and aliases (lib/domain/account-moves.ts).
  handleRequired: "Enter the account's handle, like @name@server",
  handleNotFound: "Could not find {handle}",
  handleIsSelf: "That is this account",
  movedAgainAfter: "You can move again after {date}",
  targetMoved: "That account has itself moved",
  aliasMissing:
    "{handle} does not list this account as an alias: add it there first",

  // Blocked domains.
  domainInvalid: "Domain can't be blank or invalid",
  ownDomain: "You can't block your own domain",

  // Archive and import.
  archiveWeekly: "You can request an archive once every 7 days.",
  archiveBusy: "An archive of yours is being read already.",
  archiveTooLarge: "The archive is too large (at most 2 GB).",
  chooseArchive: "Choose an archive file to import.",
  archiveNotWaiting: "This archive is not waiting for confirmation.",
  fileEmpty: "The file is empty",
  fileNoRows: "The file has no rows",
  headerMissing: 'Line 1: the header has no "{column}" column',
  /** `{reason}` stays as the CSV reader said it. */
  badLine: "Line {line}: {reason}",
  tooManyRows:
    "The file has {count} rows; at most {max} can be imported at once",
  rowNotFound: "{what} was not found",
  rowSuspended: "{what} is suspended",
  rowRequested:
    "{acct} has not accepted your follow request yet; add them to the list once they have",

  // Appeals.
  appealBlank: "Text can't be blank",
  appealTooLong: "Text is too long (maximum is {max} characters)",
  alreadyAppealed: "This strike has already been appealed",

  // Refusals the error page shows (routes/_error.tsx looks them up here too).
  unsubscribeLinkInvalid: "This unsubscribe link is not valid.",
  signInFirst: "Please sign in first.",
  uploadCutShort: "The upload was cut short. Please try again.",

  // Writing a post: compose, editing, polls, attachments (lib/domain/status-input.ts, compose.ts, media.ts).
  tooManyMedia: "Too many media attachments",
  mediaAndPoll: "Cannot attach both media and a poll",
  pollTooFewOptions: "Poll must have at least 2 options",
  pollTooManyOptions: "Poll can't have more than {max} options",
  pollOptionLength: "Poll options must be 1 to 50 characters",
  pollOptionsUnique: "Poll options must be unique",
  pollDuration: "Poll duration is out of range",
  visibilityUnknown: "Visibility is not included in the list",
  attachAtMost: "You can attach at most {max} files",
  cannotAttach: "{label} can't be attached: {reason}",
  mediaNotAttached: "Media could not be attached",
  descriptionTooLong: "Description is too long (maximum is {max} characters)",
  focusInvalid: "Focus must be two numbers from -1 to 1: x,y",
  fileTypeUnsupported: "File type is not supported",
  fileContentMismatch: "File content is {actual}, not {claimed}",
  replyTargetMissing:
    "The post you are trying to reply to does not appear to exist",
  replyToBoost: "Cannot reply to a boost",
  /** How compose names an attachment in a refusal (lib/domain/compose.ts). */
  fileNumber: "File {n}",

  // Lists, filters and the moderation area's forms (lib/domain, lib/moderation, lib/instance, lib/emoji).
  listTitleBlank: "Title can't be blank",
  repliesPolicyUnknown: "Replies policy is not included in the list",
  filterContextBlank: "Context can't be blank",
  filterActionUnknown: "Filter action is not included in the list",
  filterActionInvalid: "Filter action is invalid",
  keywordBlank: "Keyword can't be blank",
  actionTypeUnknown: "Type is not included in the list",
  appealDecided: "This appeal has already been decided",
  alreadySubscribed: "This list is already subscribed to",
  urlInvalid: "URL is not a valid URL",
  urlScheme: "URL must be http or https",
  canonicalHashBlank: "Canonical email hash can't be blank",
  canonicalHashTaken: "Canonical email hash has already been taken",
  emailBlank: "Email can't be blank",
  domainNameInvalid: "Domain is not a valid domain name",
  severityUnknown: "Severity is not included in the list",
  domainAlreadyBlocked: "Domain is already blocked",
  hashtagCaseOnly:
    "Display name can only change the case of the hashtag's letters",
  maxUsesPositive: "Max uses must be a positive number",
  expiresInPositive: "Expires in must be a positive number of seconds",
  reportContentBlank: "Content can't be blank",
  nameBlank: "Name can't be blank",
  nameTooLongShort: "Name is too long",
  colorInvalid: "Color must be a hex colour like #2b90d9",
  ownRole: "You cannot change the position or permissions of your own role",
  positionInvalid: "Position must be a whole number, 0 or more",
  grantBeyondOwn: "You cannot grant permissions you do not have",
  nameTaken: "Name has already been taken",
  everyoneModeration:
    "Everyone may only be given permissions that don't open moderation",
  notARole: "Not a role",
  domainTaken: "Domain has already been taken",
  ipInvalid: "Ip is invalid",
  ipBlank: "Ip can't be blank",
  severityBlank: "Severity can't be blank",
  ipTaken: "Ip has already been taken",
  networkSignUps: "Sign-ups from your network are not allowed",
  emailProvider: "Email uses a disallowed e-mail provider",
  presetTooLong: "Too long",
  startsEndsTogether: "Starts at and ends at go together: give both or neither",
  endsAfterStarts: "Ends at must be after starts at",
  scheduledFuture: "Scheduled at must be in the future",
  serverNameTooLong: "Server name is too long (maximum is {max} characters)",
  shortDescriptionTooLong:
    "Short description is too long (maximum is {max} characters)",
  contactEmailInvalid: "Contact e-mail is invalid",
  registrationsModeUnknown: "Registrations mode is not included in the list",
  showDomainBlocksUnknown: "Show domain blocks is not included in the list",
  contactNotLocal: "Contact account is not a local account",
  effectiveDateInvalid: "Effective date is not a date",
  termsInForce: "Terms already in force can't be changed",
  shortcodeInvalid:
    "Shortcode must be at least 2 characters: letters, digits and underscores only",
  shortcodeTaken: "Shortcode has already been taken",
  categoryLocalOnly: "Only local emoji have a category",
  emojiAlreadyLocal: "This emoji is local already",
  emojiNoImage: "This emoji has no image to copy",

  // Moving, pinning, voting, relationships, reports, apps, scheduling; and the generic refusals.
  accountMoved:
    "This account has moved to another account and can no longer post",
  newAccountNoAlias: "The new account does not list the old one as an alias",
  pinOthers: "Validation failed: Someone else's post cannot be pinned",
  pinNonPublic: "Validation failed: Non-public toot cannot be pinned",
  pinLimit:
    "Validation failed: You have already pinned the maximum number of toots",
  pollEnded: "Validation failed: The poll has already ended",
  pollOwnVote: "Validation failed: You cannot vote in your own poll",
  pollNoSuchOption: "Validation failed: That option does not exist",
  pollOneOption: "Validation failed: You can only pick one option",
  pollAlreadyVoted: "Validation failed: You have already voted on this poll",
  appNameTooLong: "Name is too long (maximum is {max} characters)",
  redirectUriBlank: "Redirect URI can't be blank",
  attributionDomains: "Attribution domains are not valid domains",
  followSelf: "You can't follow yourself",
  blockSelf: "You can't block yourself",
  muteSelf: "You can't mute yourself",
  durationPositive: "Duration must be positive",
  ruleIdsInvalid: "Rule ids does not reference valid rules",
  scheduledDateInvalid: "Scheduled at is not a valid date",
  scheduledInPast:
    "Validation failed: Scheduled at The scheduled date must be in the future",
  notAllowed: "This action is not allowed",
  recordNotFound: "Record not found",
};

export type FormErrorMessages = typeof errors;
