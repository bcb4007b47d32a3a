"""What a visitor does in the browser, written once so that tests read like their stories."""

from collections import OrderedDict
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe
from wagtail.models import Page

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MAX_TABS = 80

# Addresses that are views, not pages: checked beside one page of every page type.
VIEW_PATHS = {
    "search": "suche/?q=Datenschutz",
    "barrier report": "barriere-melden/",
    "404": "fehlt/",
}


def one_page_per_type(language):
    """{page type label: path} with the first live page (by tree order) of every concrete page
    type in this language. Found in the database, so types merged later are covered too."""
    pages = OrderedDict()
    queryset = (
        Page.objects.live()
        .filter(locale__language_code=language, depth__gt=1)
        .order_by("path")
        .specific()
    )
    for page in queryset:
        pages.setdefault(page.specific_class._meta.label, page.url)
    return pages


def addresses_to_check(language):
    paths = one_page_per_type(language)
    for name, path in VIEW_PATHS.items():
        paths[name] = f"/{language}/{path}"
    return paths


def visit(page, base_url, path):
    response = page.goto(base_url + path, wait_until="load")
    return response


def axe_report(page):
    """'' when axe finds no WCAG 2.1 A/AA violation, otherwise its readable report."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    return "" if results.violations_count == 0 else results.generate_report()


def focused_text(page):
    return page.evaluate("document.activeElement && document.activeElement.innerText.trim()")


def tab_to(page, text, backwards=False):
    """Press Tab (or Shift+Tab) until the focused element shows `text`, as a keyboard user
    would; fails after MAX_TABS presses instead of clicking."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        if focused_text(page) == text:
            return
    raise AssertionError(f"{text!r} cannot be reached with the {key} key")


def follow_by_keyboard(page, text):
    """Tab to the link showing `text` and press Enter; waits for the next page."""
    tab_to(page, text)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def type_into(page, selector, value):
    """Tab to the field and type, replacing what is there."""
    field = page.locator(selector)
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if field.evaluate("element => element === document.activeElement"):
            page.keyboard.press("ControlOrMeta+A")
            page.keyboard.type(value)
            return
    raise AssertionError(f"the field {selector!r} cannot be reached with the Tab key")


class NetworkLog:
    """Bytes of HTML, CSS and JavaScript a page loads, and every host it talks to."""

    COUNTED = {"document", "stylesheet", "script"}

    def __init__(self, page):
        self.hosts = set()
        self.responses = []
        page.on("request", lambda request: self.hosts.add(urlsplit(request.url).netloc))
        page.on("response", lambda response: self.responses.append(response))

    def reset(self):
        self.hosts.clear()
        self.responses.clear()

    @property
    def weight(self):
        return sum(
            len(response.body())
            for response in self.responses
            if response.request.resource_type in self.COUNTED
        )


def drawn_left_of(locator, first, second):
    """Whether the text `first` is drawn to the left of the text `second` inside the element."""
    return locator.evaluate(
        """(element, [first, second]) => {
            const left = (text) => {
                const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                    const at = walker.currentNode.data.indexOf(text);
                    if (at < 0) continue;
                    const range = document.createRange();
                    range.setStart(walker.currentNode, at);
                    range.setEnd(walker.currentNode, at + text.length);
                    return range.getBoundingClientRect().left;
                }
                throw new Error(`${text} is not in the element`);
            };
            return left(first) < left(second);
        }""",
        [first, second],
    )
