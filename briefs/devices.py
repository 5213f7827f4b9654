"""The browser and system of a login in plain words, from the User-Agent kept with the login."""

from __future__ import annotations

from functools import lru_cache

from briefs.i18n import Translator


@lru_cache(maxsize=512)
def browser_and_system(user_agent: str) -> tuple[str, str]:
    """Return the browser's and the operating system's names ("" when not recognised).

    Recognised by ua-parser's shared rules (uap-core) rather than by hand: browsers name
    each other in their User-Agent ("Chrome … Safari … Edg/…"), and those rules know the
    order in which to read them.
    """
    # Its rules load with the module: imported when the account page shows logins, not before.
    import ua_parser

    parsed = ua_parser.parse(user_agent)
    browser = parsed.user_agent.family if parsed.user_agent else ""
    system = parsed.os.family if parsed.os else ""
    return _known(browser), _known(system)


def _known(family: str) -> str:
    return "" if family in ("", "Other") else family


def device_words(user_agent: str, t: Translator) -> str:
    """Say which browser on which system a login was made with, as in "Firefox op Windows".

    The words come from text the browser sent: show them as text, never as markup.
    """
    browser, system = browser_and_system(user_agent)
    if browser and system:
        return t("device.browser_on_system", browser=browser, system=system)
    return browser or system or t("device.unknown")
