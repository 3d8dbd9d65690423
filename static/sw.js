// Starling's service worker: shows the Web Push notifications the server sends (Mastodon's
// payload: title, body, icon), and opens the app on a click. It caches nothing.

self.addEventListener("push", (event) => {
  let text = "";
  let data = {};
  try {
    text = event.data ? event.data.text() : "";
    data = text ? JSON.parse(text) : {};
  } catch {
    data = {};
  }
  // The id is a 64-bit JSON number: read its digits from the text, not the lossy parsed value.
  const id = /"notification_id":\s*"?(\d+)/.exec(text)?.[1] ?? "";
  event.waitUntil(
    self.registration.showNotification(data.title || "Starling", {
      body: data.body || "",
      icon: data.icon || undefined,
      tag: id ? `notification-${id}` : undefined,
      data: { url: "/notifications" },
    }),
  );
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const url = new URL(
    event.notification.data?.url || "/notifications",
    self.location.origin,
  ).href;
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({
      type: "window",
      includeUncontrolled: true,
    });
    const open = windows.find((w) =>
      new URL(w.url).origin === self.location.origin
    );
    if (open) {
      await open.focus();
      if ("navigate" in open) await open.navigate(url);
      return;
    }
    await self.clients.openWindow(url);
  })());
});
