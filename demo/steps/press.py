"""seed_demo: the editorial roles and workflows, and a few media contacts in two lists."""

from press.models import ContactList, MediaContact
from press.roles import setup_editorial

DEMO_LISTS = {
    "ქართული მედია": "Georgian newsrooms",
    "International media": "Correspondents of international media",
}
DEMO_CONTACTS = [
    ("ნინო ბერიძე", "საზოგადოებრივი მაუწყებელი", "nino.beridze@example.ge", "ka", "ქართული მედია"),
    ("გიორგი კაპანაძე", "ინტერპრესნიუსი", "giorgi.kapanadze@example.ge", "ka", "ქართული მედია"),
    ("Anna Müller", "Deutsche Welle", "anna.mueller@example.org", "en", "International media"),
]


def seed(report):
    setup_editorial()
    lists = {}
    for name, description in DEMO_LISTS.items():
        lists[name], created = ContactList.objects.get_or_create(
            name=name, defaults={"description": description}
        )
        if created:
            report.created.append(f"contact list: {name}")
    for name, outlet, email, language, list_name in DEMO_CONTACTS:
        contact, created = MediaContact.objects.get_or_create(
            email=email, defaults={"name": name, "outlet": outlet, "language": language}
        )
        if created:
            contact.lists.add(lists[list_name])
            contact.save()
            report.created.append(f"media contact: {email}")
