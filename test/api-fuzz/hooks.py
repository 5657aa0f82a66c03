"""Schemathesis hooks of the API fuzz test (test/e2e/api-fuzz.e2e.ts).

A client sends a new Idempotency-Key with every new request; the same key with other content is a
422 by design (the key was used before). Schemathesis draws keys from the header's pattern and sends
the same one for many requests, so a well-formed key is replaced by a fresh one. Malformed keys stay
as they are: they test that the gateway refuses them.
"""

import re
import uuid

import schemathesis

IDEMPOTENCY_KEY = re.compile(r"^[A-Za-z0-9_-]{8,100}$")


@schemathesis.hook
def before_call(ctx, case, kwargs):
    key = (case.headers or {}).get("Idempotency-Key")
    if isinstance(key, str) and IDEMPOTENCY_KEY.fullmatch(key):
        case.headers["Idempotency-Key"] = uuid.uuid4().hex
