"""Small helpers shared by the DUO add-ons (no ORM models here)."""


def installed_lang(env, code):
    """`code` if Odoo has that language active, else False (render in the default)."""
    return code if code and env["res.lang"]._get_data(code=code).active else False


def contact_lang(code):
    """The DUO contact language (fr_FR, nl_BE or en_US) closest to an Odoo language code:
    a visitor browsing in fr_BE is written to in French."""
    prefix = (code or "").split("_")[0]
    return {"fr": "fr_FR", "nl": "nl_BE"}.get(prefix, "en_US")
