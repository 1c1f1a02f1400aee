"""The request types the form offers from the start, with their legal periods.

Each period is the default of the law named in its legal basis; the agency's lawyer
confirms each before the form goes live, and Public Reception can change them in the admin.
"""

DEFAULT_REQUEST_TYPES = [
    {
        "name_ka": "შეკითხვა ან განცხადება",
        "name_en": "Question or application",
        "kind": "question",
        "deadline_days": 30,
        "working_days": False,
        "legal_basis": (
            "საქართველოს ზოგადი ადმინისტრაციული კოდექსი, მუხლი 100 (ერთი თვე); "
            "ადასტურებს სააგენტოს იურისტი"
        ),
        "sort_order": 1,
    },
    {
        "name_ka": "საჯარო ინფორმაციის გამოთხოვა",
        "name_en": "Request for public information",
        "kind": "public_information",
        "deadline_days": 10,
        "working_days": False,
        "legal_basis": (
            "საქართველოს ზოგადი ადმინისტრაციული კოდექსი, მუხლი 40 (დაუყოვნებლივ, "
            "არაუგვიანეს 10 დღისა); ადასტურებს სააგენტოს იურისტი"
        ),
        "sort_order": 2,
    },
    {
        "name_ka": "ჩემი პერსონალური მონაცემების გამოთხოვა",
        "name_en": "Request for my own personal data",
        "kind": "personal_data",
        "deadline_days": 10,
        "working_days": True,
        "legal_basis": (
            "„პერსონალურ მონაცემთა დაცვის შესახებ“ საქართველოს კანონი, მონაცემთა სუბიექტის "
            "ინფორმაციის მიღების უფლება (10 სამუშაო დღე); მუხლს ადასტურებს სააგენტოს იურისტი"
        ),
        "sort_order": 3,
    },
    {
        "name_ka": "საჩივარი",
        "name_en": "Complaint",
        "kind": "complaint",
        "deadline_days": 30,
        "working_days": False,
        "legal_basis": (
            "საქართველოს ზოგადი ადმინისტრაციული კოდექსი, მუხლი 202 (ერთი თვე); "
            "ადასტურებს სააგენტოს იურისტი"
        ),
        "sort_order": 4,
    },
]


def ensure_default_request_types(model=None):
    """Create the default types that are missing (by legal kind); returns the created."""
    if model is None:
        from inquiries.models import RequestType as model
    created = []
    for values in DEFAULT_REQUEST_TYPES:
        if not model.objects.filter(kind=values["kind"]).exists():
            created.append(model.objects.create(**values))
    return created
