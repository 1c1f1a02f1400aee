# ruff: noqa: E501 - prose: one sentence a line reads better than wrapped fragments
"""The demo services catalogue: the agency's main services, benefits and programmes, in
Georgian and English. Amounts and legal references are illustrative demo values; the
communications staff review them before any real use.

Each service: key, kind, audience keys, related service keys, office keys (offices.demo
keys), and per language the text fields. Lists are tuples in the block's field order."""

import datetime

MATSNE = "https://matsne.gov.ge/{lang}/document/view/{id}"

AUDIENCES = [
    ("children", "ბავშვები", "Children"),
    ("families", "ოჯახები", "Families"),
    ("older-people", "ხანდაზმული პირები", "Older people"),
    ("disability", "შეზღუდული შესაძლებლობის მქონე პირები", "Persons with disabilities"),
    ("idp", "იძულებით გადაადგილებული პირები", "Internally displaced people"),
    ("low-income", "სოციალურად დაუცველი ოჯახები", "Low-income families"),
]

INDEX = {
    "ka": {
        "title": "მომსახურებები",
        "slug": "momsakhurebebi",
        "intro": (
            "სააგენტოს მომსახურებები, ფულადი და არაფულადი გასაცემლები და სახელმწიფო "
            "პროგრამები: ვის ეკუთვნის, რა საბუთები უნდა წარადგინოთ და სად მიმართოთ."
        ),
    },
    "en": {
        "title": "Services",
        "slug": "services",
        "intro": (
            "The Agency's services, cash and in-kind benefits and state programmes: who is "
            "eligible, which documents to bring and where to apply."
        ),
    },
}

LAWS = {
    "pension": (21698, "საქართველოს კანონი „სახელმწიფო პენსიის შესახებ“", "Law of Georgia on State Pensions"),
    "social_assistance": (23098, "საქართველოს კანონი „სოციალური დახმარების შესახებ“", "Law of Georgia on Social Assistance"),
    "child_code": (4613854, "ბავშვის უფლებათა კოდექსი", "Code on the Rights of the Child"),
    "adoption": (92390, "საქართველოს კანონი „შვილად აყვანისა და მინდობით აღზრდის შესახებ“", "Law of Georgia on Adoption and Foster Care"),
    "disability": (4830372, "საქართველოს კანონი „შეზღუდული შესაძლებლობის მქონე პირის უფლებების შესახებ“", "Law of Georgia on the Rights of Persons with Disabilities"),
    "idp": (2244404, "საქართველოს კანონი „საქართველოს ოკუპირებული ტერიტორიებიდან იძულებით გადაადგილებულ პირთა – დევნილთა შესახებ“", "Law of Georgia on Internally Displaced Persons from the Occupied Territories of Georgia"),
    "civil_code": (31702, "საქართველოს სამოქალაქო კოდექსი", "Civil Code of Georgia"),
}  # fmt: skip

ANY_OFFICE = {
    "ka": "სააგენტოს ნებისმიერ ტერიტორიულ ერთეულში, თქვენი რეგისტრაციის ადგილის მიუხედავად.",
    "en": "At any territorial office of the Agency, wherever you are registered.",
}

# (document, note) rows that many Georgian pages share.
ID_CARD = ("პირადობის მოწმობა ან პასპორტი", "")
BANK = ("საბანკო ანგარიშის რეკვიზიტები", "")

