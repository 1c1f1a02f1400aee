"""Demo news, press releases and events about the agency's real work, in Georgian and
English. Bodies are (block type, value) pairs as in cms/demo_content.py; rich text is HTML.

Event dates are offsets in days from the day the demo is first seeded, so a fresh demo
always has both upcoming and past events.
"""

import datetime

NEWS_INDEX = {
    "ka": {
        "title": "სიახლეები",
        "intro": "სააგენტოს სიახლეები, პრესრელიზები, მედიაგანცხადებები და განცხადებები.",
    },
    "en": {
        "title": "News",
        "slug": "news",
        "intro": "The Agency's news, press releases, press advisories and statements.",
    },
}

EVENT_INDEX = {
    "ka": {
        "title": "ღონისძიებები",
        "intro": (
            "პრესკონფერენციები, კონფერენციები, კამპანიები, სემინარები და სამუშაო შეხვედრები. "
            "ჟურნალისტებისთვის აკრედიტაციის ინფორმაცია თითოეული ღონისძიების გვერდზეა."
        ),
    },
    "en": {
        "title": "Events",
        "slug": "events",
        "intro": (
            "Press conferences, conferences, campaigns, seminars and working meetings. "
            "Accreditation information for journalists is on each event's page."
        ),
    },
}

MEDIA_CONTACT = {
    "ka": "მედიასთან და საზოგადოებასთან ურთიერთობის სამმართველო",
    "en": "Media and Public Relations Division",
    "phone": "+995 32 222 22 22",
    "email": "press@ssa.gov.ge",
}

