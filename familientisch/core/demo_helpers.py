"""What every app's demo builds its pages with (not a demo of its own: `load_demo` loads the
`demo` modules of the apps)."""

from wagtail.rich_text import RichText


def child_page(parent, model, slug, **fields):
    """The child of `parent` with this slug, created and published the first time only, so
    that running the demo again changes nothing. Every app's demo builds its pages with it."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def body(*parts):
    """Stream blocks from short markup: "## " starts a section heading, "### " a sub-heading,
    anything else is a paragraph of rich text."""
    blocks = []
    for part in parts:
        if part.startswith("### "):
            blocks.append(("heading", {"text": part[4:], "level": "h3"}))
        elif part.startswith("## "):
            blocks.append(("heading", {"text": part[3:], "level": "h2"}))
        else:
            blocks.append(
                ("paragraph", RichText(part if part.startswith("<") else f"<p>{part}</p>"))
            )
    return blocks
