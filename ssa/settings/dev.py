"""Local development: the embedded default (SQLite, database search, local files)."""

import os

os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: E402, F403
from .env import env  # noqa: E402

# A fixed key is fine on a developer's machine; production.py refuses to start without one.
SECRET_KEY = env("SECRET_KEY", default="dev-only-secret-key-not-for-production")
DEBUG = env("DEBUG")

# The embedded default keeps its SQLite file and uploads under var/.
(BASE_DIR / "var").mkdir(exist_ok=True)  # noqa: F405
