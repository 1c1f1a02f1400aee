import pytest

from cms.factories import ContentPageFactory
from cms.forms import GeorgianSlugPageForm
from cms.models import ContentPage
from helpers.georgian import fold_mtavruli, slugify_georgian, to_latin

TITLES_AND_SLUGS = [
    ("სოციალური მომსახურების სააგენტო", "sotsialuri-momsakhurebis-saagento"),
    ("ახალი ამბები", "akhali-ambebi"),
    ("სახელმწიფო პენსია", "sakhelmtsipo-pensia"),
    ("მიზნობრივი სოციალური დახმარება", "miznobrivi-sotsialuri-dakhmareba"),
    ("შეზღუდული შესაძლებლობის სტატუსი", "shezghuduli-shesadzleblobis-statusi"),
    ("ბავშვზე ზრუნვა", "bavshvze-zrunva"),
    ("მინდობით აღზრდა", "mindobit-aghzrda"),
    ("კონტაქტი", "kontakti"),
    ("ჩვენ შესახებ", "chven-shesakheb"),
    ("საარსებო შემწეობა", "saarsebo-shemtseoba"),
    ("ჯანმრთელობის დაცვა", "janmrtelobis-datsva"),
    ("ქუთაისის ტერიტორიული ცენტრი", "kutaisis-teritoriuli-tsentri"),
    ("ყვარელი", "qvareli"),
    ("ჭიათურა", "chiatura"),
    ("წყალტუბო", "tsqaltubo"),
    ("ზუგდიდი", "zugdidi"),
    ("ფოთი", "poti"),
    ("ოზურგეთი", "ozurgeti"),
    ("ჟურნალისტების აკრედიტაცია", "zhurnalistebis-akreditatsia"),
    ("ღონისძიებები", "ghonisdziebebi"),
    ("ხშირად დასმული კითხვები", "khshirad-dasmuli-kitkhvebi"),
    ("საჯარო ინფორმაცია", "sajaro-inpormatsia"),  # ფ is p in the national system
    ("ფინანსური დახმარება", "pinansuri-dakhmareba"),
    ("პრესრელიზი 2026", "presrelizi-2026"),
    ("COVID-19 და პენსიები", "covid-19-da-pensiebi"),
    ("ᲡᲘᲐᲮᲚᲔᲔᲑᲘ", "siakhleebi"),  # Mtavruli capitals
    ("ბავშვთა დაცვა: ძალადობისგან", "bavshvta-datsva-dzaladobisgan"),
    ("დღის ცენტრები", "dghis-tsentrebi"),
    ("ვაუჩერები", "vaucherebi"),
    ("შვილად აყვანა", "shvilad-aqvana"),
    ("ჰოსპისი", "hospisi"),
    ("  „ციტატა“ — და «ბრჭყალები»  ", "tsitata-da-brchqalebi"),
]


@pytest.mark.parametrize(("title", "slug"), TITLES_AND_SLUGS)
def test_slug_uses_national_romanisation_without_apostrophes(title, slug):
    assert slugify_georgian(title) == slug


def test_every_letter_of_the_modern_alphabet_is_romanised():
    alphabet = "აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ"
    assert not any("\u10d0" <= char <= "\u10ff" for char in to_latin(alphabet))


def test_mtavruli_folds_to_mkhedruli():
    assert fold_mtavruli("ᲡᲐᲐᲒᲔᲜᲢᲝ") == "სააგენტო"


def test_long_title_is_cut_at_a_word_boundary():
    slug = slugify_georgian("სოციალური " * 20, max_length=40)
    assert len(slug) <= 40
    assert slug.endswith("sotsialuri")


def test_page_created_without_slug_gets_a_romanised_one(home_pages):
    page = ContentPage(title="სახელმწიფო პენსია")
    home_pages["ka"].add_child(instance=page)
    assert page.slug == "sakhelmtsipo-pensia"


def test_georgian_slug_typed_by_an_editor_is_romanised(home_pages):
    page = ContentPageFactory(parent=home_pages["ka"], title="ახალი ამბები", slug="ახალი-ამბები")
    assert page.slug == "akhali-ambebi"


def test_admin_form_romanises_before_checking_that_the_slug_is_free(home_pages):
    ContentPageFactory(parent=home_pages["ka"], title="ახალი ამბები")
    form_class = ContentPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, GeorgianSlugPageForm)
    form = form_class(
        data={"title": "ახალი ამბები", "slug": "ახალი-ამბები", "body-count": "0"},
        instance=ContentPage(),
        parent_page=home_pages["ka"],
        for_user=None,
    )
    assert not form.is_valid()
    assert "akhali-ambebi" in str(form.errors["slug"])
