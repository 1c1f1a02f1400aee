"""The demo questions and answers, contact and public-information pages, in Georgian and
English. FAQ topics are (title, [(anchor, question, answer HTML), …]); the anchor is shared by
both languages so a link to a question works in either."""

FAQ = {
    "ka": {
        "title": "ხშირად დასმული კითხვები",
        "slug": "khshirad-dasmuli-kitkhvebi",
        "intro": "პასუხები კითხვებზე, რომლებსაც მოქალაქეები სააგენტოს ყველაზე ხშირად უსვამენ.",
    },
    "en": {
        "title": "Frequently asked questions",
        "slug": "frequently-asked-questions",
        "intro": "Answers to the questions citizens ask the agency most often.",
    },
}

FAQ_TOPICS = [
    {
        "ka": "სახელმწიფო პენსია",
        "en": "State pension",
        "questions": [
            (
                "pensiis-asaki",
                {
                    "ka": (
                        "რა ასაკიდან მეკუთვნის სახელმწიფო პენსია?",
                        "<p>სახელმწიფო პენსია ენიშნება ქალებს 60 წლიდან, მამაკაცებს კი "
                        "65 წლიდან. განცხადება შეგიძლიათ წარადგინოთ იუსტიციის სახლში ან "
                        "სააგენტოს ტერიტორიულ ერთეულში.</p>",
                    ),
                    "en": (
                        "At what age am I entitled to the state pension?",
                        "<p>Women receive the state pension from the age of 60 and men from "
                        "65. Apply at a Public Service Hall or at a territorial office of the "
                        "agency.</p>",
                    ),
                },
            ),
            (
                "pensiis-charitskhva",
                {
                    "ka": (
                        "როდის ჩაირიცხება პენსია?",
                        "<p>პენსია ყოველთვიურად ირიცხება ბანკში გახსნილ ანგარიშზე. "
                        "ჩარიცხვის თარიღს ბანკი ან სააგენტოს ცხელი ხაზი გეტყვით.</p>",
                    ),
                    "en": (
                        "When is the pension paid?",
                        "<p>The pension is paid every month into a bank account. Your bank "
                        "or the agency's hotline can tell you the date.</p>",
                    ),
                },
            ),
        ],
    },
    {
        "ka": "მიზნობრივი სოციალური დახმარება",
        "en": "Targeted social assistance",
        "questions": [
            (
                "sotsialuri-damkharebis-motkhovna",
                {
                    "ka": (
                        "როგორ მოვითხოვო სოციალური დახმარება?",
                        "<p>მიმართეთ სააგენტოს ტერიტორიულ ერთეულს პირადობის მოწმობით და "
                        "შეავსეთ ოჯახის სოციალურ-ეკონომიკური მდგომარეობის შეფასების "
                        "განცხადება. სოციალური აგენტი ოჯახს შინ ესტუმრება.</p>",
                    ),
                    "en": (
                        "How do I apply for social assistance?",
                        "<p>Go to a territorial office of the agency with your identity card "
                        "and fill in the application for the assessment of your family's "
                        "socio-economic situation. A social agent will visit your home.</p>",
                    ),
                },
            ),
            (
                "shefasebis-gadakhedva",
                {
                    "ka": (
                        "შემიძლია თუ არა ოჯახის ხელახალი შეფასების მოთხოვნა?",
                        "<p>დიახ. თუ ოჯახის მდგომარეობა შეიცვალა, ხელახალი შეფასება "
                        "შეგიძლიათ ნებისმიერ დროს მოითხოვოთ.</p>",
                    ),
                    "en": (
                        "Can I ask for my family to be assessed again?",
                        "<p>Yes. If your family's situation has changed, you can ask for a "
                        "new assessment at any time.</p>",
                    ),
                },
            ),
        ],
    },
    {
        "ka": "ბავშვზე ზრუნვა",
        "en": "Child care",
        "questions": [
            (
                "mindobit-aghzrda",
                {
                    "ka": (
                        "როგორ გავხდე მინდობით აღმზრდელი?",
                        "<p>დაუკავშირდით სააგენტოს ცხელ ხაზს ან ტერიტორიულ ერთეულს. "
                        "სოციალური მუშაკი გაგაცნობთ პროცედურას, შეაფასებს ოჯახს და "
                        "მოგამზადებთ ტრენინგისთვის.</p>",
                    ),
                    "en": (
                        "How do I become a foster carer?",
                        "<p>Call the agency's hotline or visit a territorial office. A social "
                        "worker will explain the procedure, assess your family and prepare "
                        "you for the training.</p>",
                    ),
                },
            ),
            (
                "dzaladobis-shetkobineba",
                {
                    "ka": (
                        "სად შევატყობინო ბავშვზე ძალადობის შესახებ?",
                        "<p>გადაუდებელ შემთხვევაში დარეკეთ 112-ზე. ასევე შეგიძლიათ "
                        "მიმართოთ სააგენტოს ცხელ ხაზს: სოციალური მუშაკი შემთხვევას "
                        "დაუყოვნებლივ შეისწავლის.</p>",
                    ),
                    "en": (
                        "Where do I report violence against a child?",
                        "<p>In an emergency call 112. You can also call the agency's hotline: "
                        "a social worker will look into the case without delay.</p>",
                    ),
                },
            ),
        ],
    },
    {
        "ka": "სააგენტოსთან კავშირი",
        "en": "Contacting the agency",
        "questions": [
            (
                "tskheli-khazi",
                {
                    "ka": (
                        "როდის მუშაობს ცხელი ხაზი?",
                        "<p>ცხელი ხაზი 1505 მუშაობს სამუშაო დღეებში, 09:00-დან 18:00-მდე.</p>",
                    ),
                    "en": (
                        "When is the hotline open?",
                        "<p>The 1505 hotline is open on working days from 09:00 to 18:00.</p>",
                    ),
                },
            ),
        ],
    },
]

