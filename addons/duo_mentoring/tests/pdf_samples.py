"""Small PDFs built byte by byte (with a correct cross-reference table), plain or carrying
what a CV must not: scripts, launch actions, embedded files."""

PAGES = b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"


def build_pdf(catalog_extra=b"", *extra_objects):
    objects = [b"<< /Type /Catalog /Pages 2 0 R " + catalog_extra + b" >>", PAGES, PAGE,
               *extra_objects]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return out


PLAIN = build_pdf()
# A script run when the document opens, named through the document's name tree.
JAVASCRIPT = build_pdf(b"/Names << /JavaScript 4 0 R >>",
                       b"<< /Names [(a) << /S /JavaScript /JS (app.alert(1)) >>] >>")
# A launch action whose name is written with an escape: a byte search for "/Launch" misses it.
LAUNCH_OBFUSCATED = build_pdf(b"/OpenAction 4 0 R", b"<< /S /L#61unch /F (calc.exe) >>")
# A file embedded in the PDF (it could be an executable).
EMBEDDED = build_pdf(b"/Names << /EmbeddedFiles 4 0 R >>",
                     b"<< /Names [(x.exe) << /Type /Filespec /F (x.exe) >>] >>")
NOT_A_PDF_BODY = b"%PDF-1.4\n this is not a PDF at all"


def padded_pdf(size):
    """A plain PDF of about `size` bytes (a stream of filler), as real CVs weigh."""
    return build_pdf(b"", b"<< /Length %d >>\nstream\n%s\nendstream" % (size, b"0" * size))


def encrypted_pdf():
    # Imported here: the benchmark loads this file without Odoo's PDF tools.
    import io  # noqa: PLC0415

    from odoo.tools.pdf import PdfReader, PdfWriter  # noqa: PLC0415

    writer = PdfWriter()
    writer.append_pages_from_reader(PdfReader(io.BytesIO(PLAIN)))
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
