/**
 * Mastodon.py (Debian's python3-mastodon, as an app written with it would run) against Starling,
 * for what issue 17 added: a post scheduled for later is kept, listed and published when its
 * time comes; a post with a hashtag the user follows reaches their home timeline; a push
 * subscription made by Mastodon.py (its legacy `aesgcm` encoding) delivers a mention that the
 * receiver decrypts with the keys Mastodon.py registered. The Python side is
 * `mastodon_py_scenario.py`, one step per run; skipped with a message when Mastodon.py is absent.
 */
import assert from "node:assert/strict";
import { api, createUserWithToken } from "../helpers/users.ts";
import { eventually } from "../federation/helpers.ts";
import { setup } from "../push/scenario.ts";

const PYTHON = "/usr/bin/python3";
const SCRIPT = new URL("./mastodon_py_scenario.py", import.meta.url).pathname;

function hasMastodonPy(): boolean {
  try {
    return new Deno.Command(PYTHON, { args: ["-c", "import mastodon"] })
      .outputSync().success;
  } catch {
    return false;
  }
}

const ignore = !hasMastodonPy();
if (ignore) {
  console.warn(
    "Mastodon.py tests skipped: apt-get install -y python3-mastodon",
  );
}

async function mastodonPy(...args: string[]) {
  const { success, stdout, stderr } = await new Deno.Command(PYTHON, {
    args: [SCRIPT, ...args],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const err = new TextDecoder().decode(stderr);
  assert.ok(success, `Mastodon.py ${args[0]} failed:\n${err}`);
  return JSON.parse(new TextDecoder().decode(stdout));
}

Deno.test({
  name:
    "Mastodon.py: a scheduled post is published later, a followed hashtag reaches home, a push arrives and decrypts",
  ignore,
  sanitizeOps: false,
  sanitizeResources: false,
  async fn() {
    const { instance, receiver, alice, close } = await setup();
    try {
      const bob = await createUserWithToken(instance, "bob");
      const scheduled = await mastodonPy(
        "schedule",
        instance.origin,
        alice.token,
        receiver.endpoint,
        receiver.keys.p256dh,
        receiver.keys.auth,
      );
      assert.equal(scheduled.scheduled_text, "Later, from Mastodon.py");
      assert.ok(
        Date.parse(scheduled.scheduled_at) > Date.now() + 9 * 60_000,
        "kept for its time, not posted",
      );
      assert.deepEqual(scheduled.listed, [scheduled.scheduled_id]);
      assert.equal(scheduled.following_tag, true);
      assert.equal(scheduled.push_endpoint, receiver.endpoint);
      assert.equal(scheduled.push_alerts.mention, true);
      assert.equal(scheduled.push_alerts.favourite, false);

      // Bob, whom Alice doesn't follow, uses the hashtag, then mentions her.
      const tagged = await api(
        instance,
        bob.token,
        "POST",
        "/api/v1/statuses",
        {
          status: "Hello #starlingpy readers",
        },
      );
      assert.equal(tagged.status, 200);
      await api(instance, bob.token, "POST", "/api/v1/statuses", {
        status: "@alice did the push arrive?",
      });
      const push = await receiver.next();
      assert.equal(
        push.encoding,
        "aesgcm",
        "Mastodon.py asks for the legacy encoding",
      );
      assert.deepEqual(push.problems, []);
      assert.equal(push.payload.notification_type, "mention");
      assert.match(String(push.payload.body), /did the push arrive/);

      // The scheduled post's time comes (the clock moved on by ten minutes).
      await instance.deps.sql`
        UPDATE jobs SET run_at = now() WHERE kind = 'status.publish_scheduled'`;
      await instance.deps.sql`SELECT pg_notify('starling_jobs', '0')`;
      await eventually(
        "the scheduled post is published",
        async () =>
          (await instance.deps.sql`
          SELECT 1 FROM scheduled_statuses WHERE id = ${scheduled.scheduled_id}`)
            .length === 0,
      );

      const home = await mastodonPy("home", instance.origin, alice.token);
      const texts = home.home.map((s: { content: string }) => s.content);
      assert.ok(
        texts.some((t: string) => t.includes("Later, from Mastodon.py")),
        "the published post is on home",
      );
      assert.ok(
        home.home.some((s: { id: string }) => s.id === tagged.body.id),
        "the followed hashtag's post is on home",
      );
      assert.deepEqual(home.scheduled, [], "nothing left scheduled");
    } finally {
      await close();
    }
  },
});