CONTACT = {
    "ka": {
        "title": "დაგვიკავშირდით",
        "slug": "dagvikavshirdit",
        "intro": "დაგვიკავშირდით ცხელ ხაზზე, ელფოსტით ან მოგვმართეთ უახლოეს ტერიტორიულ ერთეულში.",
        "address": "თბილისი, აკაკი წერეთლის გამზირი 144",
        "reception_hours": "ორშაბათი–პარასკევი, 09:00–18:00",
    },
    "en": {
        "title": "Contact us",
        "slug": "contact-us",
        "intro": "Call our hotline, write to us, or visit your nearest territorial office.",
        "address": "144 Akaki Tsereteli Avenue, Tbilisi",
        "reception_hours": "Monday to Friday, 09:00–18:00",
    },
}

OFFICER = {
    "ka": {
        "officer_name": "ნინო ბერიძე",
        "officer_position": "საჯარო ინფორმაციის გაცემაზე პასუხისმგებელი პირი",
    },
    "en": {"officer_name": "Nino Beridze", "officer_position": "Public information officer"},
}
OFFICER_CONTACT = {"officer_phone": "+995 32 2 51 00 00", "officer_email": "info@ssa.gov.ge"}

# (key, parent key or None for the section's root, {"ka": …, "en": …}); body items as in
# cms.demo_content.
PUBLIC_INFORMATION = [
    (
        "root",
        None,
        {
            "ka": {
                "title": "საჯარო ინფორმაცია",
                "slug": "sajaro-informatsia",
                "intro": (
                    "საქართველოს ზოგადი ადმინისტრაციული კოდექსის შესაბამისად სააგენტო "
                    "პროაქტიულად აქვეყნებს საჯარო ინფორმაციას."
                ),
                "body": [
                    ("heading", "საჯარო ინფორმაციის მოთხოვნა"),
                    (
                        "paragraph",
                        "<p>საჯარო ინფორმაციის მოთხოვნა შეგიძლიათ წერილობით, ელფოსტით ან "
                        "სააგენტოს კანცელარიაში. ინფორმაცია გაიცემა დაუყოვნებლივ ან არა "
                        "უგვიანეს 10 დღისა.</p>",
                    ),
                    ("heading", "პროაქტიულად გამოქვეყნებული ინფორმაცია"),
                    (
                        "paragraph",
                        "<p>ქვემოთ მოცემულია სააგენტოს ანგარიშები, ბიუჯეტი და "
                        "სამართლებრივი აქტები.</p>",
                    ),
                    ("heading", "სამართლებრივი საფუძველი"),
                    (
                        "paragraph",
                        '<p><a href="https://matsne.gov.ge/ka/document/view/16270">'
                        "საქართველოს ზოგადი ადმინისტრაციული კოდექსი</a>, III თავი.</p>",
                    ),
                ],
            },
            "en": {
                "title": "Public information",
                "slug": "public-information",
                "intro": (
                    "Under the General Administrative Code of Georgia the agency publishes "
                    "public information proactively."
                ),
                "body": [
                    ("heading", "Requesting public information"),
                    (
                        "paragraph",
                        "<p>You can request public information in writing, by e-mail or at the "
                        "agency's chancellery. It is issued at once or within 10 days at the "
                        "latest.</p>",
                    ),
                    ("heading", "Proactively published information"),
                    (
                        "paragraph",
                        "<p>Below are the agency's reports, budget and legal acts.</p>",
                    ),
                    ("heading", "Legal basis"),
                    (
                        "paragraph",
                        '<p><a href="https://matsne.gov.ge/en/document/view/16270">'
                        "General Administrative Code of Georgia</a>, Chapter III.</p>",
                    ),
                ],
            },
        },
    ),
    (
        "finance",
        "root",
        {
            "ka": {
                "title": "ფინანსური ინფორმაცია",
                "slug": "finansuri-informatsia",
                "intro": "სააგენტოს ბიუჯეტი და მისი შესრულების ანგარიშები.",
                "body": [],
            },
            "en": {
                "title": "Financial information",
                "slug": "financial-information",
                "intro": "The agency's budget and the reports on its execution.",
                "body": [],
            },
        },
    ),
]

PUBLIC_DOCUMENT = {
    "ka": "სააგენტოს ბიუჯეტის შესრულების ანგარიში",
    "en": "Report on the execution of the agency's budget",
}
