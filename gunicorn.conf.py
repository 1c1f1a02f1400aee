"""gunicorn's settings for the production image (Dockerfile: `gunicorn -c gunicorn.conf.py`).
Values that differ per deployment come from the environment through ssa/settings/env.py."""

import multiprocessing
import os

from ssa.settings.env import env

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", min(multiprocessing.cpu_count() * 2 + 1, 8)))
# A request that takes longer is a stuck worker (exports and imports run as commands);
# uploads of up to 1 GiB video through a slow line need the proxy to buffer the body.
timeout = 60
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then: a slow leak in any library never grows without bound.
max_requests = 2000
max_requests_jitter = 200
# The site is imported once, in the master, and each worker is a fork of it: a recycled or
# replaced worker answers within milliseconds instead of importing Django, Wagtail and every
# app again (seconds of CPU, during which the requests queued on it wait; under load that is
# what made clients time out). Nothing opens a database or Redis connection or starts a
# thread while the site is imported (tests/cms/test_gunicorn_preload.py); each worker opens
# its own on its first request.
preload_app = True
# The request line may be 8 KB (gunicorn's maximum, its default is 4 KB): a gallery address
# with several Georgian facets, percent-encoded at nine bytes a letter, passes 4 KB. Longer
# lines are refused with 414 before Django sees them.
limit_request_line = 8190
limit_request_fields = 100
limit_request_field_size = 8190
# Only the reverse proxies named here may set X-Forwarded-For/-Proto (never "*": anyone
# could then claim to be any address, or to have come over HTTPS).
forwarded_allow_ips = env("FORWARDED_ALLOW_IPS")
accesslog = "-"
errorlog = "-"
