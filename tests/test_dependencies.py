"""Every package the code imports is pinned: the apps' imports in requirements.txt, the
tests' in requirements.txt or requirements-dev.txt. A package we use only because Wagtail
happens to depend on it today would move (or vanish) with Wagtail's next release."""

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9._-]+)(?:\[[^\]]*\])?==\S+", re.MULTILINE)


def _normalised(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned(*requirement_files):
    names = set()
    for filename in requirement_files:
        names |= {_normalised(name) for name in PIN.findall((ROOT / filename).read_text())}
    return names


def project_packages():
    return {path.parent.name for path in ROOT.glob("*/__init__.py")} - {"tests"}


def imported_modules(folders):
    """Top-level names of the third-party modules the Python files under `folders` import."""
    ours = project_packages() | {"tests"}
    found = {}
    for folder in folders:
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    top = name.split(".")[0]
                    if top not in sys.stdlib_module_names and top not in ours:
                        found.setdefault(top, path.relative_to(ROOT))
    return found


def unpinned(folders, requirement_files):
    distributions = packages_distributions()
    allowed = pinned(*requirement_files)
    missing = {}
    for module, path in imported_modules(folders).items():
        names = {_normalised(name) for name in distributions.get(module, [module])}
        if not names & allowed:
            missing[module] = str(path)
    return missing


def test_every_package_the_apps_import_is_pinned_in_requirements_txt():
    assert unpinned(sorted(project_packages()), ["requirements.txt"]) == {}


def test_every_package_the_tests_import_is_pinned():
    assert unpinned(["tests"], ["requirements.txt", "requirements-dev.txt"]) == {}


def test_the_check_sees_an_unpinned_import():
    # The apps import Django: without requirements.txt's pins it would be reported.
    assert "django" in unpinned(sorted(project_packages()), ["requirements-dev.txt"])
