/**
 * A small, realistic set of accounts and posts for the web UI tests and screenshots, made
 * through the same domain functions the app uses.
 */
import type { Deps } from "../../lib/deps.ts";
import { signUp } from "../../lib/domain/accounts.ts";
import { createStatus } from "../../lib/domain/statuses.ts";
import { updateProfile } from "../../lib/domain/profiles.ts";
import { follow } from "../../lib/domain/relationships.ts";
import { favouriteStatus } from "../../lib/domain/interactions.ts";

export const PASSWORD = "correct horse battery staple";

export async function seed(deps: Deps) {
  const make = (username: string) =>
    signUp(deps.sql, {
      username,
      email: `${username}@example.com`,
      password: PASSWORD,
    }, { registrations: "open", byOperator: true });
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
