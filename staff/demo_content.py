"""The demo staff section: the casework areas of the agency's social workers (from
shared/domain/social-work-ka.txt), each with its procedure, a document template and the
casework systems it uses. The systems' addresses are placeholders for the admin to correct."""

SYSTEMS = {
    "des": {
        "name_ka": "დოკუმენტბრუნვის ელექტრონული სისტემა „დეს“",
        "name_en": "DES electronic document system",
        "url": "https://des.ssa.gov.ge/",
        "description_ka": "კორესპონდენციის მიღება, დასკვნების და შემთხვევის მასალების განთავსება.",
        "description_en": "Incoming correspondence; filing conclusions and case material.",
    },
    "child": {
        "name_ka": "პროგრამა „child“-ის მონაცემთა ბაზა",
        "name_en": "The “child” programme database",
        "url": "https://child.ssa.gov.ge/",
        "description_ka": "დღის ცენტრების, კვებისა და ადრეული განვითარების ვაუჩერები.",
        "description_en": "Vouchers for day centres, nutrition and early development.",
    },
}

INDEX = {
    "ka": {
        "title": "სოციალური მუშაკებისთვის",
        "slug": "sotsialuri-mushakebistvis",
        "intro": "შემთხვევის მართვის პროცედურები, დოკუმენტების შაბლონები და სამუშაო სისტემები.",
    },
    "en": {
        "title": "For social workers",
        "slug": "for-social-workers",
        "intro": "Casework procedures, document templates and the systems you work in.",
    },
}

