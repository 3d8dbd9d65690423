/**
 * A small, realistic set of accounts and posts for the web UI tests and screenshots, made
 * through the same domain functions the app uses.
 */
import type { Deps } from "../../lib/deps.ts";
import { signUp } from "../../lib/domain/accounts.ts";
import { createStatus } from "../../lib/domain/statuses.ts";
import { updateProfile } from "../../lib/domain/profiles.ts";
import {
  bookmarkStatus,
  favouriteStatus,
  reblogStatus,
} from "../../lib/domain/interactions.ts";
import { follow, mute } from "../../lib/domain/relationships.ts";
import { uploadMedia } from "../../lib/domain/media.ts";
import { addListAccounts, createList } from "../../lib/domain/lists.ts";
import { createFilter } from "../../lib/domain/filters.ts";
import { blockDomain } from "../../lib/domain/domain-blocks.ts";
import { changeNotificationPolicy } from "../../lib/domain/notification-policy.ts";
import { fileReport } from "../../lib/domain/reports.ts";
import {
  appeal,
  BUILT_IN_ROLE_IDS,
  createCanonicalEmailBlock,
  createDomainAllow,
  createDomainBlock,
  createEmailDomainBlock,
  createInvite,
  createIpBlock,
  createRole,
  createWarningPreset,
  loadActor,
  takeAccountAction,
} from "../../lib/moderation/mod.ts";
import {
  createAnnouncement,
  createRule,
  publishTerms,
} from "../../lib/instance/mod.ts";
import { importEmoji } from "../../lib/emoji/mod.ts";
import { smallPng } from "../media/helpers.ts";
import {
  beginEnrolment,
  confirmEnrolment,
} from "../../lib/domain/two-factor.ts";
import { unsubscribeUrl } from "../../lib/mail/notification-mail.ts";
import * as OTPAuth from "otpauth";

export const PASSWORD = "correct horse battery staple";

/** A confirmed local user `username` with the seed's password. */
function makeUser(deps: Deps, username: string) {
  return signUp(deps.sql, {
    username,
    email: `${username}@example.com`,
    password: PASSWORD,
  }, { registrations: "open", byOperator: true });
}

export async function seed(deps: Deps) {
  const make = (username: string) => makeUser(deps, username);
  const alice = await make("alice");
  const bob = await make("bob");
  const carol = await make("carol");
  const profiled = await updateProfile(deps, alice, {
    displayName: "Alice Liddell",
    note:
      "Curious about everything. Writing about gardens, type design and #fediverse things.",
    fields: [
      { name: "Website", value: "https://alice.example" },
      { name: "Pronouns", value: "she/her" },
    ],
  });
  alice.account = profiled.account;
  const bobProfiled = await updateProfile(deps, bob, {
    displayName: "Bob",
    note: "Bakes bread, reads maps.",
  });
  bob.account = bobProfiled.account;
  await updateProfile(deps, carol, { displayName: "Carol ☕", locked: true });

  const first = await createStatus(deps, alice, {
    status:
      "Hello, fediverse! This is my first post on #starling. Looking forward to meeting everyone.",
  });
  const reply = await createStatus(deps, bob, {
    status:
      "@alice welcome! The sourdough thread is the best part of this place.",
    inReplyToId: first.id,
  });
  await createStatus(deps, alice, {
    status: "@bob thank you! Sourdough recipes are very welcome.",
    inReplyToId: reply.id,
  });
  await createStatus(deps, bob, {
    status: "Spoilers for the season finale below.",
    spoilerText: "TV spoilers",
    sensitive: true,
  });
  await createStatus(deps, carol, {
    status:
      "Tried a new pour-over recipe today: 15 g of coffee, 250 g of water at 94 °C. Nice and fruity. #coffee",
  });
  await follow(deps, bob.account, alice.account);
  await favouriteStatus(deps, bob.account.id, first.id);
  return { alice, bob, carol, first, reply };
}

/**
 * On top of `seed`, something for every page of the web UI to show (the page walk): a post with
 * a picture, a poll, a direct conversation, lists, filters, a follow request and a filtered
 * notification request for bob, a report, a warning with an appeal, and one of each thing the
 * admin pages manage, made by `ada` (an Admin). Returns the ids the pages' URLs need.
 */
export type Seeded = Awaited<ReturnType<typeof seed>>;

