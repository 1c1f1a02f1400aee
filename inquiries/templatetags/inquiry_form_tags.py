from django import template

register = template.Library()


@register.filter
def field_described(field):
    """The field's widget, pointing screen readers to its help text and errors."""
    described = []
    if field.help_text:
        described.append(f"{field.auto_id}-help")
    if field.errors:
        described.append(f"{field.auto_id}-error")
    attrs = {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if field.errors:
        attrs["aria-invalid"] = "true"
    if field.field.required and field.name != "consent":
        attrs["aria-required"] = "true"
    return field.as_widget(attrs=attrs)
