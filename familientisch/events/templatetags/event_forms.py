from django import template

register = template.Library()


@register.simple_tag
def described_widget(field):
    """The field's widget, tied to its help text and error message for screen readers."""
    described_by = []
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
    if field.help_text:
        described_by.append(f"{field.auto_id}-help")
    attrs = {"aria-describedby": " ".join(described_by)} if described_by else {}
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
