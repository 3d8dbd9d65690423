/**
 * Signing in and up (routes/auth/**), the app consent page (routes/oauth/authorize.tsx), and
 * the widgets those and the settings pages share: password fields, the confirm-your-address
 * notice, the security key button (an island: its strings travel as props, `{…}` filled with
 * `fill()`). A sentence around a link is split into the text before, the link, and after.
 */
export const auth = {
  signIn: {
    title: "Sign in",
    passwordReset:
      "Your password was changed, and every device and app signed out. Sign in with the new password.",
    deletionRequested:
      "Your account will be deleted, and every device and app signed out. Sign in again before then to cancel.",
    login: "Username or email",
    password: "Password",
    submit: "Sign in",
    forgotPassword: "Forgot password?",
    newHere: "New here?",
    createAccount: "Create an account",
  },
  signUp: {
    title: "Sign up",
    pendingHeading: "Almost there",
    pending:
      "Your account was created and is waiting for a moderator's approval. You can sign in once it is approved.",
    pendingConfirm:
      "Meanwhile, please confirm your e-mail address with the link we sent you.",
    badInviteClosed: "This invite link is no longer valid.",
    closed: "Registrations are closed on this server.",
    heading: "Create an account",
    /** `{username}` */
    invitedBy: "You were invited by @{username}.",
    badInvite:
      "This invite link is no longer valid; you can still sign up without it.",
    reviewed: "New accounts on this server are reviewed by a moderator.",
    rules: "Server rules",
    rulesAgree: "By signing up you agree to follow them.",
    username: "Username",
    usernameHelp: "Letters, numbers and underscores; up to 30 characters.",
    email: "Email",
    password: "Password",
    confirmPassword: "Confirm password",
    /** `{age}` */
    dateOfBirth:
      "Date of birth (you must be at least {age}; it is checked, not kept)",
    reason: "Why do you want to join?",
    acceptBefore: "Signing up means accepting the ",
    privacyPolicy: "privacy policy",
    acceptAnd: " and the ",
    termsOfService: "terms of service",
    acceptAfter: ".",
    submit: "Sign up",
    haveAccount: "Already have an account?",
    signIn: "Sign in",
  },
  twoFactor: {
    title: "Two-factor authentication",
    useKey: "Use security key",
    code: "Code from your authenticator app, or a recovery code",
    submit: "Sign in",
  },
  confirmation: {
    confirmedTitle: "E-mail address confirmed",
    confirmedAccount:
      "Thank you: your e-mail address is confirmed, and you can post now.",
    confirmedChange:
      "Your new e-mail address is confirmed and now used for your account.",
    goHome: "Go to your home timeline",
    signIn: "Sign in",
    title: "Confirm your e-mail address",
    /** `{email}` */
    sent: "A new confirmation link is on its way to {email}.",
    sentToBefore: "We sent a link to ",
    sentToAfter:
      ". Follow it to confirm your address; until then you can read, but not post. The link works for 24 hours.",
    sendAgain: "Send the link again",
    wrongAddressBefore: "Wrong address? Change it in ",
    wrongAddressLink: "your e-mail settings",
    wrongAddressAfter: ".",
  },
  /** components/ConfirmEmailNotice.tsx, above every page until the address is confirmed. */
  confirmNotice: {
    before: "Please confirm your e-mail address: follow the link we sent to ",
    after: ". Until then you can read, but not post.",
    sendAgain: "Send the link again",
  },
  forgotPassword: {
    title: "Forgot password",
    heading: "Forgot your password?",
    sent:
      "If that e-mail address belongs to an account here, a link to reset its password is on its way. It works for 1 hour.",
    intro:
      "Enter the e-mail address of your account: we will send you a link to choose a new password.",
    email: "Email",
    submit: "Send reset link",
    back: "Back to sign in",
  },
  resetPassword: {
    title: "Choose a new password",
    submit: "Set new password",
    askAgain: "Ask for a new link",
  },
  /** components/NewPasswordFields.tsx and CurrentPasswordField.tsx. */
  passwordFields: {
    current: "Current password",
    yours: "Your password",
    new: "New password",
    confirmNew: "Confirm new password",
  },
  /** islands/SecurityKeyButton.tsx: strings only (`{reason}` filled in the island). */
  securityKey: {
    waiting: "Waiting for your key…",
    notUsed: "The key was not used (cancelled or timed out). Try again.",
    browserFailed: "Your browser could not use the key: {reason}",
  },
  /** routes/oauth/authorize.tsx */
  oauth: {
    failedTitle: "Authorization failed",
    goHome: "Go to the start page",
    codeTitle: "Authorization code",
    /** `{app}` */
    copyCode: "Copy this code and paste it into {app}.",
    /** `{app}` */
    title: "Authorize {app}",
    /** `{app}` */
    heading: "Authorize {app}?",
    wantsBefore: " wants to use your account ",
    wantsAfter: ". It will be able to:",
    trustBefore:
      "Only authorize apps you trust. You can revoke its access at any time in ",
    trustLink: "Settings › Apps",
    trustAfter: ".",
    deny: "Deny",
    authorize: "Authorize",
    unreadable: "The form could not be read.",
    expired: "This form has expired. Go back, reload the page and try again.",
    notSignedIn: "You are not signed in.",
    /** Plain words for each scope; the scope itself is shown small beside them. */
    scopes: {
      read:
        "See everything in your account: posts, timelines, lists and settings",
      write: "Post, edit and delete, and change anything in your account",
      follow: "Follow, unfollow, block and mute accounts for you",
      push: "Send you push notifications",
      profile: "See your basic profile only (name, picture, bio)",
      "admin:read": "See all data on this server (moderator)",
      "admin:write": "Change any data on this server (moderator)",
    } as Record<string, string>,
    /** A finer scope: `{what}` is its name (`read:statuses` → "statuses"). */
    readScope: "See your {what}",
    writeScope: "Change your {what}",
  },
};

export type AuthMessages = typeof auth;
