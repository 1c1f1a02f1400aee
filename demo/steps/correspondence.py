"""Demo for `seed_demo`: two units and two register items. Looks before it creates."""

from correspondence.factories import CorrespondenceItemFactory, UnitFactory
from correspondence.models import CorrespondenceItem

UNITS = ["სოციალური დახმარების დეპარტამენტი", "მეურვეობისა და მზრუნველობის სამმართველო"]


def seed(report):
    units = [UnitFactory(name=name) for name in UNITS]
    if CorrespondenceItem.objects.exists():
        return
    CorrespondenceItemFactory(
        channel=CorrespondenceItem.Channel.DOCUMENT_SYSTEM,
        sender_organisation="საქართველოს სახალხო დამცველის აპარატი",
        subject="ინფორმაცია მინდობით აღზრდის პროგრამის შესახებ",
        unit=units[1],
        status=CorrespondenceItem.Status.ASSIGNED,
    )
    CorrespondenceItemFactory(
        channel=CorrespondenceItem.Channel.POST,
        sender_name="გიორგი კაპანაძე",
        subject="პენსიის დანიშვნის ვადები",
    )
    report.created.append("correspondence: 2 demo items")
