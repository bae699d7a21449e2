from odoo.tests import TransactionCase

from ..tools import pdf_problem
from . import pdf_samples


class TestPdfCheck(TransactionCase):
    def test_plain_pdf_is_accepted(self):
        self.assertIsNone(pdf_problem(pdf_samples.PLAIN))

    def test_active_content_is_found_by_parsing_not_by_bytes(self):
        self.assertNotIn(b"/Launch", pdf_samples.LAUNCH_OBFUSCATED)
        for label, data in (("javascript", pdf_samples.JAVASCRIPT),
                            ("launch", pdf_samples.LAUNCH_OBFUSCATED),
                            ("embedded file", pdf_samples.EMBEDDED)):
            with self.subTest(label):
                self.assertEqual(pdf_problem(data), "active")

    def test_encrypted_and_broken_pdfs_are_refused(self):
        self.assertEqual(pdf_problem(pdf_samples.encrypted_pdf()), "encrypted")
        self.assertEqual(pdf_problem(pdf_samples.NOT_A_PDF_BODY), "unreadable")
