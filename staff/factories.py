import factory

from cms.factories import GeorgianSlugPageFactory
from media_archive.factories import ArchiveDocumentFactory
from staff.access import private_collection
from staff.models import CaseworkModulePage, CaseworkSystem, StaffIndexPage


class CaseworkSystemFactory(factory.django.DjangoModelFactory):
    name_ka = factory.Sequence(lambda n: f"სისტემა {n}")
    name_en = factory.Sequence(lambda n: f"System {n}")
    url = factory.Sequence(lambda n: f"https://system{n}.ssa.gov.ge/")

    class Meta:
        model = CaseworkSystem


class PrivateDocumentFactory(ArchiveDocumentFactory):
    """A document template in the staff-only collection."""

    title = factory.Sequence(lambda n: f"შაბლონი {n}")
    collection = factory.LazyFunction(private_collection)


class StaffIndexPageFactory(GeorgianSlugPageFactory):
    title = "თანამშრომლებისთვის"
    intro = ""

    class Meta:
        model = StaffIndexPage

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # Factories make live pages without publishing them; do what publishing would do.
        page = super()._create(model_class, *args, **kwargs)
        page.ensure_private()
        return page


class CaseworkModulePageFactory(GeorgianSlugPageFactory):
    title = factory.Sequence(lambda n: f"მოდული {n}")
    area = CaseworkModulePage.Area.ADOPTION
    intro = ""

    class Meta:
        model = CaseworkModulePage
