"""Small helpers shared by the DUO add-ons (no ORM models here)."""

import io


def installed_lang(env, code):
    """The active Odoo language closest to `code`: itself, else the same language of another
    country (Belgian French for fr_FR when only fr_BE is installed), else False (render in
    the default)."""
    if not code:
        return False
    if env["res.lang"]._get_data(code=code).active:
        return code
    prefix = code.split("_")[0]
    variants = sorted(active for active, _name in env["res.lang"].get_installed()
                      if active.split("_")[0] == prefix)
    belgian = f"{prefix}_BE"
    return belgian if belgian in variants else (variants[0] if variants else False)


def contact_lang(code):
    """The DUO contact language (fr_FR, nl_BE or en_US) closest to an Odoo language code:
    a visitor browsing in fr_BE is written to in French."""
    prefix = (code or "").split("_")[0]
    return {"fr": "fr_FR", "nl": "nl_BE"}.get(prefix, "en_US")


# PDF features that run or open something when the file is viewed: scripts, launch actions
# (start a program), embedded files, forms that submit or import data, rich media and XFA.
PDF_ACTIVE_KEYS = frozenset({
    "/JS", "/JavaScript", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/RichMedia",
    "/XFA", "/SubmitForm", "/ImportData",
})
PDF_ACTIVE_ACTIONS = frozenset({"/JavaScript", "/Launch", "/SubmitForm", "/ImportData",
                                "/RichMediaExecute"})
PDF_MAX_OBJECTS = 50000


def pdf_problem(data):
    """Why this PDF may not be accepted ("unreadable", "encrypted", "active", "complex"), or
    None. The file is parsed with a PDF library and every object reachable from its trailer
    is walked: names are compared once decoded, so `/J#61vaScript` is `/JavaScript`."""
    # Imported here: Odoo's PDF tools import its ORM, which plain tools must not need.
    from odoo.tools.pdf import PdfReader  # noqa: PLC0415

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            return "encrypted"
        stack, seen = [reader.trailer], set()
        while stack:
            node = stack.pop()
            reference = getattr(node, "idnum", None)
            if reference is not None:
                if reference in seen:
                    continue
                seen.add(reference)
                if len(seen) > PDF_MAX_OBJECTS:
                    return "complex"
                node = node.get_object()
            if isinstance(node, dict):
                if PDF_ACTIVE_KEYS & set(node) or node.get("/S") in PDF_ACTIVE_ACTIONS:
                    return "active"
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
    except Exception:  # noqa: BLE001 - any parser failure means we cannot vouch for the file
        return "unreadable"
    return None
