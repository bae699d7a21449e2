import base64
from datetime import date

from lxml import etree

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools.misc import file_open

from ..belcotax import BelcotaxError, BelcotaxWriter, get_writer
from .common import DuoTaxReceiptCommon, national_number

XSD_PATH = "duo_fundraising/tests/data/Belcotax-2024.xsd"


@tagged("at_install", "-post_install")
class TestBelcotaxFile(DuoTaxReceiptCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with file_open(XSD_PATH, "rb") as xsd:
            cls.schema = etree.XMLSchema(etree.parse(xsd))

    def _validate(self, content):
        document = etree.fromstring(content)
        if not self.schema.validate(document):
            self.fail(f"Not valid against the official XSD: {self.schema.error_log}")
        return document

    def _file(self, kind="original", **vals):
        filing = self.env["duo.fiscal.filing"].with_user(self.user_fundraiser).create(
            {"fiscal_year_id": self.fiscal_year.id, "kind": kind, **vals})
        filing.action_generate()
        return filing, self._validate(base64.b64decode(filing.file))

    def test_original_file_is_valid_with_its_control_totals(self):
        self._gift(self.anne, 40)
        self._gift(self.bart, 125.50)
        self._gift(self.chloe, 60)
        receipts = self._issue()
        filing, xml = self._file()
        self.assertEqual(xml.findtext(".//v0002_inkomstenjaar"), str(self.YEAR))
        self.assertEqual(xml.findtext(".//v0010_bestandtype"), "BELCOTAX")
        self.assertEqual(xml.findtext(".//v0024_nationaalnr"), "0412345614")
        self.assertEqual(xml.findtext(".//v0025_typeenvoi"), "0")
        fiches = xml.findall(".//Opgave32571/Fiche28171")
        self.assertEqual(len(fiches), 3, "one record per receipt")
        by_number = {int(f.findtext("f2009_volgnummer")): f for f in fiches}
        self.assertEqual(set(by_number), set(receipts.mapped("number")))
        bart = receipts.filtered(lambda r: r.partner_id == self.bart)
        fiche = by_number[bart.number]
        self.assertEqual(fiche.findtext("f2011_nationaalnr"), national_number(900115, 123))
        self.assertEqual(fiche.findtext("f2013_naam"), "Claes")
        self.assertEqual(fiche.findtext("f2114_voornamen"), "Bart")
        self.assertEqual(fiche.findtext("f2028_typetraitement"), "0")
        self.assertEqual(fiche.findtext("f71_2060_bedragliberaliteiten"), "12550")
        # control totals: records, sum of the order numbers (1+2+3), sum of the amounts
        self.assertEqual(xml.findtext(".//r8010_aantalrecords"), "5")
        self.assertEqual(xml.findtext(".//r8011_controletotaal"), "6")
        self.assertEqual(xml.findtext(".//r8012_controletotaal"), "22550")
        self.assertEqual(xml.findtext(".//r9011_totaalaantalrecords"), "7")
        self.assertEqual(xml.findtext(".//r9012_controletotaal"), "6")
        self.assertEqual(xml.findtext(".//r9013_controletotaal"), "22550")
        self.assertEqual((filing.record_count, filing.number_total, filing.amount_total),
                         (3, 6, 225.5))
        # filed: the reference stays on the receipts
        filing.reference = "123456"
        filing.action_mark_filed()
        self.assertEqual(set(receipts.mapped("state")), {"filed"})
        self.assertEqual(set(receipts.mapped("filing_reference")), {"123456"})
        with self.assertRaises(UserError):
            self._file()  # nothing left to file

    def test_test_file_flag(self):
        self._gift(self.anne, 40)
        self._issue()
        filing, xml = self._file(is_test=True)
        self.assertEqual(xml.findtext(".//v0010_bestandtype"), "BCTEST")
        self.assertIn("test", filing.filename)
        filing.reference = "1"
        with self.assertRaises(UserError):
            filing.action_mark_filed()

    def test_correction_file_for_receipts_filed_already(self):
        gifts = self._gift(self.anne, 50) | self._gift(self.anne, 50)
        self._gift(self.bart, 60)
        self._gift(self.chloe, 70)
        receipts = self._issue()
        original, _xml = self._file()
        original.reference = "654321"
        original.action_mark_filed()
        anne, bart, chloe = (receipts.filtered(lambda r, p=p: r.partner_id == p)
                             for p in (self.anne, self.bart, self.chloe))
        gifts[1].action_refund()
        anne._apply_correction(50, "refund")
        bart._apply_cancel("not a gift: a sponsorship")
        self.assertTrue(anne.filing_pending and bart.filing_pending)
        self.assertEqual(self.fiscal_year.to_correct_count, 2)
        filing, xml = self._file(kind="corrective")
        self.assertEqual(filing.corrected_reference, "654321")
        self.assertEqual(xml.findtext(".//v0025_typeenvoi"), "1")
        self.assertEqual(xml.findtext(".//v0026_referte"), "654321")
        fiches = {int(f.findtext("f2009_volgnummer")): f
                  for f in xml.findall(".//Fiche28171")}
        self.assertEqual(set(fiches), {anne.number, bart.number}, "chloé's receipt is fine")
        self.assertEqual(fiches[anne.number].findtext("f2028_typetraitement"), "1")
        self.assertEqual(fiches[anne.number].findtext("f71_2060_bedragliberaliteiten"), "5000")
        self.assertEqual(fiches[bart.number].findtext("f2028_typetraitement"), "3")
        self.assertEqual(xml.findtext(".//r8011_controletotaal"),
                         str(anne.number + bart.number))
        filing.reference = "654400"
        filing.action_mark_filed()
        self.assertEqual((anne.state, anne.filing_reference, anne.correction_reference),
                         ("corrected", "654321", "654400"))
        self.assertFalse(anne.filing_pending or bart.filing_pending)
        self.assertEqual(chloe.state, "filed")

    def test_years_without_a_format_and_missing_settings_say_so(self):
        self.fiscal_year.file_format = False
        self._gift(self.anne, 40)
        self._issue()
        with self.assertRaisesRegex(UserError, "JSON Lines"):
            self._file()
        self.fiscal_year.file_format = "belcotax_xml"
        self.company.duo_receipt_contact_name = False
        with self.assertRaisesRegex(UserError, "contact person"):
            self._file()

    def test_one_small_writer_interface(self):
        writer = get_writer("belcotax_xml")
        self.assertIsInstance(writer, BelcotaxWriter)
        self.assertEqual(writer.extension, "xml")
        with self.assertRaises(BelcotaxError):
            get_writer("belcotax_jsonl")
        self.assertEqual(self.env["duo.fiscal.year"]._fields["file_format"]
                         .get_values(self.env), ["belcotax_xml"])
        self.assertEqual(date(self.YEAR + 1, 3, 1), self.fiscal_year.deadline)
