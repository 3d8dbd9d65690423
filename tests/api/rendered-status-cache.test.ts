/**
 * Statuses' JSON is kept in memory between requests (lib/mastodon/entities/status-json.ts), and
 * every change reaches readers — made through another instance on the same database (another
 * process, its own memory) or by SQL behind Starling's back: an edit, a delete, a favourite's
 * count and flag, a mute and a block, a change of visibility, a suspension, the author's new
 * name, a preview card attached later. Each viewer sees their own flags on the same kept JSON.
 */
import assert from "node:assert/strict";
import postgres from "postgres";
import { startTestInstance } from "../helpers/app.ts";
import { createTestDatabase } from "../helpers/db.ts";
import { api, createUserWithToken, follow } from "../helpers/users.ts";

interface StatusJson {
  id: string;
  content: string;
  visibility: string;
  favourites_count: number;
  favourited?: boolean;
  reblogged?: boolean;
  reblog: StatusJson | null;
  account: { display_name: string };
  card: { url: string } | null;
}

Deno.test("kept status JSON follows every change, from any process", async () => {
  const database = await createTestDatabase();
  const reader = await startTestInstance({ database });
  const writer = await startTestInstance({ database });
  const other = postgres(database.url, { max: 1, onnotice: () => {} });
  try {
    const alice = await createUserWithToken(writer, "alice");
    const bob = await createUserWithToken(writer, "bob");
    const carol = await createUserWithToken(writer, "carol");
    await follow(writer, bob, alice);
    await follow(writer, carol, alice);
    const posted = await api(writer, alice.token, "POST", "/api/v1/statuses", {
      status: "first words",
    });
    const id: string = posted.body.id;
    const home = async (token: string) => {
      const res = await api(reader, token, "GET", "/api/v1/timelines/home");
      assert.equal(res.status, 200);
      return res.body as StatusJson[];
    };
    const one = async (token: string | null) => {
      const res = await api(reader, token, "GET", `/api/v1/statuses/${id}`);
      return { status: res.status, body: res.body as StatusJson };
    };
    const homeStatus = async (token: string) =>
      (await home(token)).find((s) => s.id === id || s.reblog?.id === id);

    // Rendered once and kept; a second read is served from memory and equal.
    assert.equal((await homeStatus(bob.token))?.content, "<p>first words</p>");
    assert.deepEqual(await home(bob.token), await home(bob.token));

    // An edit through the other instance.
    const edited = await api(
      writer,
      alice.token,
      "PUT",
      `/api/v1/statuses/${id}`,
      { status: "second words" },
    );
    assert.equal(edited.status, 200);
    assert.equal((await homeStatus(bob.token))?.content, "<p>second words</p>");
    assert.equal((await one(bob.token)).body.content, "<p>second words</p>");

    // A favourite: the count for everyone, the flag for the one who gave it.
    assert.equal(
      (await api(writer, bob.token, "POST", `/api/v1/statuses/${id}/favourite`))
        .status,
      200,
    );
    const forBob = await homeStatus(bob.token);
    const forCarol = await homeStatus(carol.token);
    assert.equal(forBob?.favourites_count, 1);
    assert.equal(forBob?.favourited, true);
    assert.equal(forCarol?.favourites_count, 1);
    assert.equal(forCarol?.favourited, false);
    assert.equal((await one(null)).body.favourites_count, 1);
    assert.equal((await one(null)).body.favourited, undefined);

    // A boost shows the kept original inside, with the booster's own flag.
    const boost = await api(
      writer,
      carol.token,
      "POST",
      `/api/v1/statuses/${id}/reblog`,
    );
    assert.equal(boost.status, 200);
    await follow(writer, bob, carol);
    const boosts = (await home(bob.token)).filter((s) => s.reblog?.id === id);
    assert.equal(
      boosts.length,
      0,
      "a boost of a status already shown is not shown again",
    );
    const carolsView = await one(carol.token);
    assert.equal(carolsView.body.reblogged, true);
    assert.equal((await one(bob.token)).body.reblogged, false);

    // The author's new name, written by SQL (another program, no notification at all).
    await other`UPDATE accounts SET display_name = 'Alice A.' WHERE id = ${alice.account.id}`;
    assert.equal(
      (await homeStatus(bob.token))?.account.display_name,
      "Alice A.",
    );
    assert.equal((await one(null)).body.account.display_name, "Alice A.");

    // A preview card attached later (as the card job does).
    const [card] = await other<{ id: string }[]>`
      INSERT INTO preview_cards (url, title, description, type)
      VALUES ('https://example.com/page', 'A page', '', 'link') RETURNING id`;
    await other`INSERT INTO preview_cards_statuses (status_id, preview_card_id)
                VALUES (${id}, ${card.id})`;
    assert.equal(
      (await homeStatus(bob.token))?.card?.url,
      "https://example.com/page",
    );

    // Visibility changed behind Starling's back: shown as such, and gone for a non-follower.
    await other`UPDATE statuses SET visibility = 'private' WHERE id = ${id}`;
    assert.equal((await homeStatus(bob.token))?.visibility, "private");
    const dave = await createUserWithToken(writer, "dave");
    assert.equal((await one(dave.token)).status, 404);
    assert.equal((await one(null)).status, 404);
    await other`UPDATE statuses SET visibility = 'public' WHERE id = ${id}`;
    assert.equal((await one(null)).body.visibility, "public");

    // A mute and a block take the status off the viewer's home; the others still see it.
    assert.equal(
      (await api(
        writer,
        bob.token,
        "POST",
        `/api/v1/accounts/${alice.account.id}/mute`,
      ))
        .status,
      200,
    );
    assert.equal(await homeStatus(bob.token), undefined);
    assert.ok(await homeStatus(carol.token));
    assert.equal(
      (await api(
        writer,
        carol.token,
        "POST",
        `/api/v1/accounts/${alice.account.id}/block`,
      ))
        .status,
      200,
    );
    assert.equal(await homeStatus(carol.token), undefined);

    // A suspension hides it from everyone.
    const erin = await createUserWithToken(writer, "erin");
    await follow(writer, erin, alice);
    await other`INSERT INTO home_feed_entries (account_id, status_id)
                VALUES (${erin.account.id}, ${id}) ON CONFLICT DO NOTHING`;
    assert.ok(await homeStatus(erin.token));
    await other`UPDATE accounts SET suspended_at = now() WHERE id = ${alice.account.id}`;
    assert.equal(await homeStatus(erin.token), undefined);
    assert.equal((await one(erin.token)).status, 404);
    await other`UPDATE accounts SET suspended_at = NULL WHERE id = ${alice.account.id}`;
    assert.ok(await homeStatus(erin.token));

    // A poll: its votes for everyone, each viewer's own votes.
    const poll = await api(writer, alice.token, "POST", "/api/v1/statuses", {
      status: "which?",
      poll: { options: ["this", "that"], expires_in: 3600 },
    });
    const pollOf = async (token: string) =>
      (await home(token)).find((s) => s.id === poll.body.id) as unknown as {
        poll: { votes_count: number; voted: boolean; own_votes: number[] };
      };
    assert.equal((await pollOf(erin.token)).poll.votes_count, 0);
    assert.equal(
      (await api(
        writer,
        erin.token,
        "POST",
        `/api/v1/polls/${poll.body.poll.id}/votes`,
        {
          choices: ["1"],
        },
      )).status,
      200,
    );
    const erinsPoll = (await pollOf(erin.token)).poll;
    assert.equal(erinsPoll.votes_count, 1);
    assert.equal(erinsPoll.voted, true);
    assert.deepEqual(erinsPoll.own_votes, [1]);

    // A sensitized author's posts are sensitive to others, not to the author.
    await other`UPDATE accounts SET sensitized_at = now() WHERE id = ${alice.account.id}`;
    const seen = (await home(erin.token)).find((s) =>
      s.id === poll.body.id
    ) as unknown as {
      sensitive: boolean;
    };
    assert.equal(seen.sensitive, true);
    const own = await api(
      reader,
      alice.token,
      "GET",
      `/api/v1/statuses/${poll.body.id}`,
    );
    assert.equal(own.body.sensitive, false);

    // A delete through the other instance.
    assert.equal(
      (await api(writer, alice.token, "DELETE", `/api/v1/statuses/${id}`))
        .status,
      200,
    );
    assert.equal(await homeStatus(erin.token), undefined);
    assert.equal((await one(erin.token)).status, 404);
  } finally {
    await other.end();
    await reader.close();
    await writer.close();
    await database.drop();
  }
});
