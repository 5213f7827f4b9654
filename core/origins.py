"""Which web origins may open the app's websocket and send it changes: the public URL only."""

from __future__ import annotations

from urllib.parse import urlsplit

# Requests that only read; a foreign page cannot read their answers without CORS headers.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def origin_of(url: str) -> str:
    """Return ``scheme://host[:port]`` of an http(s) URL, lower-case, default port left out.

    Raises ValueError for anything else, so that KERNBRIEF_PUBLIC_URL is checked at start.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(url)
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    port = parts.port
    if port is None or (scheme, port) in (("http", 80), ("https", 443)):
        return f"{scheme}://{host}"
    return f"{scheme}://{host}:{port}"


def _netloc(origin: str) -> str:
    """``host[:port]`` of an origin as a browser's Host header carries it (no default port)."""
    return origin_of(origin).split("://", 1)[1]


def _same_origin(origin: str, host_header: str) -> bool:
    """The page's origin is the address the browser sent this request to (its Host header).

    Host and port must match exactly; the scheme is not compared, because behind a proxy that
    ends TLS the app itself is reached over plain http and cannot see what the browser used.
    """
    try:
        return bool(host_header) and _netloc(origin) == _netloc(f"http://{host_header}")
    except ValueError:
        return False


def origin_allowed(origin: str | None, host_header: str, public_origin: str) -> bool:
    """Tell whether a page of ``origin`` may talk to the app.

    With a public URL configured (a deployment), only that origin. Without one (`make run`,
    a demo on a laptop or a LAN), only the address the app was opened at: host and port, so
    another service on the same host is another origin, unlike Streamlit's own check, which
    admits every port of localhost and of the machine's addresses. A missing or "null"
    origin is never allowed here; callers decide where a missing one is fine (programs that
    are no browser).
    """
    if not origin or origin == "null":
        return False
    if public_origin:
        try:
            return origin_of(origin) == public_origin
        except ValueError:
            return False
    return _same_origin(origin, host_header)
