"""Demo for `seed_demo`: outlets, topics and a few mentions. Looks before it creates."""

import datetime

from monitoring.factories import MentionFactory, OutletFactory, TopicFactory
from monitoring.models import MediaType, Mention, Tone

MENTIONS = [
    ("ინტერპრესნიუსი", "სააგენტომ დღის ცენტრების ქსელი გააფართოვა", Tone.POSITIVE, "დღის ცენტრები"),
    ("პირველი არხი", "პენსიის მიღების ახალი წესი", Tone.NEUTRAL, "პენსიები"),
    (
        "Civil.ge",
        "Questions over targeted social assistance scores",
        Tone.NEGATIVE,
        "სოციალური დახმარება",
    ),
]
OUTLET_TYPES = {"პირველი არხი": MediaType.TV}


def seed(report):
    if Mention.objects.exists():
        return
    today = datetime.date.today()
    for number, (outlet, headline, tone, topic) in enumerate(MENTIONS):
        MentionFactory(
            outlet=OutletFactory(
                name=outlet, media_type=OUTLET_TYPES.get(outlet, MediaType.ONLINE)
            ),
            topic=TopicFactory(name=topic),
            headline=headline,
            tone=tone,
            url=f"https://example.ge/demo-mention/{number}",
            published_on=today - datetime.timedelta(days=7 * number),
        )
    report.created.append(f"monitoring: {len(MENTIONS)} demo mentions")
