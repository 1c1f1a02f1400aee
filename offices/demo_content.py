# ruff: noqa: E501 - prose: one sentence a line reads better than wrapped fragments
"""The demo territorial offices: one or more in every region. Addresses, phones and
coordinates are illustrative demo values near each town's centre."""

import datetime

INDEX = {
    "ka": {
        "title": "ტერიტორიული ერთეულები",
        "slug": "teritoriuli-erteulebi",
        "intro": (
            "სააგენტოს ტერიტორიული ერთეულები საქართველოს ყველა რეგიონში: მისამართი, "
            "ტელეფონი და სამუშაო საათები."
        ),
    },
    "en": {
        "title": "Territorial offices",
        "slug": "territorial-offices",
        "intro": (
            "The Agency's territorial offices in every region of Georgia: address, phone "
            "and opening hours."
        ),
    },
}

WORKING_WEEK = [(day, "09:00", "18:00") for day in range(5)]

# key, region, latitude, longitude, phone, e-mail, weekly hours, exceptions,
# {"ka": (title, municipality, address, accessibility), "en": (…)}
OFFICES = [
    (
        "tbilisi",
        "tbilisi",
        "41.709981",
        "44.802895",
        "+995 32 251 01 26",
        "info@ssa.gov.ge",
        WORKING_WEEK + [(5, "10:00", "14:00")],
        [],
        {
            "ka": ("თბილისის ტერიტორიული ერთეული", "თბილისი", "უზნაძის ქ. 144", "შესასვლელი ეტლით მისაწვდომია; შენობაში არის ლიფტი."),
            "en": ("Tbilisi territorial office", "Tbilisi", "144 Uznadze Street", "Step-free entrance; lift inside the building."),
        },
    ),
    (
        "batumi",
        "adjara",
        "41.641850",
        "41.633160",
        "+995 422 27 34 10",
        "batumi@ssa.gov.ge",
        WORKING_WEEK,
        [],
        {
            "ka": ("ბათუმის ტერიტორიული ერთეული", "ბათუმი", "ზ. გორგილაძის ქ. 71", "შესასვლელი ეტლით მისაწვდომია."),
            "en": ("Batumi territorial office", "Batumi", "71 Z. Gorgiladze Street", "Step-free entrance."),
        },
    ),
    (
        "ozurgeti",
        "guria",
        "41.924440",
        "42.006900",
        "+995 496 27 22 15",
        "ozurgeti@ssa.gov.ge",
        WORKING_WEEK,
        [],
        {
            "ka": ("ოზურგეთის ტერიტორიული ერთეული", "ოზურგეთი", "გურიის ქ. 18", ""),
            "en": ("Ozurgeti territorial office", "Ozurgeti", "18 Guria Street", ""),
        },
    ),
    (
        "kutaisi",
        "imereti",
        "42.270970",
        "42.704650",
        "+995 431 24 33 20",
        "kutaisi@ssa.gov.ge",
        WORKING_WEEK,
        [(datetime.date(2026, 12, 30), None, None, "ყოველწლიური ინვენტარიზაცია", "Annual stocktaking")],
        {
            "ka": ("ქუთაისის ტერიტორიული ერთეული", "ქუთაისი", "რუსთაველის გამზ. 42", "შესასვლელი ეტლით მისაწვდომია; პირველ სართულზე მიღება."),
            "en": ("Kutaisi territorial office", "Kutaisi", "42 Rustaveli Avenue", "Step-free entrance; reception on the ground floor."),
        },
    ),
    (
        "telavi",
        "kakheti",
        "41.919780",
        "45.473150",
        "+995 350 27 12 40",
        "telavi@ssa.gov.ge",
        WORKING_WEEK,
        [],
        {
            "ka": ("თელავის ტერიტორიული ერთეული", "თელავი", "ერეკლე II-ის ქ. 7", ""),
            "en": ("Telavi territorial office", "Telavi", "7 Erekle II Street", ""),
        },
    ),
    (
        "rustavi",
        "kvemo_kartli",
        "41.549520",
        "44.993230",
        "+995 341 25 04 11",
        "rustavi@ssa.gov.ge",
        WORKING_WEEK,
        [(datetime.date(2026, 12, 24), "10:00", "15:00", "შემოკლებული სამუშაო დღე", "Shortened working day")],
        {
            "ka": ("რუსთავის ტერიტორიული ერთეული", "რუსთავი", "მესხიშვილის ქ. 3", "შესასვლელი ეტლით მისაწვდომია."),
            "en": ("Rustavi territorial office", "Rustavi", "3 Meskhishvili Street", "Step-free entrance."),
        },
    ),
    (
        "mtskheta",
        "mtskheta_mtianeti",
        "41.845400",
        "44.720600",
        "+995 32 251 45 60",
        "mtskheta@ssa.gov.ge",
        WORKING_WEEK,
        [],
        {
            "ka": ("მცხეთის ტერიტორიული ერთეული", "მცხეთა", "დავით აღმაშენებლის ქ. 25", ""),
            "en": ("Mtskheta territorial office", "Mtskheta", "25 Davit Aghmashenebeli Street", ""),
        },
    ),
    (
        "ambrolauri",
        "racha_lechkhumi",
        "42.520300",
        "43.150000",
        "+995 439 22 11 05",
        "ambrolauri@ssa.gov.ge",
        [(day, "09:00", "17:00") for day in range(5)],
        [],
        {
            "ka": ("ამბროლაურის ტერიტორიული ერთეული", "ამბროლაური", "კოსტავას ქ. 12", ""),
            "en": ("Ambrolauri territorial office", "Ambrolauri", "12 Kostava Street", ""),
        },
    ),
    (
        "zugdidi",
        "samegrelo",
        "42.508800",
        "41.870900",
        "+995 415 25 30 70",
        "zugdidi@ssa.gov.ge",
        WORKING_WEEK,
        [],
        {
            "ka": ("ზუგდიდის ტერიტორიული ერთეული", "ზუგდიდი", "რუსთაველის ქ. 89", "შესასვლელი ეტლით მისაწვდომია."),
            "en": ("Zugdidi territorial office", "Zugdidi", "89 Rustaveli Street", "Step-free entrance."),
        },
    ),
    (
        "akhaltsikhe",
        "samtskhe_javakheti",
        "41.639000",
        "42.982600",
        "+995 365 22 04 33",
        "akhaltsikhe@ssa.gov.ge",
        WORKING_WEEK,
        [],
        {
            "ka": ("ახალციხის ტერიტორიული ერთეული", "ახალციხე", "თამარაშვილის ქ. 9", ""),
            "en": ("Akhaltsikhe territorial office", "Akhaltsikhe", "9 Tamarashvili Street", ""),
        },
    ),
    (
        "gori",
        "shida_kartli",
        "41.984700",
        "44.115800",
        "+995 370 27 55 18",
        "gori@ssa.gov.ge",
        WORKING_WEEK,
        [],
        {
            "ka": ("გორის ტერიტორიული ერთეული", "გორი", "ჭავჭავაძის ქ. 16", "შესასვლელი ეტლით მისაწვდომია."),
            "en": ("Gori territorial office", "Gori", "16 Chavchavadze Street", "Step-free entrance."),
        },
    ),
]  # fmt: skip