export async function seedEveryPage(deps: Deps, seeded: Seeded) {
  const { alice, bob, carol, first } = seeded;
  const { sql } = deps;
  const ada = await makeUser(deps, "ada");
  await sql`UPDATE users SET role_id = ${BUILT_IN_ROLE_IDS.admin}
            WHERE id = ${ada.user.id}`;
  ada.user.role_id = BUILT_IN_ROLE_IDS.admin;
  const admin = await loadActor(sql, ada.user);
  const dave = await makeUser(deps, "dave");

  // Posts: a picture with a description, a poll, a direct message, a bookmark.
  const picture = await uploadMedia(deps, alice.account.id, {
    bytes: await smallPng(64, 48),
    claimedType: "image/png",
    description: "A blue square",
  });
  const withMedia = await createStatus(deps, alice, {
    status: "The garden this morning. #starling",
    mediaIds: [picture.id],
  });
  const poll = await createStatus(deps, alice, {
    status: "Tabs or spaces?",
    poll: { options: ["Tabs", "Spaces"], expiresIn: 86400 },
  });
  await createStatus(deps, alice, {
    status: "@bob a direct word about the bread",
    visibility: "direct",
  });
  await bookmarkStatus(deps, bob.account.id, withMedia.id);
  await reblogStatus(deps, { id: bob.account.id, local: true }, poll.id);

  // bob's own things: a list with alice in it, a filter, a mute, a blocked domain.
  const list = await createList(sql, bob.account.id, { title: "Friends" });
  await addListAccounts(sql, bob.account.id, list.id, [alice.account.id]);
  const filter = await createFilter(sql, bob.account.id, {
    title: "Spoilers",
    context: ["home"],
    filterAction: "warn",
    keywords: [{ keyword: "finale" }],
  });
  await mute(deps, bob.account, carol.account, {});
  await blockDomain(deps, bob.account, "spam.example");

  // bob is locked: dave's follow is a request; dave's mention is filtered (bob does not follow
  // dave), so it waits among the notification requests.
  const locked = await updateProfile(deps, bob, { locked: true });
  bob.account = locked.account;
  await follow(deps, dave.account, bob.account);
  await changeNotificationPolicy(sql, bob.account.id, {
    for_not_following: "filter",
  });
  await createStatus(deps, dave, { status: "@bob hello from a stranger" });

  // A report on dave, then a warning, and dave's appeal of it.
  const rule = await createRule(sql, admin, {
    text: "Be kind",
    hint: "No harassment.",
  });
  const { report } = await fileReport(deps, bob.account, {
    targetAccountId: dave.account.id,
    statusIds: [],
    comment: "Unwanted mentions",
    ruleIds: [],
    forward: false,
  });
  const warning = await takeAccountAction(deps, admin, dave.account.id, {
    type: "none",
    text: "Please do not mention strangers repeatedly.",
    reportId: report.id,
    sendEmail: true,
  });
  await appeal(
    deps,
    dave.account.id,
    String(warning!.id),
    "It was a greeting.",
  );

  // One of each thing the admin pages list.
  const announcement = await createAnnouncement(deps, admin, {
    text: "Maintenance on Sunday.",
    publish: true,
  });
  const role = await createRole(sql, admin, {
    name: "Helper",
    color: "#336699",
    permissions: 0,
  });
  const preset = await createWarningPreset(sql, admin, {
    title: "Spam",
    text: "Please stop posting spam.",
  });
  const ipBlock = await createIpBlock(sql, admin, {
    ip: "192.0.2.0/24",
    severity: "sign_up_requires_approval",
    expiresIn: null,
  });
  const emailDomainBlock = await createEmailDomainBlock(
    sql,
    admin,
    "spam.example",
  );
  const canonicalEmailBlock = await createCanonicalEmailBlock(sql, admin, {
    email: "spammer@spam.example",
  });
  const domainBlock = await createDomainBlock(deps, admin, "bad.example", {
    severity: "suspend",
    public_comment: "Harassment",
  });
  await createDomainAllow(sql, admin, "good.example");
  const [subscription] = await sql<{ id: string }[]>`
    INSERT INTO domain_block_subscriptions (url, auto_apply, created_by_account_id)
    VALUES ('https://lists.example/blocklist.csv', false, ${ada.account.id})
    RETURNING id::text`;
  const invite = await createInvite(sql, admin, ada.user.id, {
    maxUses: 5,
    expiresIn: 86400,
    autofollow: false,
  });
  const emoji = await importEmoji(deps, admin, {
    shortcode: "blobcat",
    bytes: await smallPng(32, 32),
    category: "Cats",
  });
  const terms = await publishTerms(sql, admin, {
    text: "Be excellent to each other.",
    effectiveDate: "2026-01-01",
  });
  // erin has two-factor on: her sign-in stops at the code page.
  const erin = await makeUser(deps, "erin");
  const enrolment = await beginEnrolment(sql, erin.user.id, "erin", "Starling");
  await confirmEnrolment(sql, erin.user.id, {
    code: new OTPAuth.TOTP({
      secret: OTPAuth.Secret.fromBase32(enrolment.secret),
    }).generate(),
    password: PASSWORD,
  });
  const unsubscribe = new URL(
    await unsubscribeUrl(deps, bob.user.id, "mention"),
  );
  const [tag] = await sql<{ id: string }[]>`
    SELECT id::text FROM tags WHERE name = 'starling'`;
  return {
    ada,
    dave,
    withMedia,
    poll,
    list,
    filter,
    report,
    warning: warning!,
    rule,
    announcement,
    role,
    preset,
    ipBlock,
    emailDomainBlock,
    canonicalEmailBlock,
    domainBlock,
    subscription,
    invite,
    emoji,
    terms,
    tag,
    first,
    unsubscribe: unsubscribe.pathname + unsubscribe.search,
  };
}
