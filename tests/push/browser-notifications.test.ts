/**
 * The web UI's browser notifications: on the preferences page, the island registers the service
 * worker and the browser's push subscription with `/api/v1/push/subscription` (under the
 * session's push token), and a mention then reaches that subscription. Headless Chromium has no
 * push service to subscribe with, so `PushManager.subscribe` hands out the loopback receiver's
 * endpoint and keys instead; the service worker, the permission and everything of ours are real.
 * The service worker shows a delivered push; signing out removes the subscription with the session.
 */
import assert from "node:assert/strict";
import { createStatus } from "../../lib/domain/statuses.ts";
import { options, signIn, watchProblems, withBrowser } from "../web/harness.ts";
import { startPushReceiver } from "../helpers/push-receiver.ts";
import { eventually } from "../federation/helpers.ts";

Deno.test(
  "web UI: browser notifications register the service worker and the push subscription",
  options,
  async () => {
    await withBrowser(async (browser, instance, { alice, bob }) => {
      const receiver = startPushReceiver(instance.deps.vapid.publicKey);
      try {
        const context = await browser.newContext({
          baseURL: instance.origin,
          permissions: ["notifications"],
        });
        await context.addInitScript((subscription) => {
          // Kept in localStorage, as a browser keeps its subscription across page loads.
          const fake = {
            endpoint: subscription.endpoint,
            toJSON: () => subscription,
            unsubscribe: () => {
              localStorage.removeItem("fake-push");
              return Promise.resolve(true);
            },
          };
          const current = () =>
            (localStorage.getItem("fake-push") ? fake : null) as unknown as
              | PushSubscription
              | null;
          PushManager.prototype.subscribe = function () {
            localStorage.setItem("fake-push", "1");
            return Promise.resolve(current()!);
          };
          PushManager.prototype.getSubscription = () =>
            Promise.resolve(current());
        }, { endpoint: receiver.endpoint, keys: receiver.keys });
        const page = await context.newPage();
        const problems = watchProblems(page);
        await signIn(page, "alice", "/settings/preferences");
        await page.locator("[data-push-state='off']").waitFor();
        await page.getByRole("button", {
          name: "Turn on browser notifications",
        }).click();
        await page.locator("[data-push-state='on']").waitFor();
        // A reload finds the subscription registered (asked of the API, not just the browser).
        await page.reload();
        await page.locator("[data-push-state='on']").waitFor();
        const worker = await page.evaluate(async () =>
          (await navigator.serviceWorker.getRegistration("/"))?.active
            ?.scriptURL
        );
        assert.equal(worker, `${instance.origin}/sw.js`);

        const { sql } = instance.deps;
        const [row] = await sql<{ endpoint: string; scopes: string }[]>`
          SELECT s.endpoint, t.scopes FROM web_push_subscriptions s
          JOIN oauth_tokens t ON t.id = s.token_id
          WHERE s.account_id = ${alice.account.id}`;
        assert.equal(row.endpoint, receiver.endpoint);
        assert.equal(row.scopes, "push", "a push-only token, not the page's");

        await createStatus(instance.deps, bob, {
          status: "@alice did your browser tell you?",
        });
        const push = await receiver.next();
        assert.deepEqual(push.problems, []);
        assert.equal(push.payload.notification_type, "mention");
        assert.match(String(push.payload.body), /did your browser tell you/);

        // The service worker shows what it is given: the decrypted push, handed to it the way
        // the browser would (DevTools' push delivery stands in for the push service).
        const cdp = await context.newCDPSession(page);
        const registrationId = new Promise<string>((resolve) =>
          cdp.on(
            "ServiceWorker.workerRegistrationUpdated",
            ({ registrations }) => {
              const ours = registrations.find((r) =>
                r.scopeURL === `${instance.origin}/` && !r.isDeleted
              );
              if (ours) resolve(ours.registrationId);
            },
          )
        );
        await cdp.send("ServiceWorker.enable");
        await cdp.send("ServiceWorker.deliverPushMessage", {
          origin: instance.origin,
          registrationId: await registrationId,
          data: push.text,
        });
        // The worker shows it asynchronously: ask until it is there (an async predicate
        // would be a promise, truthy at once, for waitForFunction).
        const shownNotification = () =>
          page.evaluate(async () => {
            const registration = await navigator.serviceWorker
              .getRegistration("/");
            const [n] = await registration!.getNotifications();
            return n
              ? { title: n.title, body: n.body, icon: n.icon, tag: n.tag }
              : null;
          });
        let shown = await shownNotification();
        for (let i = 0; !shown && i < 200; i++) {
          await new Promise((r) => setTimeout(r, 50));
          shown = await shownNotification();
        }
        assert.deepEqual(shown, {
          title: push.payload.title,
          body: push.payload.body,
          icon: push.payload.icon,
          tag: `notification-${push.notificationId}`,
        });

        assert.equal(problems.length, 0, problems.join("\n"));

        // Signing out ends the session, its push token and so the subscription.
        await page.evaluate(() =>
          document.querySelector<HTMLFormElement>(
            "form[action='/auth/sign_out']",
          )!.requestSubmit()
        );
        await eventually(
          "the subscription removed",
          async () =>
            (await sql`SELECT 1 FROM web_push_subscriptions
            WHERE account_id = ${alice.account.id}`).length === 0,
        );
        // Signed in again, the browser's old subscription is not this session's: off.
        await signIn(page, "alice", "/settings/preferences");
        await page.locator("[data-push-state='off']").waitFor();
        // …which the API's 404 for this session's (absent) subscription told the island.
        const unexpected = problems.filter((p) => !p.includes("404"));
        assert.deepEqual(unexpected, []);
        assert.ok(
          problems.some((p) =>
            p.includes("404") && p.includes("/api/v1/push/subscription")
          ),
          problems.join("\n"),
        );
        await context.close();
      } finally {
        await receiver.close();
      }
    });
  },
);
