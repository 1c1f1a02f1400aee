import factory
from factory.django import DjangoModelFactory

from press.models import ContactList, MediaContact


class ContactListFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"მედიის სია {n}")

    class Meta:
        model = ContactList


class MediaContactFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"ჟურნალისტი {n}")
    outlet = "ინტერპრესნიუსი"
    email = factory.Sequence(lambda n: f"journalist{n}@example.ge")
    language = "ka"

    class Meta:
        model = MediaContact
        skip_postgeneration_save = True

    @factory.post_generation
    def lists(self, create, extracted, **kwargs):
        if create and extracted:
            self.lists.add(*extracted)
            self.save()
