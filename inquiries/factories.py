"""Factories for citizens' requests; the tests and `demo/steps/inquiries.py` use them."""

import factory
from factory.django import DjangoModelFactory

from cms.factories import GeorgianSlugPageFactory
from inquiries.defaults import ensure_default_request_types
from inquiries.models import Inquiry, InquiryFormPage, RequestType

CONSENT_KA = (
    "<p>სოციალური მომსახურების სააგენტო თქვენს სახელს, საკონტაქტო მონაცემებს და მიმართვის "
    "ტექსტს ამუშავებს მხოლოდ თქვენი მიმართვის განსახილველად და პასუხის გასაცემად. მიმართვის "
    "დახურვიდან ერთი წლის შემდეგ პერსონალური მონაცემები იშლება. თქვენ შეგიძლიათ მოითხოვოთ "
    "მათი გაცნობა, გასწორება ან წაშლა.</p>"
)
CONSENT_EN = (
    "<p>The Social Service Agency processes your name, contact details and the text of your "
    "request only to consider and answer it. Personal data is erased one year after the "
    "request is closed. You may ask to see, correct or erase it.</p>"
)


def request_type(kind="question"):
    ensure_default_request_types()
    return RequestType.objects.get(kind=kind)


class InquiryFactory(DjangoModelFactory):
    request_type = factory.LazyFunction(request_type)
    name = "ნინო ბერიძე"
    email = "nino@example.ge"
    message = "მაინტერესებს, როგორ მივიღო სოციალური დახმარება."

    class Meta:
        model = Inquiry


class InquiryFormPageFactory(GeorgianSlugPageFactory):
    title = "მიმართვა სააგენტოს"
    intro = "<p>დაგვიწერეთ შეკითხვა, საჯარო ინფორმაციის მოთხოვნა ან საჩივარი.</p>"
    consent_text = CONSENT_KA

    class Meta:
        model = InquiryFormPage
