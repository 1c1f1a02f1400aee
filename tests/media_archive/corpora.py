"""Where the real material lives: `../shared/corpora` from the project root, or from the
folder that holds the project's worktrees. Tests skip, with the reason, where it is not."""

from pathlib import Path

import pytest
from django.conf import settings


def corpus(name):
    for folder in (Path(settings.BASE_DIR), *Path(settings.BASE_DIR).parents):
        candidate = folder / "shared" / "corpora" / name
        if candidate.is_dir():
            return candidate
    pytest.skip(f"../shared/corpora/{name} is missing: the real-material test cannot run here")
