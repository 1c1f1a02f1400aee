"""The demo site: its content as JSON files (demo/content/) and the steps that build it
through the apps' factories (demo/steps/), run by `manage.py seed_demo` (demo/seed.py).

Nothing in the apps, settings or URLs imports this package, and the Docker image leaves it
out (.dockerignore): production never carries the demo. Only the `seed_demo` command
reaches it, and only when it runs."""
