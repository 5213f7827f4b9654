"""The password rule: long enough, not commonly used, and nothing of the person themselves in it.

The "commonly used" part is zxcvbn (Dropbox's estimator, the maintained Python port, pinned in
requirements.txt). It was chosen over a bare list of common passwords because it ships its
lists inside the package (30,000 common passwords, names, words; no network at run time) and
also sees what a list misses: "Welkom123456", "qwertyuiop12", "aaaaaaaaaaaa", a common
password with a year after it, and the person's own name in l33t. A public breach service
(Have I Been Pwned) would need the network on every password change; not for now.
"""

from __future__ import annotations

import re
import unicodedata

# 12 rather than the old 10: a phrase of three short words reaches it easily, and with the
# strength check below a 12-character password is out of reach of offline guessing against
# an Argon2 hash. NIST SP 800-63B-4 asks for 15 where a password is the only factor; for
# occasional users of a municipal tool 12 plus a blocklist is the balance chosen here. Raise
# this to 15 to follow NIST to the letter, and the messages (auth.* in briefs/catalogue.py).
MIN_LENGTH = 12
# zxcvbn's scale 0-4; 3 is "safely unguessable" (about 10^8 guesses), its authors' advice
# for sites that hash passwords slowly, as this one does.
MIN_SCORE = 3
# zxcvbn refuses longer input; a password longer than this is judged by its beginning.
ESTIMATE_LENGTH = 72
# Parts of a name, an e-mail or a municipality shorter than this are too common to forbid
# ("an", "de", "Ham"): they would refuse good passwords that merely contain the letters.
MIN_PERSONAL = 4
# Words of this site and its language that zxcvbn's English lists do not weigh as guessable.
# "kernbrief" is not among them: the demo accounts' public password is built on it.
SITE_WORDS = ("wachtwoord", "paswoord", "welkom", "geheim", "gemeente", "vlaanderen", "belgie")
# Digits written for letters ("L0tte", "4velgem") still spell the name; "1" is an i or an l.
_LEET = {"0": "o", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g"}
LEET_FORMS = (str.maketrans({**_LEET, "1": "i"}), str.maketrans({**_LEET, "1": "l"}))


def _folded(text: str) -> str:
    """Lower case, without accents, letters and digits only: "Sint-Niklaas" → "sintniklaas"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def personal_words(name: str = "", email: str = "", municipality: str = "") -> list[str]:
    """What of the person must not be in their password: e-mail local part, name, municipality."""
    local = email.strip().split("@", 1)[0]
    # The name by its parts: joined up, "An De Ham" would refuse "...dan de hamster".
    pieces = [local, municipality, *re.split(r"[\W_]+", f"{local} {name}")]
    words: list[str] = []
    for piece in pieces:
        folded = _folded(piece)
        if len(folded) >= MIN_PERSONAL and folded not in words:
            words.append(folded)
    return words


def password_problem(
    password: str, name: str = "", email: str = "", municipality: str = ""
) -> str | None:
    """Return why ``password`` is refused, as a reason for ``auth.account_<reason>``, or None.

    "password_short" below MIN_LENGTH; "password_personal" when it contains the e-mail's local
    part, a part of the name or the municipality; "password_common" when it is a commonly used
    password or close enough to one to be guessed (zxcvbn below MIN_SCORE).
    """
    if len(password) < MIN_LENGTH:
        return "password_short"
    personal = personal_words(name, email, municipality)
    folded = _folded(password.replace("@", "a").replace("$", "s"))
    forms = (folded, *(folded.translate(form) for form in LEET_FORMS))
    if any(word in form for word in personal for form in forms):
        return "password_personal"
    # zxcvbn loads its word lists with the module: imported when a password is set, not by
    # every process that merely imports the account code (the web server, every page).
    from zxcvbn import zxcvbn

    estimate = zxcvbn(password[:ESTIMATE_LENGTH], user_inputs=[*personal, *SITE_WORDS])
    if int(estimate["score"]) < MIN_SCORE:
        return "password_common"
    return None