SERVICES = [
    {
        "key": "pension",
        "kind": "cash_benefit",
        "audiences": ["older-people"],
        "related": ["funeral", "tsa"],
        "offices": ["tbilisi", "kutaisi", "batumi"],
        "laws": ["pension"],
        "ka": {
            "title": "სახელმწიფო პენსია",
            "summary": "ყოველთვიური პენსია საპენსიო ასაკს მიღწეულ პირებს: ქალებს 60 წლიდან, მამაკაცებს 65 წლიდან.",
            "eligibility": "<p>პენსია ეკუთვნის საქართველოს მოქალაქეს, ასევე საქართველოში ბოლო 10 წლის განმავლობაში ლეგალურად მცხოვრებ უცხოელს და მოქალაქეობის არმქონე პირს, რომელმაც მიაღწია საპენსიო ასაკს.</p>",
            "what_you_get": "<p>პენსია ირიცხება ყოველთვიურად საბანკო ანგარიშზე. 70 წლის ასაკიდან პენსია იზრდება.</p>",
            "amounts": [
                ("პენსია 70 წლამდე", "375.00", "monthly"),
                ("პენსია 70 წლიდან", "425.00", "monthly"),
            ],
            "documents": [
                ID_CARD,
                ("ბანკში გახსნილი ანგარიში, თუ პენსიის ფოსტით მიღება არ გსურთ", ""),
            ],
            "steps": [
                (
                    "მიმართეთ ტერიტორიულ ერთეულს ან იუსტიციის სახლს",
                    "განცხადების დაწერა შესაძლებელია ადგილზე, თანამშრომლის დახმარებით.",
                ),
                ("წარადგინეთ პირადობის დამადასტურებელი დოკუმენტი", ""),
                (
                    "მიიღეთ შეტყობინება პენსიის დანიშვნის შესახებ",
                    "პენსია ინიშნება განცხადების შემოტანის თვიდან.",
                ),
            ],
            "processing_time": "10 სამუშაო დღე",
            "changes": [(datetime.date(2026, 1, 1), "პენსიის ოდენობა გაიზარდა ინდექსაციის წესით.")],
        },
        "en": {
            "title": "State pension",
            "summary": "A monthly pension for people of pensionable age: women from 60, men from 65.",
            "eligibility": "<p>Citizens of Georgia are eligible, and so are foreigners and stateless persons who have lived in Georgia legally for the last 10 years and have reached pensionable age.</p>",
            "what_you_get": "<p>The pension is paid monthly into a bank account. It is higher from the age of 70.</p>",
            "amounts": [
                ("Pension under 70", "375.00", "monthly"),
                ("Pension from 70", "425.00", "monthly"),
            ],
            "documents": [
                ("Identity card or passport", ""),
                ("A bank account, unless you want the pension paid by post", ""),
            ],
            "steps": [
                (
                    "Go to a territorial office or a Public Service Hall",
                    "Staff there help you fill in the application.",
                ),
                ("Show your identity document", ""),
                (
                    "Receive the decision on your pension",
                    "The pension is paid from the month you applied.",
                ),
            ],
            "processing_time": "10 working days",
            "changes": [
                (datetime.date(2026, 1, 1), "The pension was raised under the indexation rule.")
            ],
        },
    },
    {
        "key": "tsa",
        "kind": "cash_benefit",
        "audiences": ["low-income", "families"],
        "related": ["child-benefit", "funeral"],
        "offices": [],
        "laws": ["social_assistance"],
        "ka": {
            "title": "საარსებო შემწეობა",
            "summary": "ყოველთვიური ფულადი დახმარება სოციალურად დაუცველ ოჯახებს, რომელთა სარეიტინგო ქულა დადგენილ ზღვარზე დაბალია.",
            "eligibility": "<p>შემწეობა ეკუთვნის ოჯახს, რომელიც რეგისტრირებულია სოციალურად დაუცველი ოჯახების ერთიან ბაზაში და რომლის სარეიტინგო ქულა არ აღემატება 120 000-ს.</p>",
            "what_you_get": "<p>თანხა დამოკიდებულია ოჯახის წევრების რაოდენობასა და სარეიტინგო ქულაზე. ოჯახის თითოეულ წევრზე ინიშნება ცალკე თანხა.</p>",
            "amounts": [
                ("ოჯახის პირველ წევრზე", "60.00", "monthly"),
                ("ოჯახის ყოველ მომდევნო წევრზე", "48.00", "monthly"),
            ],
            "documents": [
                ID_CARD,
                ("ოჯახის თითოეული წევრის პირადობის მოწმობა ან დაბადების მოწმობა", ""),
                BANK,
            ],
            "steps": [
                (
                    "შეავსეთ განცხადება ოჯახის სოციალურ-ეკონომიკური მდგომარეობის შეფასების შესახებ",
                    "განცხადების შევსება შესაძლებელია ტერიტორიულ ერთეულში ან იუსტიციის სახლში.",
                ),
                ("დაელოდეთ სოციალური აგენტის ვიზიტს", "აგენტი ოჯახში ავსებს დეკლარაციას."),
                ("მიიღეთ შეტყობინება სარეიტინგო ქულისა და შემწეობის შესახებ", ""),
            ],
            "processing_time": "ოჯახის შეფასებიდან ერთი თვე",
            "changes": [
                (datetime.date(2025, 7, 1), "შეიცვალა სარეიტინგო ქულის გამოთვლის მეთოდიკა.")
            ],
        },
        "en": {
            "title": "Targeted social assistance (subsistence allowance)",
            "summary": "A monthly cash allowance for low-income families whose rating score is below the set threshold.",
            "eligibility": "<p>Families registered in the unified database of socially vulnerable families with a rating score of no more than 120,000 are eligible.</p>",
            "what_you_get": "<p>The amount depends on the size of the family and its rating score. A separate amount is set for each family member.</p>",
            "amounts": [
                ("For the first family member", "60.00", "monthly"),
                ("For each further family member", "48.00", "monthly"),
            ],
            "documents": [
                ("Identity card or passport", ""),
                ("Identity card or birth certificate of each family member", ""),
                ("Bank account details", ""),
            ],
            "steps": [
                (
                    "Apply for an assessment of your family's social and economic situation",
                    "You can apply at a territorial office or a Public Service Hall.",
                ),
                (
                    "Wait for the social agent's visit",
                    "The agent fills in the declaration at your home.",
                ),
                ("Receive the notice of your rating score and allowance", ""),
            ],
            "processing_time": "One month after the assessment",
            "changes": [
                (datetime.date(2025, 7, 1), "The method of calculating the rating score changed.")
            ],
        },
    },
    {
        "key": "child-benefit",
        "kind": "cash_benefit",
        "audiences": ["children", "low-income"],
        "related": ["tsa"],
        "offices": [],
        "laws": ["social_assistance"],
        "ka": {
            "title": "ბავშვის ფულადი დახმარება",
            "summary": "ყოველთვიური დახმარება 16 წლამდე ბავშვზე იმ ოჯახებში, რომლებიც საარსებო შემწეობას იღებენ.",
            "eligibility": "<p>დახმარება ეკუთვნის 16 წლამდე ასაკის ბავშვს, რომლის ოჯახის სარეიტინგო ქულა არ აღემატება 120 000-ს.</p>",
            "what_you_get": "<p>დახმარება ერიცხება ოჯახს ყოველთვიურად, საარსებო შემწეობასთან ერთად.</p>",
            "amounts": [("ყოველ ბავშვზე", "200.00", "monthly")],
            "documents": [("ბავშვის დაბადების მოწმობა", ""), ID_CARD],
            "steps": [
                ("დარწმუნდით, რომ ოჯახი რეგისტრირებულია ერთიან ბაზაში", ""),
                ("დახმარება ინიშნება ავტომატურად", "ცალკე განცხადება საჭირო არ არის."),
                (
                    "ახალშობილის შემთხვევაში განაახლეთ ოჯახის მონაცემები",
                    "მიმართეთ ტერიტორიულ ერთეულს.",
                ),
            ],
            "processing_time": "მონაცემების განახლებიდან ერთი თვე",
            "changes": [
                (
                    datetime.date(2025, 1, 1),
                    "დახმარების ოდენობა ყოველ ბავშვზე გაიზარდა 200 ლარამდე.",
                )
            ],
        },
        "en": {
            "title": "Child benefit",
            "summary": "A monthly benefit for each child under 16 in families that receive the subsistence allowance.",
            "eligibility": "<p>Children under 16 whose family's rating score is no more than 120,000 are eligible.</p>",
            "what_you_get": "<p>The benefit is paid to the family monthly, together with the subsistence allowance.</p>",
            "amounts": [("For each child", "200.00", "monthly")],
            "documents": [("The child's birth certificate", ""), ("Identity card or passport", "")],
            "steps": [
                ("Make sure your family is registered in the unified database", ""),
                ("The benefit is granted automatically", "No separate application is needed."),
                ("After a birth, update your family's data", "Go to a territorial office."),
            ],
            "processing_time": "One month after the data are updated",
            "changes": [
                (datetime.date(2025, 1, 1), "The benefit was raised to 200 lari per child.")
            ],
        },
    },
    {
        "key": "disability-status",
        "kind": "service",
        "audiences": ["disability"],
        "related": ["disability-package", "vouchers", "day-centres"],
        "offices": ["tbilisi", "kutaisi", "gori"],
        "laws": ["disability"],
        "ka": {
            "title": "შეზღუდული შესაძლებლობის სტატუსის განსაზღვრა",
            "summary": "სამედიცინო-სოციალური ექსპერტიზა, რომლის შედეგად დგინდება შეზღუდული შესაძლებლობის სტატუსი.",
            "eligibility": "<p>მიმართვა შეუძლია ნებისმიერ პირს, რომელსაც აქვს ხანგრძლივი ფიზიკური, ფსიქიკური, ინტელექტუალური ან სენსორული დარღვევა.</p>",
            "what_you_get": "<p>სტატუსი გაძლევთ უფლებას, მიიღოთ სოციალური პაკეტი, დღის ცენტრის მომსახურება და დამხმარე საშუალებები.</p>",
            "amounts": [("ექსპერტიზა", "0.00", "once")],
            "documents": [
                ID_CARD,
                (
                    "ოჯახის ექიმის მიმართვა (ფორმა IV-100/ა)",
                    "ბოლო 6 თვის სამედიცინო დოკუმენტაციასთან ერთად",
                ),
            ],
            "steps": [
                ("მიიღეთ მიმართვა ოჯახის ექიმისგან", ""),
                (
                    "გაიარეთ სამედიცინო-სოციალური ექსპერტიზა",
                    "ექსპერტიზას ატარებს სააგენტოსთან რეგისტრირებული დაწესებულება.",
                ),
                (
                    "მიიღეთ დასკვნა სტატუსის შესახებ",
                    "დასკვნის საფუძველზე სოციალური პაკეტი ინიშნება ავტომატურად.",
                ),
            ],
            "processing_time": "ექსპერტიზიდან 5 სამუშაო დღე",
            "changes": [
                (
                    datetime.date(2026, 3, 1),
                    "ექსპერტიზა ეტაპობრივად გადადის ფუნქციონირების შეფასების მოდელზე.",
                )
            ],
        },
        "en": {
            "title": "Disability status",
            "summary": "A medical and social assessment that establishes disability status.",
            "eligibility": "<p>Anyone with a long-term physical, mental, intellectual or sensory impairment may apply.</p>",
            "what_you_get": "<p>The status entitles you to the social package, day-centre services and assistive devices.</p>",
            "amounts": [("Assessment", "0.00", "once")],
            "documents": [
                ("Identity card or passport", ""),
                (
                    "Referral from your family doctor (form IV-100/a)",
                    "with medical records from the last 6 months",
                ),
            ],
            "steps": [
                ("Get a referral from your family doctor", ""),
                (
                    "Undergo the medical and social assessment",
                    "It is carried out by an institution registered with the Agency.",
                ),
                (
                    "Receive the conclusion on your status",
                    "The social package is then granted automatically.",
                ),
            ],
            "processing_time": "5 working days after the assessment",
            "changes": [
                (
                    datetime.date(2026, 3, 1),
                    "The assessment is moving step by step to a model based on functioning.",
                )
            ],
        },
    },
    {
        "key": "disability-package",
        "kind": "cash_benefit",
        "audiences": ["disability", "children"],
        "related": ["disability-status", "vouchers"],
        "offices": [],
        "laws": ["disability"],
        "ka": {
            "title": "სოციალური პაკეტი შეზღუდული შესაძლებლობის მქონე პირებს",
            "summary": "ყოველთვიური ფულადი გასაცემელი შეზღუდული შესაძლებლობის სტატუსის მქონე ბავშვებსა და ზრდასრულებს.",
            "eligibility": "<p>სოციალური პაკეტი ეკუთვნის პირს, რომელსაც სამედიცინო-სოციალური ექსპერტიზით დაუდგინდა მკვეთრად ან მნიშვნელოვნად გამოხატული შეზღუდული შესაძლებლობის სტატუსი, ასევე შეზღუდული შესაძლებლობის მქონე ბავშვს.</p>",
            "what_you_get": "<p>თანხა დამოკიდებულია სტატუსის ხარისხზე.</p>",
            "amounts": [
                ("შეზღუდული შესაძლებლობის მქონე ბავშვი", "300.00", "monthly"),
                ("მკვეთრად გამოხატული სტატუსი", "300.00", "monthly"),
                ("მნიშვნელოვნად გამოხატული სტატუსი", "230.00", "monthly"),
            ],
            "documents": [
                ID_CARD,
                (
                    "სამედიცინო-სოციალური ექსპერტიზის დასკვნა",
                    "ინიშნება ავტომატურად, თუ დასკვნა სააგენტოს ბაზაშია",
                ),
            ],
            "steps": [
                (
                    "განისაზღვრეთ სტატუსი",
                    "იხილეთ მომსახურება „შეზღუდული შესაძლებლობის სტატუსის განსაზღვრა“.",
                ),
                ("პაკეტი ინიშნება ავტომატურად", ""),
                ("თანხა ირიცხება ყოველთვიურად", ""),
            ],
            "processing_time": "სტატუსის დადგენის მომდევნო თვიდან",
            "changes": [
                (
                    datetime.date(2026, 1, 1),
                    "გაიზარდა შეზღუდული შესაძლებლობის მქონე ბავშვის პაკეტი.",
                )
            ],
        },
        "en": {
            "title": "Social package for persons with disabilities",
            "summary": "A monthly cash benefit for children and adults with disability status.",
            "eligibility": "<p>Persons assessed with a severe or significant disability, and children with disabilities, are eligible.</p>",
            "what_you_get": "<p>The amount depends on the degree of the status.</p>",
            "amounts": [
                ("Child with a disability", "300.00", "monthly"),
                ("Severe disability", "300.00", "monthly"),
                ("Significant disability", "230.00", "monthly"),
            ],
            "documents": [
                ("Identity card or passport", ""),
                (
                    "Conclusion of the medical and social assessment",
                    "granted automatically if the conclusion is in the Agency's database",
                ),
            ],
            "steps": [
                ("Have your status established", "See the service “Disability status”."),
                ("The package is granted automatically", ""),
                ("The money is paid monthly", ""),
            ],
            "processing_time": "From the month after the status is established",
            "changes": [
                (
                    datetime.date(2026, 1, 1),
                    "The package for children with disabilities was raised.",
                )
            ],
        },
    },
    {
        "key": "foster-care",
        "kind": "programme",
        "audiences": ["children", "families"],
        "related": ["adoption", "guardianship", "reintegration"],
        "offices": ["tbilisi", "rustavi", "zugdidi"],
        "laws": ["adoption", "child_code"],
        "ka": {
            "title": "მინდობით აღზრდა",
            "summary": "მზრუნველობამოკლებული ბავშვის დროებითი აღზრდა ოჯახში, სანამ ის საკუთარ ოჯახში დაბრუნდება ან სხვა მუდმივ ოჯახს იპოვის.",
            "eligibility": "<p>მინდობით აღმზრდელი შეიძლება გახდეს 18 წელს მიღწეული ქმედუნარიანი პირი, რომელმაც გაიარა მომზადება და შეფასება და დარეგისტრირდა მინდობით აღმზრდელთა რეესტრში.</p>",
            "what_you_get": "<p>მინდობით აღმზრდელი ოჯახი იღებს ყოველთვიურ ანაზღაურებას ბავშვის საჭიროებებისთვის, სოციალური მუშაკის მხარდაჭერასა და ტრენინგებს.</p>",
            "amounts": [
                ("ანაზღაურება ერთ ბავშვზე", "600.00", "monthly"),
                ("ანაზღაურება შეზღუდული შესაძლებლობის მქონე ბავშვზე", "900.00", "monthly"),
            ],
            "documents": [
                ID_CARD,
                ("ცნობა ნასამართლობის შესახებ", ""),
                ("ჯანმრთელობის მდგომარეობის ცნობა (ფორმა IV-100/ა)", ""),
                ("ოჯახის წევრების თანხმობა", ""),
            ],
            "steps": [
                ("მიმართეთ ტერიტორიულ ერთეულს განცხადებით", ""),
                ("გაიარეთ მომზადების კურსი", "კურსს ატარებს სააგენტო."),
                ("სოციალური მუშაკი აფასებს ოჯახს", "შეფასება მოიცავს ვიზიტებს ოჯახში."),
                ("რეესტრში რეგისტრაცია და ბავშვის განთავსება", ""),
            ],
            "processing_time": "სამ თვემდე",
            "changes": [(datetime.date(2025, 9, 1), "გაიზარდა მინდობით აღმზრდელთა ანაზღაურება.")],
        },
        "en": {
            "title": "Foster care",
            "summary": "Temporary care in a family for a child without parental care, until the child returns home or finds another permanent family.",
            "eligibility": "<p>Any adult with legal capacity who has completed the preparation and assessment and is entered in the register of foster carers may become a foster carer.</p>",
            "what_you_get": "<p>The foster family receives a monthly allowance for the child's needs, the support of a social worker and training.</p>",
            "amounts": [
                ("Allowance per child", "600.00", "monthly"),
                ("Allowance per child with a disability", "900.00", "monthly"),
            ],
            "documents": [
                ("Identity card or passport", ""),
                ("Certificate of no criminal record", ""),
                ("Health certificate (form IV-100/a)", ""),
                ("Consent of the family members", ""),
            ],
            "steps": [
                ("Apply at a territorial office", ""),
                ("Complete the preparation course", "The Agency runs the course."),
                ("A social worker assesses your family", "The assessment includes home visits."),
                ("Registration and placement of a child", ""),
            ],
            "processing_time": "Up to three months",
            "changes": [(datetime.date(2025, 9, 1), "The foster-care allowance was raised.")],
        },
    },
    {
        "key": "adoption",
        "kind": "service",
        "audiences": ["children", "families"],
        "related": ["foster-care", "guardianship"],
        "offices": ["tbilisi"],
        "laws": ["adoption", "civil_code"],
        "ka": {
            "title": "შვილად აყვანა",
            "summary": "მზრუნველობამოკლებული ბავშვისთვის მუდმივი ოჯახის პოვნა კანონით დადგენილი წესით.",
            "eligibility": "<p>შვილად ამყვანი შეიძლება იყოს სრულწლოვანი ქმედუნარიანი პირი, რომელიც ბავშვზე უფროსია არანაკლებ 16 წლით და რეგისტრირებულია შვილად ამყვანთა რეესტრში.</p>",
            "what_you_get": "<p>სააგენტო აფასებს ოჯახს, ამზადებს მას და ეხმარება ბავშვთან ურთიერთობის დამყარებაში. შვილად აყვანის შესახებ გადაწყვეტილებას იღებს სასამართლო.</p>",
            "amounts": [("მომსახურება", "0.00", "once")],
            "documents": [
                ID_CARD,
                ("ცნობა ნასამართლობის შესახებ", ""),
                ("ჯანმრთელობის მდგომარეობის ცნობა", ""),
                ("ცნობა შემოსავლის შესახებ", ""),
                ("ქორწინების მოწმობა, თუ ამყვანი დაქორწინებულია", ""),
            ],
            "steps": [
                ("მიმართეთ სააგენტოს განცხადებით", ""),
                ("გაიარეთ მომზადება და ოჯახის შეფასება", ""),
                ("დარეგისტრირდით შვილად ამყვანთა რეესტრში", ""),
                ("სასამართლოს გადაწყვეტილება შვილად აყვანის შესახებ", ""),
            ],
            "processing_time": "რეესტრში რეგისტრაციამდე — სამ თვემდე",
            "changes": [
                (
                    datetime.date(2025, 6, 1),
                    "გამარტივდა შვილად ამყვანთა რეესტრში რეგისტრაციის წესი.",
                )
            ],
        },
        "en": {
            "title": "Adoption",
            "summary": "Finding a permanent family for a child without parental care, in the way the law sets out.",
            "eligibility": "<p>An adult with legal capacity who is at least 16 years older than the child and is entered in the register of adoptive parents may adopt.</p>",
            "what_you_get": "<p>The Agency assesses and prepares the family and helps it build a relationship with the child. A court decides on the adoption.</p>",
            "amounts": [("Service", "0.00", "once")],
            "documents": [
                ("Identity card or passport", ""),
                ("Certificate of no criminal record", ""),
                ("Health certificate", ""),
                ("Certificate of income", ""),
                ("Marriage certificate, if married", ""),
            ],
            "steps": [
                ("Apply to the Agency", ""),
                ("Complete the preparation and the family assessment", ""),
                ("Be entered in the register of adoptive parents", ""),
                ("The court's decision on the adoption", ""),
            ],
            "processing_time": "Up to three months until registration",
            "changes": [
                (datetime.date(2025, 6, 1), "Registration as an adoptive parent was made simpler.")
            ],
        },
    },
    {
        "key": "guardianship",
        "kind": "service",
        "audiences": ["children", "older-people", "disability"],
        "related": ["foster-care", "adoption"],
        "offices": [],
        "laws": ["civil_code", "child_code"],
        "ka": {
            "title": "მეურვეობა და მზრუნველობა",
            "summary": "მეურვის ან მზრუნველის დანიშვნა ბავშვისთვის, რომელიც მშობლის ზრუნვის გარეშე დარჩა, და მხარდამჭერის დანიშვნა მხარდაჭერის მიმღებისთვის.",
            "eligibility": "<p>მეურვედ ან მზრუნველად შეიძლება დაინიშნოს სრულწლოვანი ქმედუნარიანი პირი, უპირველესად ბავშვის ნათესავი, თუ ეს ბავშვის ინტერესებს შეესაბამება.</p>",
            "what_you_get": "<p>მეურვეობისა და მზრუნველობის ორგანო — სააგენტო — იღებს გადაწყვეტილებას მეურვის დანიშვნის შესახებ და ზედამხედველობს ბავშვის კეთილდღეობას.</p>",
            "amounts": [("მომსახურება", "0.00", "once")],
            "documents": [
                ID_CARD,
                ("ბავშვის დაბადების მოწმობა", ""),
                (
                    "დოკუმენტი, რომელიც ადასტურებს მშობლის ზრუნვის შეუძლებლობას",
                    "მაგალითად, გარდაცვალების მოწმობა",
                ),
            ],
            "steps": [
                ("მიმართეთ ტერიტორიულ ერთეულს", ""),
                ("სოციალური მუშაკი აფასებს ბავშვის საჭიროებებს და კანდიდატს", ""),
                ("სააგენტო იღებს გადაწყვეტილებას", ""),
            ],
            "processing_time": "30 კალენდარული დღე",
            "changes": [(datetime.date(2025, 4, 1), "სოციალური მუშაკის შეფასების ფორმა განახლდა.")],
        },
        "en": {
            "title": "Guardianship and care",
            "summary": "Appointing a guardian or carer for a child left without parental care, and a supporter for an adult who needs support.",
            "eligibility": "<p>An adult with legal capacity may be appointed, a relative of the child first, if this is in the child's interests.</p>",
            "what_you_get": "<p>The Agency, as the guardianship and care authority, decides on the appointment and oversees the child's well-being.</p>",
            "amounts": [("Service", "0.00", "once")],
            "documents": [
                ("Identity card or passport", ""),
                ("The child's birth certificate", ""),
                (
                    "A document showing that the parents cannot care for the child",
                    "for example a death certificate",
                ),
            ],
            "steps": [
                ("Go to a territorial office", ""),
                ("A social worker assesses the child's needs and the candidate", ""),
                ("The Agency decides", ""),
            ],
            "processing_time": "30 calendar days",
            "changes": [
                (datetime.date(2025, 4, 1), "The social worker's assessment form was updated.")
            ],
        },
    },
    {
        "key": "day-centres",
        "kind": "programme",
        "audiences": ["disability", "children", "older-people"],
        "related": ["disability-status", "vouchers"],
        "offices": [],
        "laws": ["disability"],
        "ka": {
            "title": "დღის ცენტრები",
            "summary": "დღის მომსახურება შეზღუდული შესაძლებლობის მქონე პირებისა და ხანდაზმულებისთვის: განვითარება, რეაბილიტაცია და საზოგადოებაში ინტეგრაცია.",
            "eligibility": "<p>მომსახურება ეკუთვნის შეზღუდული შესაძლებლობის სტატუსის მქონე ბავშვებსა და ზრდასრულებს, ასევე საპენსიო ასაკის პირებს, რომლებსაც ყოველდღიურ საქმიანობაში დახმარება სჭირდებათ.</p>",
            "what_you_get": "<p>ცენტრი მუშაობს სამუშაო დღეებში, სულ მცირე 6 საათის განმავლობაში; მომსახურება მოიცავს კვებას, ოკუპაციურ თერაპიას და ფსიქოლოგის კონსულტაციას. მომსახურება უფასოა.</p>",
            "amounts": [("მომსახურება ბენეფიციარისთვის", "0.00", "once")],
            "documents": [ID_CARD, ("სამედიცინო-სოციალური ექსპერტიზის დასკვნა", "")],
            "steps": [
                ("მიმართეთ ტერიტორიულ ერთეულს განცხადებით", ""),
                ("სოციალური მუშაკი აფასებს თქვენს საჭიროებებს", ""),
                ("მიიღეთ ვაუჩერი და აირჩიეთ დღის ცენტრი", ""),
            ],
            "processing_time": "20 სამუშაო დღე",
            "changes": [
                (datetime.date(2026, 2, 1), "პროგრამას დაემატა ხანდაზმულთა დღის ცენტრები.")
            ],
        },
        "en": {
            "title": "Day centres",
            "summary": "Day care for persons with disabilities and older people: development, rehabilitation and inclusion in the community.",
            "eligibility": "<p>Children and adults with disability status, and people of pensionable age who need help with daily activities, are eligible.</p>",
            "what_you_get": "<p>The centres are open on working days for at least 6 hours; the service includes meals, occupational therapy and a psychologist. The service is free.</p>",
            "amounts": [("Service for the beneficiary", "0.00", "once")],
            "documents": [
                ("Identity card or passport", ""),
                ("Conclusion of the medical and social assessment", ""),
            ],
            "steps": [
                ("Apply at a territorial office", ""),
                ("A social worker assesses your needs", ""),
                ("Receive a voucher and choose a day centre", ""),
            ],
            "processing_time": "20 working days",
            "changes": [
                (
                    datetime.date(2026, 2, 1),
                    "Day centres for older people were added to the programme.",
                )
            ],
        },
    },
    {
        "key": "vouchers",
        "kind": "in_kind_benefit",
        "audiences": ["disability"],
        "related": ["disability-status", "day-centres"],
        "offices": [],
        "laws": ["disability"],
        "ka": {
            "title": "ვაუჩერი დამხმარე საშუალებებისთვის",
            "summary": "ვაუჩერი ეტლის, სმენის აპარატის, პროთეზისა და სხვა დამხმარე საშუალებების მისაღებად.",
            "eligibility": "<p>ვაუჩერი ეკუთვნის შეზღუდული შესაძლებლობის სტატუსის მქონე პირს, რომელსაც დამხმარე საშუალება ექიმის დასკვნით სჭირდება.</p>",
            "what_you_get": "<p>ვაუჩერით დამხმარე საშუალებას იღებთ პროგრამაში ჩართული მიმწოდებლისგან, თქვენი არჩევანით.</p>",
            "amounts": [("ეტლი", "1200.00", "once"), ("სმენის აპარატი", "900.00", "once")],
            "documents": [ID_CARD, ("ექიმის დასკვნა დამხმარე საშუალების საჭიროების შესახებ", "")],
            "steps": [
                ("მიმართეთ ტერიტორიულ ერთეულს განცხადებით", ""),
                ("მიიღეთ ვაუჩერი", ""),
                ("აირჩიეთ მიმწოდებელი და მიიღეთ დამხმარე საშუალება", ""),
            ],
            "processing_time": "15 სამუშაო დღე",
            "changes": [
                (
                    datetime.date(2026, 4, 1),
                    "ვაუჩერების ჩამონათვალს დაემატა კომუნიკაციის ელექტრონული საშუალებები.",
                )
            ],
        },
        "en": {
            "title": "Vouchers for assistive devices",
            "summary": "A voucher for a wheelchair, hearing aid, prosthesis or other assistive device.",
            "eligibility": "<p>Persons with disability status who need an assistive device according to a doctor's conclusion are eligible.</p>",
            "what_you_get": "<p>With the voucher you get the device from a supplier of your choice taking part in the programme.</p>",
            "amounts": [("Wheelchair", "1200.00", "once"), ("Hearing aid", "900.00", "once")],
            "documents": [
                ("Identity card or passport", ""),
                ("Doctor's conclusion on the need for the device", ""),
            ],
            "steps": [
                ("Apply at a territorial office", ""),
                ("Receive the voucher", ""),
                ("Choose a supplier and receive the device", ""),
            ],
            "processing_time": "15 working days",
            "changes": [
                (
                    datetime.date(2026, 4, 1),
                    "Electronic communication aids were added to the vouchers.",
                )
            ],
        },
    },
    {
        "key": "reintegration",
        "kind": "cash_benefit",
        "audiences": ["children", "families"],
        "related": ["foster-care", "guardianship"],
        "offices": [],
        "laws": ["child_code"],
        "ka": {
            "title": "რეინტეგრაციის შემწეობა",
            "summary": "ყოველთვიური შემწეობა ოჯახს, რომელშიც ბავშვი სახელმწიფო ზრუნვიდან ბრუნდება, ან რომელსაც ბავშვის განშორების საფრთხე ემუქრება.",
            "eligibility": "<p>შემწეობა ეკუთვნის ბიოლოგიურ ან ნათესავ ოჯახს, რომელშიც სოციალური მუშაკის შეფასებით ბავშვის დაბრუნება ან დარჩენა შესაძლებელია.</p>",
            "what_you_get": "<p>შემწეობა ინიშნება ერთი წლით და შესაძლებელია გაგრძელდეს სოციალური მუშაკის ხელახალი შეფასების შემდეგ.</p>",
            "amounts": [
                ("ერთ ბავშვზე", "200.00", "monthly"),
                ("შეზღუდული შესაძლებლობის მქონე ბავშვზე", "250.00", "monthly"),
            ],
            "documents": [ID_CARD, ("ბავშვის დაბადების მოწმობა", ""), BANK],
            "steps": [
                ("მიმართეთ ტერიტორიულ ერთეულს", ""),
                ("სოციალური მუშაკი აფასებს ოჯახს", ""),
                ("შემწეობის დანიშვნა", ""),
            ],
            "processing_time": "30 კალენდარული დღე",
            "changes": [(datetime.date(2025, 1, 1), "შემწეობა გაიზარდა 200 ლარამდე.")],
        },
        "en": {
            "title": "Reintegration allowance",
            "summary": "A monthly allowance for a family to which a child returns from state care, or which is at risk of being separated from its child.",
            "eligibility": "<p>A biological or kinship family is eligible where, in the social worker's assessment, the child can return or stay.</p>",
            "what_you_get": "<p>The allowance is granted for one year and may be extended after the social worker's reassessment.</p>",
            "amounts": [
                ("Per child", "200.00", "monthly"),
                ("Per child with a disability", "250.00", "monthly"),
            ],
            "documents": [
                ("Identity card or passport", ""),
                ("The child's birth certificate", ""),
                ("Bank account details", ""),
            ],
            "steps": [
                ("Go to a territorial office", ""),
                ("A social worker assesses the family", ""),
                ("The allowance is granted", ""),
            ],
            "processing_time": "30 calendar days",
            "changes": [(datetime.date(2025, 1, 1), "The allowance was raised to 200 lari.")],
        },
    },
    {
        "key": "idp",
        "kind": "cash_benefit",
        "audiences": ["idp", "families"],
        "related": ["tsa"],
        "offices": ["zugdidi", "gori", "tbilisi"],
        "laws": ["idp"],
        "ka": {
            "title": "დევნილის შემწეობა",
            "summary": "ყოველთვიური შემწეობა საქართველოს ოკუპირებული ტერიტორიებიდან იძულებით გადაადგილებულ პირებს.",
            "eligibility": "<p>შემწეობა ეკუთვნის დევნილის სტატუსის მქონე პირს, რომლის ოჯახის სარეიტინგო ქულა არ აღემატება დადგენილ ზღვარს.</p>",
            "what_you_get": "<p>შემწეობა ირიცხება ყოველთვიურად. დევნილის სტატუსს ანიჭებს შესაბამისი სამინისტრო; სააგენტო უზრუნველყოფს შემწეობის გაცემას.</p>",
            "amounts": [("დევნილის შემწეობა", "45.00", "monthly")],
            "documents": [("დევნილის მოწმობა", ""), ID_CARD],
            "steps": [
                ("მოიპოვეთ დევნილის სტატუსი", ""),
                ("შემწეობა ინიშნება ავტომატურად", ""),
                ("მონაცემების ცვლილებისას მიმართეთ ტერიტორიულ ერთეულს", ""),
            ],
            "processing_time": "სტატუსის მინიჭების მომდევნო თვიდან",
            "changes": [
                (
                    datetime.date(2025, 3, 1),
                    "შემწეობის დანიშვნა დაუკავშირდა ოჯახის სარეიტინგო ქულას.",
                )
            ],
        },
        "en": {
            "title": "Allowance for internally displaced persons",
            "summary": "A monthly allowance for people displaced from the occupied territories of Georgia.",
            "eligibility": "<p>Persons with IDP status whose family's rating score is below the set threshold are eligible.</p>",
            "what_you_get": "<p>The allowance is paid monthly. IDP status is granted by the responsible ministry; the Agency pays the allowance.</p>",
            "amounts": [("IDP allowance", "45.00", "monthly")],
            "documents": [("IDP certificate", ""), ("Identity card or passport", "")],
            "steps": [
                ("Obtain IDP status", ""),
                ("The allowance is granted automatically", ""),
                ("If your details change, go to a territorial office", ""),
            ],
            "processing_time": "From the month after the status is granted",
            "changes": [
                (
                    datetime.date(2025, 3, 1),
                    "The allowance now depends on the family's rating score.",
                )
            ],
        },
    },
    {
        "key": "funeral",
        "kind": "cash_benefit",
        "audiences": ["families", "older-people"],
        "related": ["pension", "tsa"],
        "offices": [],
        "laws": ["pension"],
        "ka": {
            "title": "დაკრძალვის დახმარება",
            "summary": "ერთჯერადი დახმარება პენსიის ან სოციალური პაკეტის მიმღების დაკრძალვის ხარჯებისთვის.",
            "eligibility": "<p>დახმარებას იღებს პირი, რომელმაც დაკრძალა გარდაცვლილი პენსიის, სოციალური პაკეტის ან საარსებო შემწეობის მიმღები.</p>",
            "what_you_get": "<p>ერთჯერადი თანხა, რომელიც ირიცხება მიმღების საბანკო ანგარიშზე.</p>",
            "amounts": [("დაკრძალვის დახმარება", "250.00", "once")],
            "documents": [ID_CARD, ("გარდაცვალების მოწმობა", ""), BANK],
            "steps": [
                (
                    "მიმართეთ ტერიტორიულ ერთეულს ან იუსტიციის სახლს",
                    "გარდაცვალებიდან 6 თვის განმავლობაში.",
                ),
                ("წარადგინეთ საბუთები", ""),
                ("თანხის ჩარიცხვა", ""),
            ],
            "processing_time": "10 სამუშაო დღე",
            "changes": [(datetime.date(2024, 1, 1), "დახმარება გაიზარდა 250 ლარამდე.")],
        },
        "en": {
            "title": "Funeral allowance",
            "summary": "A one-off payment towards the funeral of a person who received a pension or a social package.",
            "eligibility": "<p>The person who arranged the funeral of a recipient of a pension, social package or subsistence allowance is eligible.</p>",
            "what_you_get": "<p>A one-off sum paid into the applicant's bank account.</p>",
            "amounts": [("Funeral allowance", "250.00", "once")],
            "documents": [
                ("Identity card or passport", ""),
                ("Death certificate", ""),
                ("Bank account details", ""),
            ],
            "steps": [
                (
                    "Go to a territorial office or a Public Service Hall",
                    "Within 6 months of the death.",
                ),
                ("Hand in the documents", ""),
                ("The money is paid", ""),
            ],
            "processing_time": "10 working days",
            "changes": [(datetime.date(2024, 1, 1), "The allowance was raised to 250 lari.")],
        },
    },
]


# "What support can I get?": the finder page, and each service's eligibility rules
# (services.eligibility) by service key; services not named here are not listed.
FINDER = {
    "ka": {
        "title": "რა დახმარება შემიძლია მივიღო?",
        "slug": "ra-dakhmareba-shemidzlia-mivigho",
        "intro": (
            "უპასუხეთ რამდენიმე კითხვას და ნახეთ, რომელი მომსახურება შეიძლება გეხებოდეთ. "
            "ყველა კითხვა არასავალდებულოა."
        ),
    },
    "en": {
        "title": "What support can I get?",
        "slug": "what-support-can-i-get",
        "intro": (
            "Answer a few questions to see which services may apply to you. "
            "Every question is optional."
        ),
    },
}
FINDER_RULES = {
    "pension": {"finder_min_age": 60},
    "tsa": {"finder_registered": True},
    "child-benefit": {"finder_children": True, "finder_registered": True},
    "disability-package": {"finder_disability": True},
    "day-centres": {"finder_disability": True},
    "vouchers": {"finder_disability": True},
    "reintegration": {"finder_children": True},
    "idp": {"finder_displaced": True},
    "funeral": {"finder_registered": True},
}
