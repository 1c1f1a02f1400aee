"""The bilingual demo site that `seed_demo` builds: the agency's real programmes, written
as the agency would write them. Each page is (Georgian, English); body items are
(block type, value) with rich text given as HTML."""

HOME = {
    "ka": {
        "title": "სოციალური მომსახურების სააგენტო",
        "intro": (
            "სახელმწიფო პენსია, საარსებო შემწეობა, შეზღუდული შესაძლებლობის სტატუსი, "
            "ბავშვზე ზრუნვა — გაიგეთ, რა მომსახურება გეკუთვნით და როგორ მიიღოთ ის."
        ),
    },
    "en": {
        "title": "Social Service Agency",
        "intro": (
            "State pension, subsistence allowance, disability status, child care — find out "
            "which services you are entitled to and how to receive them."
        ),
    },
}

# (key, parent key or None for the home page, {"ka": …, "en": …})
PAGES = [
    (
        "about",
        None,
        {
            "ka": {
                "title": "სააგენტოს შესახებ",
                "intro": (
                    "სოციალური მომსახურების სააგენტო სახელმწიფო საქვეუწყებო დაწესებულებაა, "
                    "რომელიც ახორციელებს სახელმწიფო სოციალურ პროგრამებს."
                ),
                "body": [
                    ("heading", "ჩვენი მისია"),
                    (
                        "paragraph",
                        "<p>სააგენტოს მიზანია, ყველა მოქალაქემ, ვისაც სახელმწიფოს მხარდაჭერა "
                        "სჭირდება, დროულად და მარტივად მიიღოს მისთვის განკუთვნილი მომსახურება. "
                        "ჩვენ ვემსახურებით პენსიონერებს, სოციალურად დაუცველ ოჯახებს, "
                        "შეზღუდული შესაძლებლობის მქონე პირებს, მზრუნველობამოკლებულ ბავშვებს "
                        "და მათ ოჯახებს.</p>",
                    ),
                    ("heading", "სად ვართ"),
                    (
                        "paragraph",
                        "<p>სააგენტოს ცენტრალური ოფისი თბილისშია, მოქალაქეებს კი "
                        "ტერიტორიული ერთეულები ემსახურება საქართველოს ყველა რეგიონში.</p>",
                    ),
                    (
                        "call_out",
                        (
                            "important",
                            "ცხელი ხაზი",
                            "<p>კითხვების შემთხვევაში დარეკეთ "
                            "სააგენტოს ცხელ ხაზზე: <b>1505</b>.</p>",
                        ),
                    ),
                ],
            },
            "en": {
                "title": "About the Agency",
                "intro": (
                    "The Social Service Agency is a public body that runs the state's social "
                    "programmes."
                ),
                "body": [
                    ("heading", "Our mission"),
                    (
                        "paragraph",
                        "<p>Our aim is that everyone who needs the state's support receives the "
                        "service meant for them, on time and without difficulty. We serve "
                        "pensioners, socially vulnerable families, persons with disabilities, "
                        "children without parental care and their families.</p>",
                    ),
                    ("heading", "Where we are"),
                    (
                        "paragraph",
                        "<p>The Agency's central office is in Tbilisi, and territorial offices "
                        "serve citizens in every region of Georgia.</p>",
                    ),
                    (
                        "call_out",
                        (
                            "important",
                            "Hotline",
                            "<p>If you have a question, call the "
                            "Agency's hotline: <b>1505</b>.</p>",
                        ),
                    ),
                ],
            },
        },
    ),
    (
        "programmes",
        None,
        {
            "ka": {
                "title": "სახელმწიფო პროგრამები",
                "intro": "სოციალური პროგრამები და მომსახურებები, რომლებსაც სააგენტო ახორციელებს.",
                "body": [],
            },
            "en": {
                "title": "State programmes",
                "intro": "The social programmes and services that the Agency delivers.",
                "body": [],
            },
        },
    ),
    (
        "pension",
        "programmes",
        {
            "ka": {
                "title": "სახელმწიფო პენსია",
                "intro": (
                    "სახელმწიფო პენსია ეკუთვნის საპენსიო ასაკს მიღწეულ პირებს: ქალებს "
                    "60 წლიდან, მამაკაცებს 65 წლიდან."
                ),
                "body": [
                    ("heading", "ვის ეკუთვნის"),
                    (
                        "paragraph",
                        "<p>პენსიის მიღების უფლება აქვს საპენსიო ასაკს მიღწეულ საქართველოს "
                        "მოქალაქეს და საქართველოში მცხოვრებ პირს, რომელსაც აქვს მუდმივი "
                        "ბინადრობის ნებართვა.</p>",
                    ),
                    ("heading", "რა დოკუმენტები დაგჭირდებათ"),
                    (
                        "paragraph",
                        "<ul><li>პირადობის მოწმობა ან პასპორტი;</li>"
                        "<li>საბანკო ანგარიშის რეკვიზიტები, თუ პენსიის ანგარიშზე "
                        "ჩარიცხვა გსურთ.</li></ul>",
                    ),
                    ("heading", "როგორ მივმართოთ"),
                    (
                        "paragraph",
                        "<p>განცხადება შეიტანეთ სააგენტოს ნებისმიერ ტერიტორიულ ერთეულში ან "
                        "იუსტიციის სახლში. პენსია ყოველთვიურად ირიცხება.</p>",
                    ),
                    (
                        "call_out",
                        (
                            "info",
                            "პენსიის ოდენობა",
                            "<p>პენსიის ოდენობა ყოველწლიურად "
                            "იზრდება კანონით დადგენილი წესით. მიმდინარე ოდენობის შესახებ "
                            "ინფორმაციას ცხელ ხაზზე მიიღებთ.</p>",
                        ),
                    ),
                ],
            },
            "en": {
                "title": "State pension",
                "intro": (
                    "The state pension is paid to people who have reached pension age: women "
                    "from 60, men from 65."
                ),
                "body": [
                    ("heading", "Who is eligible"),
                    (
                        "paragraph",
                        "<p>Citizens of Georgia who have reached pension age are entitled to "
                        "the pension, as are residents of Georgia who hold a permanent "
                        "residence permit.</p>",
                    ),
                    ("heading", "What documents you need"),
                    (
                        "paragraph",
                        "<ul><li>an identity card or passport;</li>"
                        "<li>your bank account details, if you want the pension paid into "
                        "an account.</li></ul>",
                    ),
                    ("heading", "How to apply"),
                    (
                        "paragraph",
                        "<p>Apply at any territorial office of the Agency or at a Public "
                        "Service Hall. The pension is paid every month.</p>",
                    ),
                    (
                        "call_out",
                        (
                            "info",
                            "Amount of the pension",
                            "<p>The pension rises every year as "
                            "the law sets out. Call the hotline for the current amount.</p>",
                        ),
                    ),
                ],
            },
        },
    ),
    (
        "assistance",
        "programmes",
        {
            "ka": {
                "title": "მიზნობრივი სოციალური დახმარება",
                "intro": (
                    "საარსებო შემწეობა ეძლევა სოციალურად დაუცველ ოჯახებს, რომელთა სარეიტინგო "
                    "ქულა დადგენილ ზღვარზე დაბალია."
                ),
                "body": [
                    ("heading", "როგორ ფასდება ოჯახი"),
                    (
                        "paragraph",
                        "<p>ოჯახის სოციალურ-ეკონომიკურ მდგომარეობას სააგენტოს სოციალური "
                        "აგენტი ოჯახში ვიზიტისას აფასებს. დეკლარაციის საფუძველზე ოჯახი "
                        "იღებს სარეიტინგო ქულას და რეგისტრირდება სოციალურად დაუცველი "
                        "ოჯახების ერთიან ბაზაში.</p>",
                    ),
                    ("heading", "როგორ მივმართოთ"),
                    (
                        "paragraph",
                        "<ol><li>მიმართეთ სააგენტოს ტერიტორიულ ერთეულს ან იუსტიციის სახლს.</li>"
                        "<li>წარადგინეთ ოჯახის ყველა წევრის პირადობის დამადასტურებელი "
                        "დოკუმენტი.</li><li>დაელოდეთ სოციალური აგენტის ვიზიტს.</li></ol>",
                    ),
                    (
                        "call_out",
                        (
                            "important",
                            "ცვლილებები ოჯახში",
                            "<p>ოჯახის შემადგენლობის ან "
                            "შემოსავლის ცვლილების შესახებ აცნობეთ სააგენტოს.</p>",
                        ),
                    ),
                ],
            },
            "en": {
                "title": "Targeted social assistance",
                "intro": (
                    "A subsistence allowance is paid to socially vulnerable families whose "
                    "rating score is below the set threshold."
                ),
                "body": [
                    ("heading", "How a family is assessed"),
                    (
                        "paragraph",
                        "<p>An Agency social agent visits the family and assesses its social "
                        "and economic situation. From the family's declaration it receives a "
                        "rating score and is registered in the Unified Database of Socially "
                        "Vulnerable Families.</p>",
                    ),
                    ("heading", "How to apply"),
                    (
                        "paragraph",
                        "<ol><li>Go to a territorial office of the Agency or a Public Service "
                        "Hall.</li><li>Bring an identity document for every member of the "
                        "family.</li><li>Wait for the social agent's visit.</li></ol>",
                    ),
                    (
                        "call_out",
                        (
                            "important",
                            "Changes in the family",
                            "<p>Tell the Agency when the family's make-up or income changes.</p>",
                        ),
                    ),
                ],
            },
        },
    ),
    (
        "disability",
        "programmes",
        {
            "ka": {
                "title": "შეზღუდული შესაძლებლობის სტატუსი",
                "intro": (
                    "შეზღუდული შესაძლებლობის სტატუსი სოციალური პაკეტით და სხვა "
                    "სახელმწიფო პროგრამებით სარგებლობის უფლებას გაძლევთ."
                ),
                "body": [
                    ("heading", "როგორ დგინდება სტატუსი"),
                    (
                        "paragraph",
                        "<p>სტატუსს ადგენს სამედიცინო-სოციალური ექსპერტიზა ოჯახის ექიმის "
                        "მიმართვის საფუძველზე. გადაწყვეტილებას სააგენტო გაცნობებთ.</p>",
                    ),
                    ("heading", "რა დაგჭირდებათ"),
                    (
                        "paragraph",
                        "<ul><li>პირადობის მოწმობა;</li><li>ოჯახის ექიმის მიმართვა;</li>"
                        "<li>არსებული სამედიცინო დოკუმენტაცია.</li></ul>",
                    ),
                    (
                        "call_out",
                        (
                            "info",
                            "სოციალური პაკეტი",
                            "<p>სტატუსის მინიჭების შემდეგ "
                            "სოციალური პაკეტი ავტომატურად დაგენიშნებათ.</p>",
                        ),
                    ),
                ],
            },
            "en": {
                "title": "Disability status",
                "intro": (
                    "Disability status entitles you to the social package and to other state "
                    "programmes."
                ),
                "body": [
                    ("heading", "How the status is determined"),
                    (
                        "paragraph",
                        "<p>A medical and social assessment determines the status on referral "
                        "from your family doctor. The Agency tells you its decision.</p>",
                    ),
                    ("heading", "What you need"),
                    (
                        "paragraph",
                        "<ul><li>an identity card;</li><li>a referral from your family "
                        "doctor;</li><li>the medical records you have.</li></ul>",
                    ),
                    (
                        "call_out",
                        (
                            "info",
                            "Social package",
                            "<p>Once the status is granted, the social "
                            "package is assigned to you automatically.</p>",
                        ),
                    ),
                ],
            },
        },
    ),
    (
        "child-care",
        "programmes",
        {
            "ka": {
                "title": "ბავშვზე ზრუნვა და მინდობით აღზრდა",
                "intro": (
                    "სააგენტო ზრუნავს მზრუნველობამოკლებულ ბავშვებზე: ეხმარება ბიოლოგიურ "
                    "ოჯახებს და ავითარებს მინდობით აღზრდას."
                ),
                "body": [
                    ("heading", "მინდობით აღზრდა"),
                    (
                        "paragraph",
                        "<p>მინდობით აღმზრდელი ოჯახი ბავშვს დროებით იღებს, ვიდრე მისი "
                        "ბიოლოგიურ ოჯახში დაბრუნება შესაძლებელი გახდება. მინდობით "
                        "აღმზრდელი ოჯახები გადიან მომზადებას და იღებენ ყოველთვიურ "
                        "ანაზღაურებას.</p>",
                    ),
                    ("heading", "ოჯახის მხარდაჭერა"),
                    (
                        "paragraph",
                        "<p>სოციალური მუშაკი ოჯახთან ერთად აფასებს მის საჭიროებებს და "
                        "გეგმავს მხარდაჭერას, რათა ბავშვი ოჯახში დარჩეს.</p>",
                    ),
                    (
                        "call_out",
                        (
                            "warning",
                            "ძალადობის შეტყობინება",
                            "<p>თუ ბავშვზე ძალადობის შესახებ იცით, დარეკეთ 112-ზე.</p>",
                        ),
                    ),
                ],
            },
            "en": {
                "title": "Child care and foster care",
                "intro": (
                    "The Agency cares for children without parental care: it supports birth "
                    "families and develops foster care."
                ),
                "body": [
                    ("heading", "Foster care"),
                    (
                        "paragraph",
                        "<p>A foster family takes a child in for a time, until the child can "
                        "return to their birth family. Foster families are trained and "
                        "receive a monthly payment.</p>",
                    ),
                    ("heading", "Supporting families"),
                    (
                        "paragraph",
                        "<p>A social worker assesses the family's needs together with the "
                        "family and plans support so that the child can stay at home.</p>",
                    ),
                    (
                        "call_out",
                        (
                            "warning",
                            "Reporting violence",
                            "<p>If you know of violence against a child, call 112.</p>",
                        ),
                    ),
                ],
            },
        },
    ),
]


SITE_SETTINGS = {
    "hotline_phone": "1505",
    "contact_email": "info@ssa.gov.ge",
    "facebook_url": "https://www.facebook.com/ssa.gov.ge",
    "youtube_url": "https://www.youtube.com/@ssagovge",
    "footer_text_ka": "© სოციალური მომსახურების სააგენტო. ყველა უფლება დაცულია.",
    "footer_text_en": "© Social Service Agency. All rights reserved.",
}
