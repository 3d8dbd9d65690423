/**
 * The settings pages (routes/settings/**, components/SettingsNav.tsx and
 * RelatedAccountsPage.tsx), the account status pages (routes/disputes/**), severed
 * relationships and the unsubscribe page, in English. `{…}` is filled with `fill()`; a
 * sentence around a link or a value in bold is split into the text before and after.
 */
export const settings = {
  heading: "Settings",
  /** `{page}`: the tab's name, as the `<title>`. */
  pageTitle: "Settings · {page}",
  nav: {
    label: "Settings",
    profile: "Profile",
    preferences: "Posting",
    email: "E-mail",
    password: "Password",
    twoFactor: "Two-factor",
    apps: "Apps",
    followRequests: "Follow requests",
    invites: "Invites",
    mutes: "Muted",
    blocks: "Blocked",
    domainBlocks: "Blocked domains",
    followedTags: "Followed hashtags",
    import: "Import",
    export: "Export",
    aliases: "Account aliases",
    migration: "Move to another account",
    delete: "Delete account",
    archive: "Archive",
  },
  profile: {
    heading: "Profile",
    saved: "Profile saved.",
    displayName: "Display name",
    bio: "Bio",
    fields: "Profile fields",
    fieldsHelp:
      "Up to four labelled links or facts, shown as a table on your profile.",
    /** `{n}` */
    fieldLabel: "Label {n}",
    /** `{n}` */
    fieldContent: "Content {n}",
    locked: "Approve followers manually (locked account)",
    bot: "This is an automated account (bot)",
    save: "Save profile",
  },
  preferences: {
    heading: "Posting defaults",
    saved: "Preferences saved.",
    visibility: "Default visibility of new posts",
    visibilityChoices: {
      public: ["Public", "Everyone, and shown in public timelines"],
      unlisted: ["Unlisted", "Everyone, but kept out of public timelines"],
      private: ["Followers only", "Only your followers"],
      direct: ["Mentioned people only", "Only the people you mention"],
    } as Record<"public" | "unlisted" | "private" | "direct", [string, string]>,
    sensitive: "Always mark media as sensitive",
    save: "Save preferences",
    appearance: "Appearance",
    theme: "Theme",
    themeChoices: {
      system: "Same as this device (light or dark)",
      light: "Light",
      dark: "Dark",
      contrast: "High contrast",
    } as Record<"system" | "light" | "dark" | "contrast", string>,
    saveAppearance: "Save appearance",
    browserNotifications: "Browser notifications",
    emailNotifications: "E-mail notifications",
    emailAbout: "Send me an e-mail about",
    saveEmail: "Save e-mail notifications",
  },
  email: {
    title: "E-mail",
    heading: "E-mail address",
    current: "Your address:",
    unconfirmed: " (not confirmed yet)",
    requestedBefore: "A confirmation link is on its way to ",
    requestedAfter: ". Your address changes once you follow it.",
    newAddress: "New e-mail address",
    submit: "Change e-mail address",
  },
  password: {
    title: "Password",
    heading: "Change password",
    saved: "Password changed. Other devices and apps were signed out.",
    submit: "Change password",
  },
  twoFactor: {
    title: "Two-factor authentication",
    codesHeading: "Your recovery codes",
    codesHelp:
      "Keep them somewhere safe: each signs you in once if you lose your phone. They are shown only now.",
    /** `{count}` */
    on:
      "On: signing in asks for a code from your authenticator app. {count} recovery code(s) left.",
    keysLink: "Security keys",
    keysAfter:
      " let you sign in with a key or passkey instead of a code. Turning two-factor off removes them too.",
    newCodes: "Make new recovery codes",
    turnOff: "Turn off two-factor authentication",
    scan:
      "Scan this code with your authenticator app (or enter the key below), then type the code it shows.",
    qrLabel: "QR code for your authenticator app",
    key: "Key:",
    code: "Code from the app",
    turnOn: "Turn on",
    off:
      "Off. With it on, signing in also asks for a code from an app on your phone (any TOTP app).",
    setUp: "Set up",
  },
  securityKeys: {
    title: "Security keys",
    added: "Security key added.",
    needsTwoFactor:
      "Security keys are a second factor beside an authenticator app. ",
    turnOnLink: "Turn on two-factor authentication",
    needsTwoFactorAfter: " first.",
    caption: "Your security keys",
    name: "Name",
    addedAt: "Added",
    lastUsed: "Last used",
    actions: "Actions",
    never: "Never",
    /** `{name}` */
    remove: "Remove {name}",
    newName: "Name for the new key",
    needsJavaScript: "Adding a security key needs JavaScript in this browser.",
    add: "Add security key",
  },
  apps: {
    title: "Apps",
    heading: "Authorized apps",
    intro:
      "Apps you signed in to with this account. Revoking one signs it out everywhere at once.",
    revoked: "Access revoked.",
    none: "No app has access to your account.",
    can: "Can:",
    authorized: "Authorized",
    lastUsed: " · last used ",
    revoke: "Revoke",
  },
  related: {
    mutes: {
      title: "Muted accounts",
      undo: "Unmute",
      empty: "You haven't muted anyone.",
    },
    blocks: {
      title: "Blocked accounts",
      undo: "Unblock",
      empty: "You haven't blocked anyone.",
    },
  },
  domainBlocks: {
    title: "Blocked domains",
    help:
      "You won't see posts or notifications from anyone on a blocked server, and your followers there are removed.",
    server: "Server to block",
    block: "Block server",
    unblock: "Unblock",
    empty: "You haven't blocked any servers.",
  },
  followedTags: {
    title: "Followed hashtags",
    unfollow: "Unfollow",
    empty:
      "You don't follow any hashtags. Follow one from its page to see its posts in your home timeline.",
  },
  import: {
    title: "Import",
    helpBefore:
      "Bring data exported from Starling or another Mastodon-compatible server (",
    helpLink: "Export",
    helpAfter: ").",
    type: "Import type",
    /** Each import type (lib/imports names them so in its English messages too). */
    types: {
      following: "Following list",
      blocking: "Blocking list",
      muting: "Muting list",
      domain_blocking: "Domain blocking list",
      bookmarks: "Bookmarks",
      lists: "Lists",
    },
    mode: "Mode",
    modes: {
      merge: ["Merge", "keep what you have and add what the file lists"],
      overwrite: ["Overwrite", "also remove what the file doesn't list"],
    } as Record<"merge" | "overwrite", [string, string]>,
    file: "CSV file",
    upload: "Upload",
    recent: "Recent imports",
    refresh: "Refresh progress",
    /** `{file}` */
    importLabel: "Import {file}",
    finished: "Finished",
    stalled: "Stopped after repeated errors (an admin can retry it)",
    inProgress: "In progress",
    /** `{processed}`, `{total}` */
    progress: "{processed} of {total} rows processed",
    /** `{count}` */
    failedCount: ", {count} failed",
    failures: "Rows that failed",
    line: "Line",
    row: "Row",
    why: "Why",
  },
  export: {
    title: "Export",
    helpBefore:
      "CSV files in Mastodon's formats: import them here or on any Mastodon server (",
    helpLink: "Import",
    helpAfter: ").",
    rows: {
      following: "Follows",
      followers: "Followers",
      lists: "Lists",
      blocks: "You block",
      mutes: "You mute",
      domain_blocks: "Domain blocks",
      bookmarks: "Bookmarks",
    },
    /** `{file}` */
    download: "Download {file}",
  },
  aliases: {
    title: "Account aliases",
    intro:
      "To move from another account to this one, add the old account here first; then start the move from the old account.",
    handle: "Handle of the old account",
    create: "Create alias",
    remove: "Remove alias",
  },
  migration: {
    title: "Move to another account",
    movedBefore: "This account has moved to ",
    movedAfter: ". It can no longer post, and its profile points there.",
    cancel: "Cancel redirect",
    intro:
      "First add this account as an alias on the new account. Moving sends your followers to the new account (your posts stay here), and this account can no longer post. You can move once every 30 days.",
    /** `{date}` */
    movedRecently: "You moved recently: you can move again after {date}.",
    handle: "Handle of the new account",
    redirectOnly:
      "Redirect only: point the profile to the new account without moving followers",
    submit: "Move followers",
  },
  delete: {
    title: "Delete account",
    scheduledBefore: "Your account will be deleted on ",
    scheduledAfter: ". Until then you can keep it.",
    cancel: "Cancel the deletion",
    /** `{days}` */
    intro:
      "Your posts, media, follows and profile will be removed, and other servers will be told to remove them too. Your username will not be available to anyone again. You have {days} days to change your mind by signing in again; you are signed out everywhere at once.",
    submit: "Delete my account",
  },
  archive: {
    title: "Archive",
    exportHeading: "Your archive",
    exportIntro:
      "A ZIP file with your posts (as ActivityPub, as Mastodon's archives), your profile, avatar and header, your likes and bookmarks, and every file you attached. It is prepared in the background; you can ask for one every 7 days.",
    /** `{date}` */
    pending:
      "Your archive is being prepared (asked {date}). Reload this page to see when it is ready.",
    download: "Download your archive",
    /** `{size}`, `{date}` */
    ready: " ({size}, prepared {date})",
    failed: "Preparing your archive failed. You can ask for it again.",
    /** `{date}` */
    nextAllowed: "You can ask for a new archive after {date}.",
    request: "Request your archive",
    importHeading: "Import posts from an archive",
    importIntro:
      "Bring your posts over from a Mastodon (or Starling) archive. They keep their dates, content warnings, visibility, attached files and threads, and show on your profile as they were. They are not sent to your followers as new posts. You will see what will be imported before anything is.",
    analysing: "Reading your archive… Reload this page to see it.",
    willImport: "What will be imported",
    dryRun: "Dry run",
    confirm: "Import these posts",
    cancel: "Cancel",
    importing: "Importing your posts… Reload this page to see it.",
    done: "Import finished",
    result: "Import result",
    /** `{error}` */
    unreadable: "This archive could not be read: {error}",
    file: "Archive (ZIP)",
    read: "Read archive",
    summary: {
      posts: "Posts to import",
      replies: "Replies within the archive (threads kept)",
      media: "Attached files",
      boosts: "Boosts of posts known here",
      duplicates: "Already imported (skipped)",
      skippedBoosts: "Boosts of posts not known here (skipped)",
      missingMedia: "Files missing from the archive (skipped)",
      unsupported: "Other items (skipped)",
    },
    results: {
      posts: "Posts imported",
      boosts: "Boosts imported",
      media: "Files imported",
      duplicates: "Already imported (skipped)",
      skippedBoosts: "Boosts skipped",
      mediaSkipped: "Files skipped",
    },
  },
  /** routes/disputes/strikes/** (Mastodon's "account status"). */
  strikes: {
    title: "Account status",
    suspended:
      "Your account is suspended. Below is the moderators' decision; you can appeal it once. Nothing else of your account is reachable until the suspension is lifted.",
    signOut: "Sign out",
    goodStanding: "Your account is in good standing.",
    /** What each action is called in the list (English shows the action's own name). */
    actions: {
      none: "none",
      sensitive: "sensitive",
      disable: "disable",
      silence: "silence",
      suspend: "suspend",
    } as Record<string, string>,
    /** What each action means to the user (Mastodon's strike page wording, in short). */
    meanings: {
      none: "A moderator sent you a warning.",
      sensitive: "Your posts' media will be marked sensitive.",
      disable: "Your account's login was disabled.",
      silence: "Your account is limited: only your followers see your posts.",
      suspend: "Your account was suspended.",
    } as Record<string, string>,
    /** `{date}` */
    heading: "Warning of {date}",
    reversed: "This decision was reversed.",
    yourAppeal: "Your appeal",
    appealStates: {
      pending: "Appeal pending",
      approved: "Appeal approved",
      rejected: "Appeal rejected",
    },
    appeal: "Appeal this decision",
    submit: "Submit appeal",
  },
  severed: {
    title: "Severed relationships",
    intro:
      "Follows and followers you lost because a server or an account was blocked or suspended. Each list can be downloaded.",
    none: "No relationships were severed.",
    /** `{target}` and `{date}` are shown in bold and as a date; the text goes around them. */
    reasons: {
      domain_block: ["This server's moderators blocked ", " on ", "."],
      user_domain_block: ["You blocked ", " on ", "."],
      account_suspension: ["This server's moderators suspended ", " on ", "."],
    } as Record<
      "domain_block" | "user_domain_block" | "account_suspension",
      [string, string, string]
    >,
    /** `{count}` */
    followingLost: "Follows lost: {count}",
    /** `{count}` */
    followersLost: "Followers lost: {count}",
  },
  /** routes/mail/unsubscribe.tsx; `{what}` is the kind of e-mail (mail.notificationTypeNames). */
  unsubscribe: {
    title: "Unsubscribe",
    heading: "E-mails about {what}",
    doneBefore:
      "Done: you won't get e-mails about {what} any more. You can turn them on again in ",
    doneLink: "your preferences",
    doneAfter: ".",
    stop: "Stop e-mails about {what}",
  },
};

export type SettingsMessages = typeof settings;
