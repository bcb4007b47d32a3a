"""Asking outside websites whether a link still opens, politely: one request per host per
LINK_CHECKER_HOST_INTERVAL seconds (robots.txt and every redirect counted), a few hosts at a
time, a time-out per request, the site's name and address in the user agent, robots.txt
obeyed, HEAD first and GET only for servers that refuse HEAD, no retry within a run.

No database here: the workers only talk HTTP, the caller stores what they found."""

import http.client
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from itertools import groupby
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from django.utils.encoding import iri_to_uri

REDIRECTS = {301, 302, 303, 307, 308}
PERMANENT = {301, 308}
HEAD_REFUSED = {405, 501}
# "Too many requests" says nothing about the link: it counts as not checked today.
NOT_AN_ANSWER = {429}
MAX_REDIRECTS = 5
ROBOTS_MAX_BYTES = 512 * 1024


@dataclass(frozen=True)
class Answer:
    status: int | None = None
    error: str = ""
    final_url: str = ""
    permanent: bool = False  # the first redirect said "moved for good": worth fixing the link

    @property
    def broken(self):
        return bool(self.error) or self.status is None or self.status >= 400

    @property
    def redirected(self):
        return bool(self.final_url)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    # Each hop is a request of its own, paced and counted like the others.
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


class Pacer:
    """At most one request per `interval` seconds (one host's worker)."""

    def __init__(self, interval):
        self.interval, self.last = interval, None

    def wait(self):
        if self.last is not None:
            time.sleep(max(0.0, self.last + self.interval - time.monotonic()))
        self.last = time.monotonic()


@dataclass
class Client:
    user_agent: str
    timeout: float
    pacer: Pacer

    def request(self, url, method, read_body=False):
        """(status, response headers, body or None) of one request; redirects not followed."""
        self.pacer.wait()
        request = urllib.request.Request(
            to_uri(url), method=method, headers={"User-Agent": self.user_agent}
        )
        try:
            with _opener.open(request, timeout=self.timeout) as response:
                body = response.read(ROBOTS_MAX_BYTES) if read_body else None
                return response.status, response.headers, body
        except urllib.error.HTTPError as error:
            error.close()
            return error.code, error.headers, None

    def follow(self, url, method, read_body=False):
        """(final status, final address if it moved, first hop permanent?, body) after the
        redirects."""
        permanent, current = None, url
        for _hop in range(MAX_REDIRECTS + 1):
            status, headers, body = self.request(current, method, read_body)
            if status not in REDIRECTS or not headers.get("Location"):
                moved = current if current != url else ""
                return status, moved, bool(permanent), body
            permanent = status in PERMANENT if permanent is None else permanent
            current = urljoin(current, headers["Location"])
        raise http.client.HTTPException("too many redirects")

    def check(self, url):
        try:
            status, moved, permanent, _body = self.follow(url, "HEAD")
            if status in HEAD_REFUSED:
                status, moved, permanent, _body = self.follow(url, "GET")
        except (OSError, http.client.HTTPException, ValueError) as error:
            return Answer(error=describe(error))
        if status in NOT_AN_ANSWER:
            return None
        return Answer(status=status, final_url=moved, permanent=permanent)

    def robots(self, origin):
        """The rules of robots.txt at `origin`; None where there is no saying (a server
        error, no answer): the links are checked then, since a site that is down is what the
        check is for."""
        rules = RobotFileParser(origin + "/robots.txt")
        try:
            status, _moved, _permanent, body = self.follow(
                origin + "/robots.txt", "GET", read_body=True
            )
        except (OSError, http.client.HTTPException, ValueError):
            return None
        if status in (401, 403):
            rules.disallow_all = True  # as urllib.robotparser reads it
        elif 400 <= status < 500:
            rules.allow_all = True
        elif status >= 500 or body is None:
            return None
        else:
            rules.parse(body.decode("utf-8", errors="replace").splitlines())
        return rules


def to_uri(url):
    """An address as editors type it (umlauts in the host or the path) as HTTP sends it."""
    parts = urlsplit(url)
    host = (parts.hostname or "").encode("idna").decode("ascii")
    netloc = f"{host}:{parts.port}" if parts.port else host
    return iri_to_uri(parts._replace(netloc=netloc).geturl())


def describe(error):
    reason = getattr(error, "reason", None) or error
    if isinstance(reason, TimeoutError) or "timed out" in str(reason):
        return "timed out"
    return (str(reason) or type(reason).__name__)[:255]


def origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def check_host(urls, *, user_agent, timeout, interval):
    """{address: Answer, or None for no answer worth keeping} for addresses on one host,
    one after another; those robots.txt forbids are left out."""
    client = Client(user_agent, timeout, Pacer(interval))
    rules, answers = {}, {}
    for url in urls:
        origin = origin_of(url)
        if origin not in rules:
            rules[origin] = client.robots(origin)
        if rules[origin] is None or rules[origin].can_fetch(user_agent, url):
            answers[url] = client.check(url)
    return answers


def host_of(url):
    return (urlsplit(url).hostname or "").lower()


def check_all(urls, *, user_agent, timeout, interval, hosts_at_once):
    """Every address once, `hosts_at_once` hosts in parallel, each host's in turn."""
    by_host = [list(group) for _host, group in groupby(sorted(set(urls), key=host_of), host_of)]

    def one_host(host_urls):
        return check_host(host_urls, user_agent=user_agent, timeout=timeout, interval=interval)

    answers = {}
    with ThreadPoolExecutor(max_workers=hosts_at_once) as pool:
        for found in pool.map(one_host, by_host):
            answers.update(found)
    return answers