# kind: "news" or a PressReleasePage.ReleaseType value.
NEWS_ITEMS = [
    {
        "kind": "news",
        "date": datetime.date(2025, 12, 26),
        "ka": {
            "title": "სახელმწიფო პენსია 1 იანვრიდან ინდექსირდება",
            "lead": (
                "2026 წლის 1 იანვრიდან სახელმწიფო პენსია კანონით დადგენილი წესით "
                "ინდექსირდება. პენსიონერებს განცხადების წარდგენა არ სჭირდებათ."
            ),
            "tags": ["პენსია", "ინდექსაცია"],
            "body": [
                (
                    "paragraph",
                    "<p>ინდექსაცია ავტომატურად ვრცელდება ყველა პენსიის მიმღებზე. გაზრდილი "
                    "პენსია ჩაირიცხება იანვრის ჩვეულ ვადებში, იმავე საბანკო ანგარიშზე.</p>",
                ),
                (
                    "paragraph",
                    "<p>დამატებითი ინფორმაციისთვის დარეკეთ სააგენტოს ცხელ ხაზზე 1505 ან "
                    "მიმართეთ თქვენს ტერიტორიულ სოციალური მომსახურების ცენტრს.</p>",
                ),
            ],
        },
        "en": {
            "title": "State pension indexed from 1 January",
            "lead": (
                "From 1 January 2026 the state pension is indexed as the law provides. "
                "Pensioners do not need to apply."
            ),
            "tags": ["pension", "indexation"],
            "body": [
                (
                    "paragraph",
                    "<p>Indexation applies automatically to everyone who receives a pension. "
                    "The increased pension is paid on the usual January dates, to the same "
                    "bank account.</p>",
                ),
                (
                    "paragraph",
                    "<p>For more information call the Agency's hotline 1505 or visit your "
                    "territorial social service centre.</p>",
                ),
            ],
        },
    },
    {
        "kind": "news",
        "date": datetime.date(2026, 1, 15),
        "ka": {
            "title": "სააგენტო ახალ მინდობით აღმზრდელ ოჯახებს ეძებს",
            "lead": (
                "მინდობით აღზრდა ბავშვს, რომელიც ბიოლოგიურ ოჯახში ვერ ცხოვრობს, ოჯახურ "
                "გარემოში ზრდის შესაძლებლობას აძლევს. სააგენტო იწვევს ოჯახებს, გახდნენ "
                "მინდობით აღმზრდელები."
            ),
            "tags": ["მინდობით აღზრდა", "ბავშვზე ზრუნვა"],
            "body": [
                (
                    "paragraph",
                    "<p>მინდობით აღმზრდელი ოჯახი გადის მომზადებას, სოციალური მუშაკი აფასებს "
                    "მის შესაძლებლობებს, ხოლო ბავშვის განთავსების შემდეგ ოჯახი იღებს "
                    "ყოველთვიურ ანაზღაურებას და სოციალური მუშაკის მუდმივ მხარდაჭერას.</p>",
                ),
                (
                    "paragraph",
                    "<p>დაინტერესებულ პირებს შეუძლიათ მიმართონ ნებისმიერ ტერიტორიულ ცენტრს ან "
                    "დარეკონ ცხელ ხაზზე 1505.</p>",
                ),
            ],
        },
        "en": {
            "title": "The Agency is looking for new foster families",
            "lead": (
                "Foster care lets a child who cannot live with their birth family grow up in a "
                "family. The Agency invites families to become foster carers."
            ),
            "tags": ["foster care", "child care"],
            "body": [
                (
                    "paragraph",
                    "<p>A foster family is trained, a social worker assesses its capacity, and "
                    "once a child is placed the family receives a monthly payment and the "
                    "continuous support of a social worker.</p>",
                ),
                (
                    "paragraph",
                    "<p>Anyone interested can visit any territorial centre or call the hotline "
                    "1505.</p>",
                ),
            ],
        },
    },
    {
        "kind": "news",
        "date": datetime.date(2026, 2, 3),
        "ka": {
            "title": "როგორ მოვითხოვოთ ოჯახის მდგომარეობის ხელახალი შეფასება",
            "lead": (
                "თუ ოჯახის სოციალურ-ეკონომიკური მდგომარეობა შეიცვალა, შეგიძლიათ მოითხოვოთ "
                "ხელახალი შეფასება და სარეიტინგო ქულის გადაანგარიშება."
            ),
            "tags": ["საარსებო შემწეობა", "სარეიტინგო ქულა"],
            "body": [
                (
                    "paragraph",
                    "<p>განცხადება წარადგინეთ იუსტიციის სახლში, საზოგადოებრივ ცენტრში ან "
                    "სააგენტოს ტერიტორიულ ცენტრში. ოჯახს სოციალური აგენტი ესტუმრება და "
                    "შეავსებს ოჯახის დეკლარაციას.</p>",
                ),
                (
                    "paragraph",
                    "<p>ახალი სარეიტინგო ქულის მიხედვით განისაზღვრება, ეკუთვნის თუ არა ოჯახს "
                    "საარსებო შემწეობა და ბავშვის შემწეობა.</p>",
                ),
            ],
        },
        "en": {
            "title": "How to ask for your family's situation to be reassessed",
            "lead": (
                "If your family's social and economic situation has changed, you can ask for a "
                "new assessment and a recalculation of your rating score."
            ),
            "tags": ["subsistence allowance", "rating score"],
            "body": [
                (
                    "paragraph",
                    "<p>Apply at a Public Service Hall, a community centre or one of the "
                    "Agency's territorial centres. A social agent visits the family and fills "
                    "in the family declaration.</p>",
                ),
                (
                    "paragraph",
                    "<p>The new rating score determines whether the family is entitled to the "
                    "subsistence allowance and the child benefit.</p>",
                ),
            ],
        },
    },
    {
        "kind": "press_release",
        "date": datetime.date(2026, 2, 20),
        "ka": {
            "title": "ბავშვთა რეაბილიტაციის ვაუჩერებზე განაცხადების მიღება დაიწყო",
            "lead": (
                "შეზღუდული შესაძლებლობის მქონე ბავშვების მშობლებს შეუძლიათ "
                "მოითხოვონ ვაუჩერი ადრეული განვითარებისა და რეაბილიტაციის მომსახურებაზე."
            ),
            "dateline": "თბილისი",
            "tags": ["ვაუჩერი", "ბავშვები", "რეაბილიტაცია"],
            "body": [
                (
                    "paragraph",
                    "<p>ვაუჩერით ოჯახი თავად ირჩევს მომსახურების მიმწოდებელს "
                    "რეგისტრირებულ ორგანიზაციებს შორის. ვაუჩერი მოიცავს ფიზიკურ თერაპიას, "
                    "მეტყველების თერაპიას და ფსიქოლოგის კონსულტაციას.</p>",
                ),
                (
                    "paragraph",
                    "<p>განცხადებას თან უნდა დაერთოს ბავშვის დაბადების მოწმობა და ექიმის "
                    "დასკვნა. მომსახურების ჩამონათვალი და მიმწოდებლები იხილეთ სააგენტოს "
                    "ვებგვერდზე.</p>",
                ),
            ],
        },
        "en": {
            "title": "Applications open for children's rehabilitation vouchers",
            "lead": (
                "Parents of children with disabilities can apply for a voucher for early "
                "development and rehabilitation services."
            ),
            "dateline": "Tbilisi",
            "tags": ["voucher", "children", "rehabilitation"],
            "body": [
                (
                    "paragraph",
                    "<p>With a voucher the family chooses its provider among the registered "
                    "organisations. The voucher covers physiotherapy, speech therapy and "
                    "consultations with a psychologist.</p>",
                ),
                (
                    "paragraph",
                    "<p>The application must be accompanied by the child's birth certificate "
                    "and a doctor's report. The list of services and providers is on the "
                    "Agency's website.</p>",
                ),
            ],
        },
    },
    {
        "kind": "news",
        "date": datetime.date(2026, 3, 17),
        "ka": {
            "title": "სოციალური მუშაკები ბავშვთა ძალადობისგან დაცვის საკითხებზე გადამზადდნენ",
            "lead": (
                "სააგენტოს სოციალურმა მუშაკებმა გაიარეს ტრენინგი ძალადობის ნიშნების "
                "ამოცნობასა და მიმართვიანობის პროცედურებზე."
            ),
            "tags": ["სოციალური მუშაობა", "ბავშვთა დაცვა"],
            "body": [
                (
                    "paragraph",
                    "<p>ტრენინგი მოიცავდა ბავშვის რისკის შეფასებას, სკოლებთან, პოლიციასთან და "
                    "სამედიცინო დაწესებულებებთან თანამშრომლობას და ბავშვის ინტერესების "
                    "დაცვას სასამართლოში.</p>",
                ),
                (
                    "paragraph",
                    "<p>თუ ფიქრობთ, რომ ბავშვი ძალადობის მსხვერპლია, დარეკეთ 112-ზე ან "
                    "სააგენტოს ცხელ ხაზზე 1505.</p>",
                ),
            ],
        },
        "en": {
            "title": "Social workers trained in protecting children from violence",
            "lead": (
                "The Agency's social workers took part in training on recognising signs of "
                "violence and on referral procedures."
            ),
            "tags": ["social work", "child protection"],
            "body": [
                (
                    "paragraph",
                    "<p>The training covered assessing the risk to a child, cooperation with "
                    "schools, the police and health care facilities, and representing the "
                    "child's interests in court.</p>",
                ),
                (
                    "paragraph",
                    "<p>If you think a child is a victim of violence, call 112 or the Agency's "
                    "hotline 1505.</p>",
                ),
            ],
        },
    },
    {
        "kind": "press_release",
        "date": datetime.date(2026, 3, 18),
        "ka": {
            "title": "სოციალური მუშაობის საერთაშორისო დღე სააგენტოში",
            "lead": (
                "სოციალური მუშაობის საერთაშორისო დღეს სააგენტომ საუკეთესო სოციალური "
                "მუშაკები დააჯილდოვა."
            ),
            "dateline": "თბილისი",
            "tags": ["სოციალური მუშაობა"],
            "body": [
                (
                    "paragraph",
                    "<p>სააგენტოს დირექტორმა მადლობა გადაუხადა სოციალურ მუშაკებს, რომლებიც "
                    "ყოველდღიურად ეხმარებიან ბავშვებს, ოჯახებს და მარტოხელა ხანდაზმულ "
                    "ადამიანებს მთელი საქართველოს მასშტაბით.</p>",
                ),
            ],
        },
        "en": {
            "title": "World Social Work Day at the Agency",
            "lead": "On World Social Work Day the Agency honoured its best social workers.",
            "dateline": "Tbilisi",
            "tags": ["social work"],
            "body": [
                (
                    "paragraph",
                    "<p>The Agency's Director thanked the social workers who every day help "
                    "children, families and older people living alone across Georgia.</p>",
                ),
            ],
        },
    },
    {
        "kind": "news",
        "date": datetime.date(2026, 4, 8),
        "ka": {
            "title": "რუსთავის სოციალური მომსახურების ცენტრი ახალ შენობაში გადავიდა",
            "lead": (
                "რუსთავის ცენტრი ახლა ადაპტირებულ შენობაში მუშაობს: შესასვლელი პანდუსით, "
                "მოსაცდელი სივრცე და ცალკე ოთახი კონფიდენციალური კონსულტაციისთვის."
            ),
            "tags": ["ტერიტორიული ცენტრები", "ქვემო ქართლი"],
            "body": [
                (
                    "paragraph",
                    "<p>ცენტრი მომსახურებას უწევს რუსთავის, გარდაბნისა და მარნეულის "
                    "მუნიციპალიტეტების მოსახლეობას. სამუშაო საათები უცვლელია: ორშაბათიდან "
                    "პარასკევამდე, 09:00-დან 18:00-მდე.</p>",
                ),
            ],
        },
        "en": {
            "title": "The Rustavi social service centre has moved to a new building",
            "lead": (
                "The Rustavi centre now works in an accessible building: a ramped entrance, a "
                "waiting area and a separate room for confidential consultations."
            ),
            "tags": ["territorial centres", "Kvemo Kartli"],
            "body": [
                (
                    "paragraph",
                    "<p>The centre serves the residents of the Rustavi, Gardabani and Marneuli "
                    "municipalities. Opening hours are unchanged: Monday to Friday, "
                    "09:00 to 18:00.</p>",
                ),
            ],
        },
    },
    {
        "kind": "statement",
        "date": datetime.date(2026, 4, 22),
        "ka": {
            "title": "სააგენტოს განცხადება ყალბი SMS-შეტყობინებების შესახებ",
            "lead": (
                "მოქალაქეები იღებენ შეტყობინებებს, თითქოს სააგენტოს სახელით, რომლებშიც "
                "ბარათის მონაცემებს ითხოვენ. სააგენტო ასეთ შეტყობინებებს არ აგზავნის."
            ),
            "dateline": "თბილისი",
            "tags": ["თაღლითობა", "უსაფრთხოება"],
            "body": [
                (
                    "paragraph",
                    "<p>სააგენტო არასოდეს ითხოვს საბანკო ბარათის ნომერს, PIN-კოდს ან "
                    "ერთჯერად კოდს ტელეფონით, SMS-ით ან სოციალურ ქსელში. შემწეობის ან პენსიის "
                    "მისაღებად ბმულზე გადასვლა საჭირო არ არის.</p>",
                ),
                (
                    "paragraph",
                    "<p>ასეთი შეტყობინების მიღების შემთხვევაში ნუ გასცემთ მონაცემებს და "
                    "მიმართეთ შსს-ს 112-ზე ან სააგენტოს ცხელ ხაზზე 1505.</p>",
                ),
            ],
        },
        "en": {
            "title": "Statement on fake text messages",
            "lead": (
                "People are receiving messages, supposedly from the Agency, that ask for their "
                "card details. The Agency does not send such messages."
            ),
            "dateline": "Tbilisi",
            "tags": ["fraud", "safety"],
            "body": [
                (
                    "paragraph",
                    "<p>The Agency never asks for a bank card number, PIN or one-time code by "
                    "phone, text message or social network. No link needs to be followed to "
                    "receive an allowance or a pension.</p>",
                ),
                (
                    "paragraph",
                    "<p>If you receive such a message, do not give out any details, and call "
                    "112 or the Agency's hotline 1505.</p>",
                ),
            ],
        },
    },
    {
        "kind": "news",
        "date": datetime.date(2026, 5, 12),
        "ka": {
            "title": "ინფორმაციული შეხვედრა მომავალი მშვილებლებისთვის",
            "lead": (
                "სააგენტო მშვილებლობის მსურველ ოჯახებს პროცედურების, საჭირო "
                "დოკუმენტებისა და მომზადების კურსის შესახებ ინფორმაციულ შეხვედრაზე იწვევს."
            ),
            "tags": ["შვილად აყვანა"],
            "body": [
                (
                    "paragraph",
                    "<p>შეხვედრაზე სოციალური მუშაკები და ფსიქოლოგები აგიხსნიან, როგორ "
                    "ფასდება მომავალი მშვილებელი ოჯახი, რამდენ ხანს გრძელდება პროცესი და რა "
                    "მხარდაჭერას იღებს ოჯახი შვილად აყვანის შემდეგ.</p>",
                ),
            ],
        },
        "en": {
            "title": "Information meeting for prospective adoptive parents",
            "lead": (
                "The Agency invites families who wish to adopt to an information meeting on "
                "the procedure, the documents required and the preparation course."
            ),
            "tags": ["adoption"],
            "body": [
                (
                    "paragraph",
                    "<p>Social workers and psychologists will explain how a prospective "
                    "adoptive family is assessed, how long the process takes and what support "
                    "the family receives after the adoption.</p>",
                ),
            ],
        },
    },
    {
        "kind": "press_release",
        "date": datetime.date(2026, 5, 29),
        "ka": {
            "title": "სააგენტომ და UNICEF-მა თანამშრომლობის მემორანდუმი გააფორმეს",
            "lead": (
                "მემორანდუმი ითვალისწინებს სოციალური მუშაკების პროფესიული განვითარების "
                "მხარდაჭერას და ოჯახის მხარდაჭერის მომსახურებების გაფართოებას."
            ),
            "dateline": "თბილისი",
            "tags": ["პარტნიორები", "სოციალური მუშაობა"],
            "body": [
                (
                    "paragraph",
                    "<p>თანამშრომლობის ფარგლებში განახლდება შემთხვევის მართვის "
                    "სტანდარტები, მომზადდება სასწავლო პროგრამები და დაინერგება ოჯახის "
                    "გაძლიერების ახალი მომსახურებები რეგიონებში.</p>",
                ),
            ],
        },
        "en": {
            "title": "The Agency and UNICEF sign a memorandum of cooperation",
            "lead": (
                "The memorandum provides for support to the professional development of social "
                "workers and the expansion of family support services."
            ),
            "dateline": "Tbilisi",
            "tags": ["partners", "social work"],
            "body": [
                (
                    "paragraph",
                    "<p>Under the cooperation case management standards will be updated, "
                    "training programmes prepared and new family strengthening services "
                    "introduced in the regions.</p>",
                ),
            ],
        },
    },
    {
        "kind": "news",
        "date": datetime.date(2026, 6, 10),
        "ka": {
            "title": "რეინტეგრაციის პროგრამით ბავშვები ბიოლოგიურ ოჯახებს დაუბრუნდნენ",
            "lead": (
                "რეინტეგრაციის პროგრამა ოჯახებს ეხმარება, ბავშვი სახლში დააბრუნონ და "
                "მასზე ზრუნვა თავად შეძლონ."
            ),
            "tags": ["რეინტეგრაცია", "ბავშვზე ზრუნვა"],
            "body": [
                (
                    "paragraph",
                    "<p>პროგრამის ფარგლებში ოჯახი იღებს ყოველთვიურ ფინანსურ დახმარებას, "
                    "ხოლო სოციალური მუშაკი რეგულარულად ესტუმრება ოჯახს და აფასებს ბავშვის "
                    "მდგომარეობას.</p>",
                ),
            ],
        },
        "en": {
            "title": "Children return to their birth families through the reintegration programme",
            "lead": (
                "The reintegration programme helps families bring a child home and care for "
                "the child themselves."
            ),
            "tags": ["reintegration", "child care"],
            "body": [
                (
                    "paragraph",
                    "<p>Under the programme the family receives monthly financial support, and "
                    "a social worker visits the family regularly and assesses the child's "
                    "wellbeing.</p>",
                ),
            ],
        },
    },
    {
        "kind": "news",
        "date": datetime.date(2026, 7, 2),
        "ka": {
            "title": "სოციალური პაკეტი შეზღუდული შესაძლებლობის სტატუსის მქონე პირებისთვის",
            "lead": (
                "რა უნდა იცოდეთ სოციალური პაკეტის შესახებ: ვის ეკუთვნის, როგორ დგინდება "
                "სტატუსი და სად უნდა მიმართოთ."
            ),
            "tags": ["შეზღუდული შესაძლებლობა", "სოციალური პაკეტი"],
            "body": [
                (
                    "paragraph",
                    "<p>შეზღუდული შესაძლებლობის სტატუსს ადგენს სამედიცინო-სოციალური "
                    "ექსპერტიზა. სტატუსის დადგენის შემდეგ სოციალური პაკეტის დასანიშნად "
                    "მიმართეთ სააგენტოს ტერიტორიულ ცენტრს.</p>",
                ),
            ],
        },
        "en": {
            "title": "The social package for persons with a disability status",
            "lead": (
                "What to know about the social package: who is entitled, how the status is "
                "determined and where to apply."
            ),
            "tags": ["disability", "social package"],
            "body": [
                (
                    "paragraph",
                    "<p>Disability status is determined by a medical and social assessment. "
                    "Once the status is granted, apply for the social package at one of the "
                    "Agency's territorial centres.</p>",
                ),
            ],
        },
    },
    {
        "kind": "press_release",
        "date": datetime.date(2026, 7, 21),
        "ka": {
            "title": "ქუთაისში შეზღუდული შესაძლებლობის მქონე პირთა დღის ცენტრი გაიხსნა",
            "lead": (
                "ახალი დღის ცენტრი ყოველდღიურად 40-მდე ბენეფიციარს მოემსახურება "
                "სახელმწიფო პროგრამის ფარგლებში."
            ),
            "dateline": "ქუთაისი",
            "tags": ["დღის ცენტრები", "იმერეთი"],
            "body": [
                (
                    "paragraph",
                    "<p>ცენტრში ბენეფიციარებს სთავაზობენ განვითარებისა და "
                    "დამოუკიდებელი ცხოვრების უნარების სწავლებას, თერაპიებს და კვებას. "
                    "მომსახურება უფასოა.</p>",
                ),
            ],
        },
        "en": {
            "title": "Day centre for persons with disabilities opens in Kutaisi",
            "lead": (
                "The new day centre will serve up to 40 beneficiaries a day under the state "
                "programme."
            ),
            "dateline": "Kutaisi",
            "tags": ["day centres", "Imereti"],
            "body": [
                (
                    "paragraph",
                    "<p>The centre offers its beneficiaries development and independent living "
                    "skills, therapies and meals. The service is free of charge.</p>",
                ),
            ],
        },
    },
    {
        "kind": "news",
        "date": datetime.date(2026, 8, 14),
        "ka": {
            "title": "მცირე საოჯახო ტიპის სახლები: ბავშვზე ზრუნვა ოჯახურ გარემოში",
            "lead": (
                "მცირე საოჯახო ტიპის სახლებში ბავშვები ცხოვრობენ მცირე ჯგუფებად, "
                "აღმზრდელებთან ერთად, ოჯახთან მიახლოებულ გარემოში."
            ),
            "tags": ["ბავშვზე ზრუნვა"],
            "body": [
                (
                    "paragraph",
                    "<p>სააგენტო ზედამხედველობს მომსახურების ხარისხს: სოციალური მუშაკები "
                    "რეგულარულად ხვდებიან თითოეულ ბავშვს და ზრუნავენ მისი ოჯახთან "
                    "დაბრუნების ან მინდობით აღზრდაში განთავსების შესაძლებლობაზე.</p>",
                ),
            ],
        },
        "en": {
            "title": "Small group homes: caring for children in a family-like setting",
            "lead": (
                "In small group homes children live in small groups with carers, in a setting "
                "close to that of a family."
            ),
            "tags": ["child care"],
            "body": [
                (
                    "paragraph",
                    "<p>The Agency monitors the quality of the service: social workers meet "
                    "each child regularly and work towards the child's return to the family or "
                    "placement in foster care.</p>",
                ),
            ],
        },
    },
    {
        "kind": "press_advisory",
        "date": datetime.date(2026, 9, 1),
        "ka": {
            "title": "მედიის საყურადღებოდ: პრესკონფერენცია მინდობით აღზრდის კამპანიის შესახებ",
            "lead": (
                "სააგენტოს ხელმძღვანელობა მედიას მინდობით აღზრდის ახალ კამპანიას "
                "წარუდგენს. გთხოვთ, წინასწარ გაიაროთ აკრედიტაცია."
            ),
            "dateline": "თბილისი",
            "tags": ["მინდობით აღზრდა", "მედია"],
            "body": [
                (
                    "paragraph",
                    "<p>პრესკონფერენცია გაიმართება სააგენტოს ცენტრალურ ოფისში, "
                    "საკონფერენციო დარბაზში, 12:00 საათზე. აკრედიტაციისთვის მოგვწერეთ "
                    "press@ssa.gov.ge-ზე.</p>",
                ),
            ],
        },
        "en": {
            "title": "Press advisory: press conference on the foster care campaign",
            "lead": (
                "The Agency's leadership will present the new foster care campaign to the "
                "media. Please register for accreditation in advance."
            ),
            "dateline": "Tbilisi",
            "tags": ["foster care", "media"],
            "body": [
                (
                    "paragraph",
                    "<p>The press conference takes place in the conference hall of the "
                    "Agency's central office at 12:00. To register, write to "
                    "press@ssa.gov.ge.</p>",
                ),
            ],
        },
    },
    {
        "kind": "news",
        "date": datetime.date(2026, 9, 16),
        "ka": {
            "title": "განცხადების წარდგენა ონლაინ: სააგენტოს მომსახურებები my.gov.ge-ზე",
            "lead": (
                "სააგენტოს რამდენიმე მომსახურებაზე განცხადების წარდგენა ახლა "
                "შესაძლებელია ერთიანი პორტალიდან, ცენტრში მისვლის გარეშე."
            ),
            "tags": ["ელექტრონული მომსახურება"],
            "body": [
                (
                    "paragraph",
                    "<p>ონლაინ შეგიძლიათ მოითხოვოთ ოჯახის ხელახალი შეფასება, ცნობა "
                    "მიღებული შემწეობის შესახებ და საკონტაქტო მონაცემების განახლება. "
                    "ავტორიზაცია ხდება პირადობის ელექტრონული მოწმობით.</p>",
                ),
            ],
        },
        "en": {
            "title": "Apply online: the Agency's services on my.gov.ge",
            "lead": (
                "Several of the Agency's services can now be applied for on the unified portal, "
                "without visiting a centre."
            ),
            "tags": ["e-services"],
            "body": [
                (
                    "paragraph",
                    "<p>Online you can ask for your family to be reassessed, request a "
                    "certificate of the allowances you receive and update your contact details. "
                    "You log in with your electronic ID card.</p>",
                ),
            ],
        },
    },
    {
        "kind": "press_release",
        "date": datetime.date(2026, 10, 1),
        "ka": {
            "title": "ხანდაზმულთა საერთაშორისო დღე: სოციალური მუშაკები მარტოხელა "
            "პენსიონერებს ესტუმრნენ",
            "lead": (
                "ხანდაზმულთა საერთაშორისო დღეს სოციალური მუშაკები მარტოხელა "
                "ხანდაზმულებს ესტუმრნენ და მათ საჭიროებებს გაეცნენ."
            ),
            "dateline": "თბილისი",
            "tags": ["ხანდაზმულები", "პენსია"],
            "body": [
                (
                    "paragraph",
                    "<p>ვიზიტების შედეგად გამოვლენილ საჭიროებებზე სოციალური მუშაკები "
                    "ადამიანებს შესაბამის სახელმწიფო და მუნიციპალურ პროგრამებში "
                    "ჩართვაში დაეხმარებიან.</p>",
                ),
            ],
        },
        "en": {
            "title": "International Day of Older Persons: social workers visit pensioners "
            "living alone",
            "lead": (
                "On the International Day of Older Persons social workers visited older people "
                "living alone and learned about their needs."
            ),
            "dateline": "Tbilisi",
            "tags": ["older people", "pension"],
            "body": [
                (
                    "paragraph",
                    "<p>Where the visits reveal needs, social workers will help people join the "
                    "appropriate state and municipal programmes.</p>",
                ),
            ],
        },
    },
    {
        "kind": "news",
        "date": datetime.date(2026, 10, 20),
        "ka": {
            "title": "დირექტორი იმერეთისა და გურიის ტერიტორიულ ცენტრებს ეწვია",
            "lead": (
                "ვიზიტის მიზანი იყო ცენტრების მუშაობის გაცნობა და მოქალაქეების "
                "მომსახურების ხარისხის გაუმჯობესება."
            ),
            "tags": ["ტერიტორიული ცენტრები", "იმერეთი", "გურია"],
            "body": [
                (
                    "paragraph",
                    "<p>დირექტორი შეხვდა თანამშრომლებს და მოქალაქეებს, მოისმინა მათი "
                    "შენიშვნები რიგებისა და დოკუმენტების წარდგენის შესახებ.</p>",
                ),
            ],
        },
        "en": {
            "title": "The Director visits territorial centres in Imereti and Guria",
            "lead": (
                "The visit was to learn about the centres' work and to improve the service "
                "people receive."
            ),
            "tags": ["territorial centres", "Imereti", "Guria"],
            "body": [
                (
                    "paragraph",
                    "<p>The Director met staff and members of the public and heard their "
                    "comments on queues and on submitting documents.</p>",
                ),
            ],
        },
    },
    {
        "kind": "news",
        "date": datetime.date(2026, 11, 5),
        "ka": {
            "title": "ბავშვის შემწეობა: ვის ეკუთვნის და როგორ ირიცხება",
            "lead": (
                "ბავშვის შემწეობა ენიშნება საარსებო შემწეობის მიმღებ ოჯახებს თითოეულ "
                "16 წლამდე ბავშვზე."
            ),
            "tags": ["ბავშვის შემწეობა", "საარსებო შემწეობა"],
            "body": [
                (
                    "paragraph",
                    "<p>ცალკე განცხადება საჭირო არ არის: შემწეობა ავტომატურად ენიშნება "
                    "ოჯახს სარეიტინგო ქულის მიხედვით და ირიცხება საარსებო შემწეობასთან "
                    "ერთად.</p>",
                ),
            ],
        },
        "en": {
            "title": "Child benefit: who is entitled and how it is paid",
            "lead": (
                "Child benefit is granted to families receiving the subsistence allowance, for "
                "each child under 16."
            ),
            "tags": ["child benefit", "subsistence allowance"],
            "body": [
                (
                    "paragraph",
                    "<p>No separate application is needed: the benefit is granted automatically "
                    "according to the family's rating score and is paid together with the "
                    "subsistence allowance.</p>",
                ),
            ],
        },
    },
    {
        "kind": "press_release",
        "date": datetime.date(2026, 11, 18),
        "ka": {
            "title": "სააგენტოს ახალი ვებგვერდი ტელეფონზე მოსახერხებელი და ყველასთვის "
            "ხელმისაწვდომია",
            "lead": (
                "ახალ ვებგვერდზე თითოეული მომსახურება აღწერილია ერთნაირი სტრუქტურით: ვის "
                "ეკუთვნის, რა დოკუმენტებია საჭირო და სად უნდა მიმართოთ."
            ),
            "dateline": "თბილისი",
            "tags": ["ვებგვერდი", "ხელმისაწვდომობა"],
            "body": [
                (
                    "paragraph",
                    "<p>ვებგვერდი შექმნილია ხელმისაწვდომობის საერთაშორისო სტანდარტის "
                    "(WCAG 2.2) მიხედვით, სწრაფად იტვირთება ნელ ინტერნეტზეც და ხელმისაწვდომია "
                    "ქართულ და ინგლისურ ენებზე.</p>",
                ),
            ],
        },
        "en": {
            "title": "The Agency's new website works well on phones and is accessible to all",
            "lead": (
                "On the new website every service is described in the same structure: who is "
                "entitled, which documents are needed and where to apply."
            ),
            "dateline": "Tbilisi",
            "tags": ["website", "accessibility"],
            "body": [
                (
                    "paragraph",
                    "<p>The website follows the international accessibility standard "
                    "(WCAG 2.2), loads quickly even on a slow connection and is available in "
                    "Georgian and English.</p>",
                ),
            ],
        },
    },
]

