"""The press release editor as the admin sends it: the edit form's own fields, read from
the page Wagtail renders, plus the parts its JavaScript would add (empty streams, no new
comments)."""

from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import querydict_from_html

EDIT_FORM_ID = "page-edit-form"
STREAMS = ("body", "related_services")


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def edit_form_data(client, page, **changes):
    response = client.get(edit_url(page))
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    data = querydict_from_html(html, form_id=EDIT_FORM_ID)
    form = WagtailTestUtils.get_soup(html).find("form", attrs={"id": EDIT_FORM_ID})
    for checkbox in form.find_all("input", type="checkbox", checked=True):
        if "value" not in checkbox.attrs:  # a browser sends "on" for these
            data[checkbox["name"]] = "on"
    for name, value in list(data.items()):
        if value.startswith("\n"):  # a browser drops a textarea's first line break
            data[name] = value[1:]
    for stream in STREAMS:
        data[f"{stream}-count"] = "0"
    for key, value in {"TOTAL_FORMS": "0", "INITIAL_FORMS": "0", "MIN_NUM_FORMS": "0"}.items():
        data[f"comments-{key}"] = value
    data["comments-MAX_NUM_FORMS"] = "1000"
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data
