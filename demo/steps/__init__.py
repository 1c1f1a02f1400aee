"""One module per app: `seed(report)` builds that app's demo content, looking before it
creates, so that a second run creates nothing. demo/seed.py runs them in order."""
