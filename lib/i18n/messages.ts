/**
 * The shape every catalogue has. A locale's catalogue is typed against it, so a string missing
 * from one fails `deno check` rather than showing up in English (or blank) at run time.
 */
export interface Messages {
  /** The page shell: skip link, header navigation, footer (routes/_app.tsx). */
  shell: {
    skipToContent: string;
    mainNavigation: string;
    home: string;
    notifications: string;
    /** `{count}` stands for the number (islands get strings, not functions). */
    notificationsUnread: string;
    messages: string;
    explore: string;
    search: string;
    local: string;
    federated: string;
    lists: string;
    bookmarks: string;
    favourites: string;
    filters: string;
    profile: string;
    settings: string;
    more: string;
    signIn: string;
    signUp: string;
    signOut: string;
    runsStarling: (host: string) => string;
    about: string;
    privacyPolicy: string;
    termsOfService: string;
  };
  /** The interface-language setting (routes/settings/preferences.tsx). */
  language: {
    legend: string;
  };
}