EVENTS = [
    {
        "type": "press_conference",
        "start_in_days": 6,
        "hours": (11, 0, 12, 0),
        "ka": {
            "title": "პრესკონფერენცია 2027 წლის სოციალური პროგრამების შესახებ",
            "lead": "სააგენტოს ხელმძღვანელობა 2027 წლის სოციალურ პროგრამებს წარადგენს.",
            "place": "თბილისი, სააგენტოს ცენტრალური ოფისი, საკონფერენციო დარბაზი",
            "accreditation": (
                "<p>აკრედიტაცია ღონისძიებამდე ერთი დღით ადრე, 18:00 საათამდე: მოგვწერეთ "
                "press@ssa.gov.ge-ზე და მიუთითეთ მედიასაშუალება, სახელი და გვარი.</p>"
            ),
        },
        "en": {
            "title": "Press conference on the 2027 social programmes",
            "lead": "The Agency's leadership presents the social programmes for 2027.",
            "place": "Tbilisi, the Agency's central office, conference hall",
            "accreditation": (
                "<p>Accreditation until 18:00 on the day before the event: write to "
                "press@ssa.gov.ge giving your media outlet and your full name.</p>"
            ),
        },
    },
    {
        "type": "conference",
        "start_in_days": 20,
        "hours": (10, 0, 17, 0),
        "ka": {
            "title": "კონფერენცია: ბავშვზე ზრუნვის სისტემის რეფორმა — შედეგები და გამოწვევები",
            "lead": (
                "კონფერენციაზე სოციალური მუშაკები, პარტნიორი ორგანიზაციები და ექსპერტები "
                "ბავშვზე ზრუნვის სისტემის განვითარებას განიხილავენ."
            ),
            "place": "თბილისი, სასტუმროს საკონფერენციო ცენტრი",
            "accreditation": (
                "<p>ჟურნალისტებისთვის გახსნილია კონფერენციის პირველი სესია. "
                "აკრედიტაცია: press@ssa.gov.ge.</p>"
            ),
        },
        "en": {
            "title": "Conference: reforming the child care system — results and challenges",
            "lead": (
                "Social workers, partner organisations and experts discuss the development of "
                "the child care system."
            ),
            "place": "Tbilisi, hotel conference centre",
            "accreditation": (
                "<p>The conference's first session is open to journalists. Accreditation: "
                "press@ssa.gov.ge.</p>"
            ),
        },
    },
    {
        "type": "campaign",
        "start_in_days": 2,
        "duration_days": 30,
        "hours": (9, 0, 18, 0),
        "ka": {
            "title": "კამპანია „გახდი მინდობით აღმზრდელი“",
            "lead": (
                "ერთთვიანი კამპანია მინდობით აღზრდის შესახებ: საინფორმაციო შეხვედრები "
                "ყველა რეგიონში."
            ),
            "place": "საქართველოს ყველა რეგიონი, სააგენტოს ტერიტორიული ცენტრები",
            "accreditation": "",
        },
        "en": {
            "title": "Campaign “Become a foster carer”",
            "lead": "A month-long foster care campaign: information meetings in every region.",
            "place": "All regions of Georgia, the Agency's territorial centres",
            "accreditation": "",
        },
    },
    {
        "type": "seminar",
        "start_in_days": 35,
        "hours": (11, 0, 15, 0),
        "ka": {
            "title": "სემინარი ჟურნალისტებისთვის: სოციალური თემების ეთიკური გაშუქება",
            "lead": (
                "როგორ გავაშუქოთ ბავშვებისა და მოწყვლადი ადამიანების ისტორიები მათი "
                "პირადი ცხოვრების დაცვით."
            ),
            "place": "ქუთაისი, იმერეთის რეგიონული ცენტრი",
            "accreditation": (
                "<p>მონაწილეობა უფასოა, ადგილები შეზღუდულია. დარეგისტრირდით "
                "press@ssa.gov.ge-ზე.</p>"
            ),
        },
        "en": {
            "title": "Seminar for journalists: reporting on social issues ethically",
            "lead": (
                "How to tell the stories of children and vulnerable people while protecting "
                "their privacy."
            ),
            "place": "Kutaisi, Imereti regional centre",
            "accreditation": (
                "<p>Participation is free and places are limited. Register at press@ssa.gov.ge.</p>"
            ),
        },
    },
    {
        "type": "working_meeting",
        "start_in_days": -12,
        "hours": (10, 0, 13, 0),
        "ka": {
            "title": "სამუშაო შეხვედრა ტერიტორიული ცენტრების ხელმძღვანელებთან",
            "lead": "შეხვედრაზე განიხილეს მოქალაქეების მომსახურების სტანდარტები.",
            "place": "თბილისი, სააგენტოს ცენტრალური ოფისი",
            "accreditation": "",
        },
        "en": {
            "title": "Working meeting with the heads of territorial centres",
            "lead": "The meeting discussed the standards of service to the public.",
            "place": "Tbilisi, the Agency's central office",
            "accreditation": "",
        },
    },
    {
        "type": "press_conference",
        "start_in_days": -30,
        "hours": (12, 0, 13, 0),
        "ka": {
            "title": "პრესკონფერენცია სახელმწიფო პენსიის ინდექსაციის შესახებ",
            "lead": "სააგენტომ მედიას პენსიის ინდექსაციის წესი და ვადები განუმარტა.",
            "place": "თბილისი, სააგენტოს ცენტრალური ოფისი, საკონფერენციო დარბაზი",
            "accreditation": "<p>აკრედიტაცია: press@ssa.gov.ge.</p>",
        },
        "en": {
            "title": "Press conference on the indexation of the state pension",
            "lead": "The Agency explained the rules and dates of pension indexation to the media.",
            "place": "Tbilisi, the Agency's central office, conference hall",
            "accreditation": "<p>Accreditation: press@ssa.gov.ge.</p>",
        },
    },
]

