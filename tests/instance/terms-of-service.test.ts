/**
 * Terms of service (Mastodon 4.4, issue 16/17): an admin publishes versions with the date they
 * take effect; `GET /api/v1/instance/terms_of_service` gives the one in force (before any is,
 * the first upcoming one), `…/:date` any version with `succeeded_by`; none published → 404 and
 * no `urls.terms_of_service`; a version in force can't be rewritten, an upcoming one can.
 */
import assert from "node:assert/strict";
import { startTestInstance } from "../helpers/app.ts";
import { api } from "../helpers/users.ts";
import { assertResponseMatches } from "../helpers/openapi.ts";
import { createStaff } from "../moderation/helpers.ts";
import { loadActor } from "../../lib/moderation/mod.ts";
import { publishTerms } from "../../lib/instance/mod.ts";

const PATH = "/api/v1/instance/terms_of_service";

Deno.test("terms of service: versions by date, the one in force, history", async () => {
  const instance = await startTestInstance();
  try {
    const { deps } = instance;
    const admin = await createStaff(instance, "carla", "admin");
    const asAdmin = await loadActor(deps.sql, admin.user);
    const get = (path: string) => api(instance, null, "GET", path);

    const none = await get(PATH);
    assert.equal(none.status, 404);
    assert.deepEqual(none.body, { error: "Record not found" });
    const before = await get("/api/v2/instance");
    assert.equal(before.body.configuration.urls.terms_of_service, null);

    // Only an upcoming version: shown, not yet effective.
    await publishTerms(deps.sql, asAdmin, {
      text: "Future terms.",
      effectiveDate: "2999-01-01",
    });
    const upcoming = await get(PATH);
    await assertResponseMatches("GET", PATH, 200, upcoming.body);
    assert.equal(upcoming.body.effective, false);
    assert.equal(upcoming.body.effective_date, "2999-01-01");

    // An upcoming version may be corrected; one in force may not.
    await publishTerms(deps.sql, asAdmin, {
      text: "Future terms, corrected.",
      effectiveDate: "2999-01-01",
    });
    await publishTerms(deps.sql, asAdmin, {
      text: "Old terms.",
      effectiveDate: "2020-01-01",
    });
    await assert.rejects(
      publishTerms(deps.sql, asAdmin, {
        text: "Rewritten history.",
        effectiveDate: "2020-01-01",
      }),
      { kind: "validation" },
    );
    await assert.rejects(
      publishTerms(deps.sql, asAdmin, { text: "x", effectiveDate: "soon" }),
      { kind: "validation" },
    );

    const current = await get(PATH);
    assert.deepEqual(current.body, {
      effective_date: "2020-01-01",
      effective: true,
      content: "<p>Old terms.</p>",
      succeeded_by: "2999-01-01",
    });
    const later = await get(`${PATH}/2999-01-01`);
    await assertResponseMatches("GET", `${PATH}/{date}`, 200, later.body);
    assert.deepEqual(later.body, {
      effective_date: "2999-01-01",
      effective: false,
      content: "<p>Future terms, corrected.</p>",
      succeeded_by: null,
    });
    assert.equal((await get(`${PATH}/2019-05-05`)).status, 404);
    assert.equal((await get(`${PATH}/yesterday`)).status, 404);

    const after = await get("/api/v2/instance");
    assert.equal(
      after.body.configuration.urls.terms_of_service,
      `${instance.origin}/terms-of-service`,
    );
    // The pages: the one in force, and an older one by its date.
    const page = await (await instance.fetch("/terms-of-service")).text();
    assert.match(page, /Old terms\./);
    assert.match(page, /href="\/terms-of-service\/2999-01-01"/);
    const dated = await instance.fetch("/terms-of-service/2999-01-01");
    assert.match(await dated.text(), /Future terms, corrected\./);
  } finally {
    await instance.close();
  }
});