# (area, systems, {"ka": {title, slug, intro, steps: [(title, description, who)], template},
#  "en": {…}})
MODULES = [
    (
        "adoption",
        ["des"],
        {
            "ka": {
                "title": "შვილად აყვანა",
                "slug": "shvilad-aqvana",
                "intro": "მშვილებელი კანდიდატის რეგისტრაციიდან შეთავსების ანგარიშამდე.",
                "steps": [
                    (
                        "კანდიდატის რეგისტრაცია",
                        "გასაუბრება, კონსულტირება და განცხადების მიღება თანდართული დოკუმენტაციით.",
                        "სოციალური მუშაკი",
                    ),
                    (
                        "ოჯახის შეფასება",
                        "ოჯახის შეფასება და დასკვნა-რეკომენდაციის მომზადება "
                        "ხელმძღვანელის ვიზირებისთვის.",
                        "სოციალური მუშაკი",
                    ),
                    (
                        "პირველი შეხვედრა",
                        "მშვილებელი კანდიდატისა და ბავშვის პირველი შეხვედრის ორგანიზება, "
                        "ბავშვზე ამომწურავი ინფორმაციის მიწოდება.",
                        "სოციალური მუშაკი",
                    ),
                    (
                        "შეთავსების ანგარიში",
                        "დოკუმენტაციის სრულად მიღება, მიმოწერა სამინისტროსთან და "
                        "შეთავსების ანგარიშის შედგენა.",
                        "სოციალური მუშაკი, უფროსი სოციალური მუშაკი",
                    ),
                ],
                "template": "ოჯახის შეფასების ფორმა (შვილად აყვანა)",
            },
            "en": {
                "title": "Adoption",
                "slug": "adoption",
                "intro": "From registering a prospective adopter to the matching report.",
                "steps": [
                    (
                        "Register the candidate",
                        "Interview and advise the candidate; receive the application with its "
                        "documents.",
                        "Social worker",
                    ),
                    (
                        "Assess the family",
                        "Assess the family and prepare a conclusion and recommendation for the "
                        "manager's approval.",
                        "Social worker",
                    ),
                    (
                        "First meeting",
                        "Organise the first meeting of the candidate and the child; give full "
                        "information about the child.",
                        "Social worker",
                    ),
                    (
                        "Matching report",
                        "Obtain all documents, correspond with the ministry and write the "
                        "matching report.",
                        "Social worker, senior social worker",
                    ),
                ],
                "template": "Family assessment form (adoption)",
            },
        },
    ),
    (
        "guardianship",
        ["des"],
        {
            "ka": {
                "title": "მეურვეობა და მზრუნველობა",
                "slug": "meurveoba-da-mzrunveloba",
                "intro": "მეურვეობის, მზრუნველობისა და მხარდამჭერობის ღონისძიებები.",
                "steps": [
                    (
                        "კანდიდატის შეფასება",
                        "გასაუბრება-კონსულტირება და კანდიდატი ოჯახის შეფასება.",
                        "სოციალური მუშაკი",
                    ),
                    (
                        "დასკვნა",
                        "დასკვნა-რეკომენდაციის მომზადება და გაგზავნა უფროსი სოციალური "
                        "მუშაკისა და სამხარეო ცენტრის უფროსისთვის.",
                        "სოციალური მუშაკი",
                    ),
                    (
                        "გადაწყვეტილება",
                        "იურისტთან გადაგზავნა გადაწყვეტილების მისაღებად და გადაწყვეტილების "
                        "მოქალაქისთვის გადაცემა.",
                        "იურისტი",
                    ),
                ],
                "template": "მეურვეობის საბჭოსთვის წარსადგენი დასკვნის შაბლონი",
            },
            "en": {
                "title": "Guardianship and care",
                "slug": "guardianship-and-care",
                "intro": "Guardianship, care and support measures.",
                "steps": [
                    (
                        "Assess the candidate",
                        "Interview and advise the candidate; assess the candidate family.",
                        "Social worker",
                    ),
                    (
                        "Conclusion",
                        "Prepare a conclusion and recommendation and send it to the senior "
                        "social worker and the head of the regional centre.",
                        "Social worker",
                    ),
                    (
                        "Decision",
                        "Send the case to the lawyer for a decision and hand the decision to the "
                        "citizen.",
                        "Lawyer",
                    ),
                ],
                "template": "Conclusion template for the guardianship council",
            },
        },
    ),
    (
        "child_protection",
        ["des"],
        {
            "ka": {
                "title": "ბავშვის დაცვა ძალადობისა და უგულებელყოფისგან",
                "slug": "bavshvis-datsva-dzaladobisgan",
                "intro": "მომართვიდან შემთხვევის მონიტორინგამდე.",
                "steps": [
                    (
                        "რეაგირების ფორმის განსაზღვრა",
                        "მომართვის შემდეგ მიზნობრივი ჯგუფის იდენტიფიცირება და რეაგირების "
                        "ფორმის განსაზღვრა.",
                        "სოციალური მუშაკი",
                    ),
                    (
                        "ბავშვისა და ოჯახის შეფასება",
                        "ვიზიტები ოჯახში, შეხვედრები გარემოცვასთან და ოფისში.",
                        "სოციალური მუშაკი",
                    ),
                    (
                        "დასკვნა და შემთხვევის მართვა",
                        "დასკვნის მომზადება; ბავშვის ოჯახიდან გამოყვანა ან მონიტორინგის "
                        "გაგრძელება ოჯახში; მასალების განთავსება „დეს“-ში.",
                        "სოციალური მუშაკი, უფროსი სოციალური მუშაკი",
                    ),
                ],
                "template": "ბავშვისა და ოჯახის შეფასების ფორმა",
            },
            "en": {
                "title": "Protecting children from violence and neglect",
                "slug": "protecting-children-from-violence",
                "intro": "From the referral to the monitoring of the case.",
                "steps": [
                    (
                        "Decide how to respond",
                        "After a referral, identify the target group and decide how to respond.",
                        "Social worker",
                    ),
                    (
                        "Assess the child and the family",
                        "Visit the family; meet the people around the child and at the office.",
                        "Social worker",
                    ),
                    (
                        "Conclusion and case management",
                        "Write the conclusion; remove the child from the family or keep "
                        "monitoring at home; file the material in DES.",
                        "Social worker, senior social worker",
                    ),
                ],
                "template": "Child and family assessment form",
            },
        },
    ),
    (
        "family_disputes",
        ["des"],
        {
            "ka": {
                "title": "ოჯახური დავები და აღსრულება",
                "slug": "ojakhuri-davebi-da-aghsruleba",
                "intro": "სასამართლოსთვის დასკვნის მომზადება და აღსრულების პროცესში ჩართულობა.",
                "steps": [
                    (
                        "განცხადების შესწავლა",
                        "შემოსული განცხადების შესწავლა და განხილვა იურისტთან ერთად.",
                        "სოციალური მუშაკი, იურისტი",
                    ),
                    (
                        "მხარეების შეფასება",
                        "ბავშვისა და მხარეების შეფასება, ელექტრონული ვერსიის შემუშავება.",
                        "სოციალური მუშაკი",
                    ),
                    (
                        "დასკვნა სასამართლოსთვის",
                        "დასკვნის მომზადება და იურისტისთვის ან ფსიქოლოგისთვის გადაცემა.",
                        "სოციალური მუშაკი",
                    ),
                ],
                "template": "სასამართლოსთვის წარსადგენი დასკვნის შაბლონი",
            },
            "en": {
                "title": "Family disputes and enforcement",
                "slug": "family-disputes-and-enforcement",
                "intro": "Conclusions for the court and taking part in enforcement.",
                "steps": [
                    (
                        "Study the application",
                        "Study the application and discuss it with the lawyer.",
                        "Social worker, lawyer",
                    ),
                    (
                        "Assess the parties",
                        "Assess the child and the parties; prepare the electronic record.",
                        "Social worker",
                    ),
                    (
                        "Conclusion for the court",
                        "Write the conclusion and hand it to the lawyer or the psychologist.",
                        "Social worker",
                    ),
                ],
                "template": "Conclusion template for the court",
            },
        },
    ),
    (
        "foster_care",
        ["des", "child"],
        {
            "ka": {
                "title": "მინდობით აღზრდა და რეინტეგრაცია",
                "slug": "mindobit-aghzrda-da-reintegratsia",
                "intro": "შემთხვევის სპეციალურ პროგრამაში განთავსება და ხელშეკრულების მომზადება.",
                "steps": [
                    (
                        "ინფორმაციის მიწოდება",
                        "ხელშეკრულების მოსამზადებლად ინფორმაციის მიწოდება უფლებამოსილი პირისთვის.",
                        "სოციალური მუშაკი",
                    ),
                    (
                        "ხელშეკრულება",
                        "ხელშეკრულების გაფორმება ცენტრის ხელმძღვანელსა და მეორე მხარეს შორის.",
                        "სამხარეო ცენტრის უფროსი",
                    ),
                ],
                "template": "მინდობით აღზრდის ხელშეკრულების ნიმუში",
            },
            "en": {
                "title": "Foster care and reintegration",
                "slug": "foster-care-and-reintegration",
                "intro": "Placing a case in the special programme and preparing the contract.",
                "steps": [
                    (
                        "Provide the information",
                        "Give the authorised person the information the contract needs.",
                        "Social worker",
                    ),
                    (
                        "Contract",
                        "The head of the centre and the other party sign the contract.",
                        "Head of the regional centre",
                    ),
                ],
                "template": "Model foster care contract",
            },
        },
    ),
    (
        "vouchers",
        ["child"],
        {
            "ka": {
                "title": "ვაუჩერები და დღის ცენტრები",
                "slug": "vaucherebi-da-dghis-tsentrebi",
                "intro": (
                    "კვების, ადრეული განვითარების, დღის ცენტრებისა და საოჯახო სახლების ვაუჩერები."
                ),
                "steps": [
                    (
                        "მონაცემების განთავსება",
                        "მონაცემების განთავსება პროგრამა „child“-ის ბაზაში.",
                        "სოციალური მუშაკი",
                    ),
                    (
                        "ვაუჩერის გადაცემა",
                        "ვაუჩერის ბეჭდვა, მომხმარებლისთვის გადაცემა და სარგებლობის წესის გაცნობა.",
                        "სოციალური მუშაკი",
                    ),
                ],
                "template": "ვაუჩერის გადაცემის აქტი",
            },
            "en": {
                "title": "Vouchers and day centres",
                "slug": "vouchers-and-day-centres",
                "intro": "Vouchers for nutrition, early development, day centres and family homes.",
                "steps": [
                    (
                        "Enter the data",
                        "Enter the data in the “child” programme database.",
                        "Social worker",
                    ),
                    (
                        "Hand over the voucher",
                        "Print the voucher, hand it to the beneficiary and explain how to use it.",
                        "Social worker",
                    ),
                ],
                "template": "Voucher hand-over record",
            },
        },
    ),
    (
        "court",
        ["des"],
        {
            "ka": {
                "title": "სასამართლო და პოლიციის პროცესები",
                "slug": "sasamartlo-da-politsiis-protsesebi",
                "intro": "დამცავი და შემაკავებელი ორდერები, არასრულწლოვანის დაკითხვა.",
                "steps": [
                    (
                        "დამცავი ორდერი",
                        "დამცავი და შემაკავებელი ორდერის დამტკიცებისას სასამართლო პროცესში "
                        "მონაწილეობა და დასკვნის წარდგენა.",
                        "სოციალური მუშაკი",
                    ),
                    (
                        "საპროცესო წარმომადგენლობა",
                        "არასრულწლოვანის დაკითხვისას საპროცესო წარმომადგენლობის გაწევა.",
                        "სოციალური მუშაკი",
                    ),
                ],
                "template": "სასამართლო პროცესში მონაწილეობის ოქმი",
            },
            "en": {
                "title": "Court and police proceedings",
                "slug": "court-and-police-proceedings",
                "intro": "Protective and restraining orders; questioning of minors.",
                "steps": [
                    (
                        "Protective order",
                        "Take part in the court hearing on a protective or restraining order "
                        "and present the conclusion.",
                        "Social worker",
                    ),
                    (
                        "Procedural representation",
                        "Represent a minor while the police question them.",
                        "Social worker",
                    ),
                ],
                "template": "Record of participation in a court hearing",
            },
        },
    ),
]
