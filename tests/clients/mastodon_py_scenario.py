"""
The Mastodon.py side of tests/clients/mastodon-py.test.ts: one step per run, its results as
one JSON line on stdout. Mastodon.py checks the server's version before each call (its default
`version_check_mode`), so a version string it can't read fails every step.

  schedule ORIGIN TOKEN PUSH_ENDPOINT P256DH AUTH  schedule a post for later, follow a
                                                   hashtag, subscribe to pushes
  home ORIGIN TOKEN                                the home timeline and scheduled posts
"""
import base64
import datetime
import json
import sys

from mastodon import Mastodon

TAG = "starlingpy"


def b64url_bytes(text):
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def main(step, origin, token, *rest):
    api = Mastodon(access_token=token, api_base_url=origin, request_timeout=20)
    if step == "schedule":
        endpoint, p256dh, auth = rest
        at = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(minutes=10)
        scheduled = api.status_post("Later, from Mastodon.py", scheduled_at=at)
        listed = api.scheduled_statuses()
        # Mastodon.py 1.8 has no method for following a hashtag; its request machinery does.
        followed = api._Mastodon__api_request("POST", f"/api/v1/tags/{TAG}/follow")
        push = api.push_subscription_set(
            endpoint,
            {"pubkey": b64url_bytes(p256dh), "auth": b64url_bytes(auth)},
            mention_events=True,
            follow_events=True,
        )
        result = {
            "scheduled_id": str(scheduled["id"]),
            "scheduled_at": scheduled["scheduled_at"].isoformat(),
            "scheduled_text": scheduled["params"]["text"],
            "listed": [str(s["id"]) for s in listed],
            "following_tag": followed["following"],
            "push_endpoint": push["endpoint"],
            "push_alerts": {k: bool(v) for k, v in push["alerts"].items()},
        }
    elif step == "home":
        home = api.timeline_home(limit=40)
        result = {
            "home": [
                {"id": str(s["id"]), "content": s["content"],
                 "account": s["account"]["acct"],
                 "created_at": s["created_at"].isoformat()}
                for s in home
            ],
            "scheduled": [str(s["id"]) for s in api.scheduled_statuses()],
        }
    else:
        raise SystemExit(f"unknown step {step}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(*sys.argv[1:])
