import os
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _start_production(**environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(environment, DJANGO_SETTINGS_MODULE="ssa.settings.production")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _start_production(DATABASE_URL="postgres://db.example/ssa")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_fall_back_to_sqlite():
    result = _start_production(SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "DATABASE_URL is not set" in result.stderr


def test_production_starts_when_configured():
    result = _start_production(SECRET_KEY="x" * 50, DATABASE_URL="postgres://db.example/ssa")
    assert result.returncode == 0, result.stderr


def test_search_and_cache_follow_the_environment():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.WAGTAILSEARCH_BACKENDS['default']['BACKEND']); "
        "print(s.CACHES['default']['BACKEND'])"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ssa.settings.base",
        "ELASTICSEARCH_URL": "http://127.0.0.1:9200",
        "REDIS_URL": "redis://127.0.0.1:6379/1",
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "wagtail.search.backends.elasticsearch8",
        "cms.resilient_cache.ResilientRedisCache",
    ]
