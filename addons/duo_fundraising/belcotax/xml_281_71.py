"""Belcotax-on-web XML for form 281.71 (gifts), as the tax administration's XSD describes it
for the income years filed in XML (up to 2024; tests/data keeps the official schema).

One sending (Verzending) holds one declaration (Aangifte) of one debtor, itself one list
325.71 (Opgave32571) of receipts (Fiche28171). Amounts are in euro cents. The trailers carry
the control totals: number of records, sum of the order numbers (zone 2.009), sum of the
amounts (zone 2.059)."""

from lxml import etree

from .writer import (
    TREATMENT_CANCELLATION,
    TREATMENT_CORRECTION,
    TREATMENT_ORIGINAL,
    BelcotaxError,
    BelcotaxWriter,
    register,
)

# Zone 2.028, type of treatment of a receipt.
TREATMENT_CODES = {TREATMENT_ORIGINAL: "0", TREATMENT_CORRECTION: "1",
                   TREATMENT_CANCELLATION: "3"}
LANGUAGE_CODES = {"nl": "1", "fr": "2", "de": "3"}
# Lengths the administration's validation module enforces.
MAX_LENGTHS = {
    "v0014_naam": 41, "v0015_adres": 32, "v0016_postcode": 4, "v0017_gemeente": 27,
    "v0018_telefoonnummer": 12, "v0021_contactpersoon": 34, "v0023_emailadres": 44,
    "v0026_referte": 6, "a1011_naamnl1": 28, "a1013_adresnl": 32, "a1014_postcodebelgisch": 4,
    "a1015_gemeente": 27, "f2010_referentie": 20, "f2013_naam": 41, "f2015_adres": 150,
    "f2016_postcodebelgisch": 4, "f2017_gemeente": 50, "f2114_voornamen": 15,
}


def _add(parent, tag, value):
    element = etree.SubElement(parent, tag)
    text = str(value)
    limit = MAX_LENGTHS.get(tag)
    element.text = text[:limit] if limit else text
    return element


@register
class Xml28171Writer(BelcotaxWriter):
    code = "belcotax_xml"
    extension = "xml"
    mimetype = "application/xml"

    def render(self, sending):
        self._check(sending)
        issuer = sending.issuer
        year = sending.year
        root = etree.Element("Verzendingen")
        envoi = etree.SubElement(root, "Verzending")
        _add(envoi, "v0002_inkomstenjaar", year)
        _add(envoi, "v0010_bestandtype", "BCTEST" if sending.test else "BELCOTAX")
        _add(envoi, "v0011_aanmaakdatum", sending.created.strftime("%d-%m-%Y"))
        _add(envoi, "v0014_naam", issuer.name)
        _add(envoi, "v0015_adres", issuer.street)
        _add(envoi, "v0016_postcode", issuer.zip)
        _add(envoi, "v0017_gemeente", issuer.city)
        _add(envoi, "v0018_telefoonnummer", issuer.phone)
        _add(envoi, "v0021_contactpersoon", issuer.contact)
        _add(envoi, "v0022_taalcode", LANGUAGE_CODES[issuer.language])
        _add(envoi, "v0023_emailadres", issuer.email)
        _add(envoi, "v0024_nationaalnr", issuer.company_number)
        _add(envoi, "v0025_typeenvoi", "1" if sending.corrective else "0")
        if sending.corrective:
            _add(envoi, "v0026_referte", sending.corrected_reference)
        declarations = etree.SubElement(envoi, "Aangiften")
        declaration = etree.SubElement(declarations, "Aangifte")
        _add(declaration, "a1002_inkomstenjaar", year)
        _add(declaration, "a1005_registratienummer", issuer.company_number)
        _add(declaration, "a1011_naamnl1", issuer.name)
        _add(declaration, "a1013_adresnl", issuer.street)
        _add(declaration, "a1014_postcodebelgisch", issuer.zip)
        _add(declaration, "a1015_gemeente", issuer.city)
        _add(declaration, "a1020_taalcode", LANGUAGE_CODES[issuer.language])
        statements = etree.SubElement(declaration, "Opgaven")
        statement = etree.SubElement(statements, "Opgave32571")
        for receipt in sending.receipts:
            self._write_receipt(statement, sending, receipt)
        count = sending.record_count
        _add(declaration, "r8002_inkomstenjaar", year)
        _add(declaration, "r8005_registratienummer", issuer.company_number)
        # the declaration's own first and last records count too
        _add(declaration, "r8010_aantalrecords", count + 2)
        _add(declaration, "r8011_controletotaal", sending.number_total)
        _add(declaration, "r8012_controletotaal", sending.amount_total_cents)
        _add(envoi, "r9002_inkomstenjaar", year)
        # logical files: the sending's start, one declaration, the sending's end
        _add(envoi, "r9010_aantallogbestanden", 3)
        _add(envoi, "r9011_totaalaantalrecords", count + 4)
        _add(envoi, "r9012_controletotaal", sending.number_total)
        _add(envoi, "r9013_controletotaal", sending.amount_total_cents)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)

    def _write_receipt(self, statement, sending, receipt):
        fiche = etree.SubElement(statement, "Fiche28171")
        _add(fiche, "f2002_inkomstenjaar", sending.year)
        _add(fiche, "f2005_registratienummer", sending.issuer.company_number)
        _add(fiche, "f2008_typefiche", "28171")
        _add(fiche, "f2009_volgnummer", receipt.number)
        if receipt.reference:
            _add(fiche, "f2010_referentie", receipt.reference)
        if receipt.national_number:
            _add(fiche, "f2011_nationaalnr", receipt.national_number)
        _add(fiche, "f2013_naam", receipt.last_name)
        _add(fiche, "f2015_adres", receipt.street)
        _add(fiche, "f2016_postcodebelgisch", receipt.zip)
        _add(fiche, "f2017_gemeente", receipt.city)
        _add(fiche, "f2028_typetraitement", TREATMENT_CODES[receipt.treatment])
        _add(fiche, "f2029_enkelopgave325", "0")
        if receipt.first_names:
            _add(fiche, "f2114_voornamen", receipt.first_names)
        # zone 2.059: the control total of the receipt, the sum of its amounts
        _add(fiche, "f71_2059_totaalcontrole", receipt.amount_cents)
        _add(fiche, "f71_2060_bedragliberaliteiten", receipt.amount_cents)

    def _check(self, sending):
        if not sending.receipts:
            raise BelcotaxError("A sending needs at least one receipt.")
        if sending.issuer.language not in LANGUAGE_CODES:
            raise BelcotaxError(f"Unknown language {sending.issuer.language!r}.")
        if sending.corrective and not sending.corrected_reference:
            raise BelcotaxError("A corrective sending names the sending it corrects.")
        for receipt in sending.receipts:
            if receipt.treatment not in TREATMENT_CODES:
                raise BelcotaxError(f"Unknown treatment {receipt.treatment!r}.")
            if (receipt.treatment == TREATMENT_ORIGINAL) == sending.corrective:
                raise BelcotaxError("An original sending holds original receipts only, a "
                                    "corrective one corrections and cancellations only.")
            if receipt.country_code != "BE":
                # Belcotax codes countries with its own table; only Belgian addresses here.
                raise BelcotaxError(f"Receipt {receipt.number}: only Belgian addresses go "
                                    "into the file.")