# Georgian news title → Georgian titles of the services it concerns (services app demo).
RELATED_SERVICES = {
    "სახელმწიფო პენსია 1 იანვრიდან ინდექსირდება": ["სახელმწიფო პენსია"],
    "სააგენტო ახალ მინდობით აღმზრდელ ოჯახებს ეძებს": ["მინდობით აღზრდა"],
    "როგორ მოვითხოვოთ ოჯახის მდგომარეობის ხელახალი შეფასება": ["საარსებო შემწეობა"],
    "ინფორმაციული შეხვედრა მომავალი მშვილებლებისთვის": ["შვილად აყვანა"],
    "რეინტეგრაციის პროგრამით ბავშვები ბიოლოგიურ ოჯახებს დაუბრუნდნენ": ["რეინტეგრაციის შემწეობა"],
    "სოციალური პაკეტი შეზღუდული შესაძლებლობის სტატუსის მქონე პირებისთვის": [
        "სოციალური პაკეტი შეზღუდული შესაძლებლობის მქონე პირებს",
        "შეზღუდული შესაძლებლობის სტატუსის განსაზღვრა",
    ],
    "ქუთაისში შეზღუდული შესაძლებლობის მქონე პირთა დღის ცენტრი გაიხსნა": ["დღის ცენტრები"],
    "მედიის საყურადღებოდ: პრესკონფერენცია მინდობით აღზრდის კამპანიის შესახებ": ["მინდობით აღზრდა"],
    "ბავშვის შემწეობა: ვის ეკუთვნის და როგორ ირიცხება": [
        "ბავშვის ფულადი დახმარება",
        "საარსებო შემწეობა",
    ],
}
